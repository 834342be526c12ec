package main

const usage = `parallax puts news articles about one event side by side and shows where they disagree.

Usage:
  parallax [flags] [INPUT...]          open the interface (with no INPUT: the bundled sample)
  parallax report [flags] [INPUT...]   print the comparison as plain text, for terminals and pipes
  parallax export --format md|html|json [-o FILE] [flags] [INPUT...]
                                       write the annotated comparison (to stdout without -o)
  parallax version                     print the version
  parallax help, parallax --help       print this help

  Flags may stand anywhere among the inputs; "--" ends them (parallax report -- -odd-name.txt).
  The report and the exports show the verdicts saved in the review of these articles.

Inputs:
  FILE          a plain text (.txt), Markdown (.md), HTML (.html, .htm) or JSON (.json) article;
                other names are recognised by their content
  FOLDER        every supported file inside, in name order; hidden files are skipped
  -             standard input
  URL           an http:// or https:// page, fetched with a timeout and a size cap

  Plain text may open with header lines (Title:, Source:, Date:, URL:, Author:) and a
  " date YYYY-MM-DD" marker. Markdown may carry YAML front matter (title, source, date, url,
  author). JSON is one article object, an array of them, or a news API response such as
  {"articles": [...]}, with the usual field names (title/headline, text/body/content,
  url/link, source/outlet/site_name, published/publishedAt/date/datePublished, author/byline).

Flags:
  --review FILE        the review file (verdicts and notes); default: one per set of articles
                       in the state directory ($XDG_STATE_HOME/parallax/reviews), found
                       whatever the order of the inputs
  --format, -f FORMAT  with export: md, html or json
  -o, --output FILE    with export: write here, atomically, instead of stdout (the folder
                       must exist)
  --theme light|dark|auto
                       the interface's palette: made for a light or a dark background, or
                       auto (the default) to ask the terminal; the flag wins over the
                       PARALLAX_THEME environment variable, which takes the same words
  --max-size SIZE      refuse an input larger than this (default 10MiB; e.g. 512KiB, 50MiB)
  --timeout DURATION   give up on a URL after this long (default 20s)
  --budget DURATION    give up on reading one input after this long, and on the comparison
                       after as long again, with an error that names the input (default 1m;
                       e.g. 30s, 5m): a page built to stall a reader ends the run, not hangs it
  --user-agent STRING  the User-Agent sent with URL requests
  --json               the older spelling of export --format json
  --version            print the version

Examples:
  parallax                                   open the bundled sample
  parallax reuters.txt ap.html bbc.md        compare three saved articles
  parallax articles/                         compare every article in a folder
  curl -s https://example.com/a | parallax - b.txt
  parallax report export.json                summarise a news API export
  parallax export -f html -o cmp.html a.txt b.html   a page to share
  parallax export -f json a.txt b.html > cmp.json    the comparison as JSON, for scripts
  parallax report a.txt b.html | less                 read it without the interface
  parallax export a.txt b.html -f md -o cmp.md       flags after the inputs work too

Interface keys (? inside shows them all):
  ] [ next/previous discrepancy   } { topic   f F fact   / n N search   ctrl+o back
  tab 1-9 source   z pair mode   v filter   c confirm   x dismiss   a note   u undo
  r which source is right   L evidence link   m mark words for a finding of yours
  p fix topics   T fact table   R review   P timeline   e export   ? help   q quit

Exit codes:
  0  success
  1  an input could not be loaded (or not within --budget), the comparison ran past
     --budget, a review file is corrupt or of other articles, an output could not be
     written, or another failure
  2  usage error (an unknown command or flag, or a bad flag value)
`
