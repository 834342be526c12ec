package main

const usage = `parallax puts news articles about one event side by side and shows where they disagree.

Usage:
  parallax [flags] [INPUT...]          compare the articles (with no INPUT: the bundled sample)
  parallax report [flags] [INPUT...]   print a plain summary of what was loaded
  parallax version                     print the version
  parallax help, parallax --help       print this help

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
  --max-size SIZE      refuse an input larger than this (default 10MiB; e.g. 512KiB, 50MiB)
  --timeout DURATION   give up on a URL after this long (default 20s)
  --user-agent STRING  the User-Agent sent with URL requests
  --json               print the comparison as JSON (the EXPORT-JSON contract, version 1)
  --version            print the version

Examples:
  parallax                                   open the bundled sample
  parallax reuters.txt ap.html bbc.md        compare three saved articles
  parallax articles/                         compare every article in a folder
  curl -s https://example.com/a | parallax - b.txt
  parallax report export.json                summarise a news API export
  parallax --json a.txt b.html > cmp.json    the comparison as JSON, for scripts

Exit codes:
  0  success
  1  an input could not be loaded, or another failure
  2  usage error (an unknown flag or a bad flag value)
`
