// Command parallax puts news articles about one event side by side and shows
// where they disagree. See README.md, or run parallax --help.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/export"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
	"github.com/parallax-news/parallax/seeds"
	"github.com/parallax-news/parallax/tui"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes, as --help documents them.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// config is what the flags set.
type config struct {
	maxSize   int64
	timeout   time.Duration
	budget    time.Duration // for reading one input, and again for the comparison
	userAgent string
	review    string // the review file, "" for the one in the state directory
	theme     tui.Theme
}

// commands are the first words parallax takes as a command rather than an
// input, as --help lists them.
var commands = []string{"report", "export", "version", "help"}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := ""
	if len(args) > 0 {
		switch {
		case slices.Contains(commands, args[0]):
			cmd, args = args[0], args[1:]
		case looksLikeCommand(args[0]):
			say(stderr, "parallax: unknown command %q: the commands are %s; an input is a file, a folder, a URL or -", args[0], strings.Join(commands, ", "))
			say(stderr, "Run 'parallax --help' for usage.")
			return exitUsage
		}
	}
	switch cmd {
	case "version":
		fmt.Fprintf(stdout, "parallax %s\n", version)
		return exitOK
	case "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}

	var cfg config
	fl := flag.NewFlagSet("parallax", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	maxSize := fl.String("max-size", "10MiB", "")
	fl.DurationVar(&cfg.timeout, "timeout", loader.DefaultTimeout, "")
	fl.DurationVar(&cfg.budget, "budget", defaultBudget, "")
	fl.StringVar(&cfg.userAgent, "user-agent", loader.DefaultUserAgent, "")
	fl.StringVar(&cfg.review, "review", "", "")
	showVersion := fl.Bool("version", false, "")
	asJSON := fl.Bool("json", false, "")
	format := fl.String("format", "", "")
	fl.StringVar(format, "f", "", "")
	outPath := fl.String("o", "", "")
	fl.StringVar(outPath, "output", "", "")
	theme := fl.String("theme", "", "")
	inputs, err := parseArgs(fl, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return exitOK
		}
		say(stderr, "parallax: %v", err)
		say(stderr, "Run 'parallax --help' for usage.")
		return exitUsage
	}
	if *showVersion {
		fmt.Fprintf(stdout, "parallax %s\n", version)
		return exitOK
	}
	n, err := parseSize(*maxSize)
	if err != nil {
		say(stderr, "parallax: --max-size %q: %v", *maxSize, err)
		return exitUsage
	}
	cfg.maxSize = n
	if cfg.timeout <= 0 {
		say(stderr, "parallax: --timeout must be positive")
		return exitUsage
	}
	if cfg.budget <= 0 {
		say(stderr, "parallax: --budget must be positive")
		return exitUsage
	}
	// The interface's palette: this flag, else PARALLAX_THEME, else the
	// terminal's background (see tui.Options.Theme).
	if cfg.theme, err = tui.ParseTheme(*theme); err != nil {
		say(stderr, "parallax: --theme %q: want light, dark or auto", *theme)
		return exitUsage
	}
	if *asJSON { // the older spelling of export --format json
		cmd, *format = "export", "json"
	}
	if cmd == "export" {
		if *format == "" {
			say(stderr, "parallax: export needs --format (md, html or json)")
			return exitUsage
		}
		if !slices.Contains(export.Formats, *format) {
			say(stderr, "parallax: --format %q: want md, html or json", *format)
			return exitUsage
		}
	} else if *format != "" || *outPath != "" {
		say(stderr, "parallax: --format and -o go with 'parallax export'")
		return exitUsage
	}
	if cmd == "" {
		return runInterface(inputs, cfg, stdin, stdout, stderr)
	}

	res, bundled, err := load(inputs, cfg, stdin)
	printLoadProblems(stderr, res, err)
	if len(res.Articles) == 0 {
		return exitFailure
	}
	if len(res.Articles) < 2 {
		say(stderr, "parallax: a comparison needs at least two articles; %d loaded\n", len(res.Articles))
	}
	// The report and the exports read the review (the one given, else the
	// one of these articles in the state directory); they never write it.
	// Its topic fixes and the reviewer's findings are applied, as in the
	// interface.
	store, rerr := openReview(cfg.review, res.Articles, cfg.review == "")
	if rerr != nil {
		say(stderr, "parallax: %v\n", rerr)
		return exitFailure
	}
	for _, w := range store.Warnings() {
		say(stderr, "parallax: warning: review %s: %s\n", store.Path, w)
	}
	result, cerr := compareWithin(cfg.budget, res.Articles, func() *compare.Result { return review.Compare(res.Articles, store) })
	if cerr != nil {
		say(stderr, "parallax: %v", cerr)
		return exitFailure
	}
	doc := export.Doc{Generator: "parallax " + version, Articles: res.Articles, Result: result, Review: store}
	switch cmd {
	case "report":
		if werr := export.Report(stdout, doc, export.ReportOptions{Color: useColor(stdout), Bundled: bundled}); werr != nil {
			say(stderr, "parallax: write report: %v\n", werr)
			return exitFailure
		}
	case "export":
		if *outPath == "" || *outPath == "-" {
			if werr := export.Write(stdout, *format, doc); werr != nil {
				say(stderr, "parallax: export %s: %v\n", *format, werr)
				return exitFailure
			}
		} else if werr := export.WriteFile(*outPath, *format, doc); werr != nil {
			say(stderr, "parallax: export %s: %v\n", *format, werr)
			return exitFailure
		}
	}
	if err != nil {
		return exitFailure
	}
	return exitOK
}

// say writes one line for a person on stderr. Messages carry file names,
// URLs, HTTP status lines and review paths, all from outside: the line is
// cleaned as article text is (loader.Sanitize), and a line break inside a
// value becomes a space, so that a file name can neither act on the
// terminal nor forge a line of its own.
func say(w io.Writer, format string, args ...any) {
	msg := strings.TrimSuffix(fmt.Sprintf(format, args...), "\n")
	msg, _ = loader.ValidUTF8([]byte(msg))
	msg, _ = loader.Sanitize(msg)
	msg = strings.NewReplacer("\n", " ", "\t", " ").Replace(msg)
	io.WriteString(w, msg+"\n")
}

// printLoadProblems writes the loader's warnings and errors, one line each.
func printLoadProblems(stderr io.Writer, res loader.Result, err error) {
	for _, w := range res.Warnings {
		say(stderr, "parallax: warning: %s", w)
	}
	for _, e := range errorList(err) {
		say(stderr, "parallax: %v", e)
	}
}

// errorList flattens joined errors (errors.Join and any error with
// Unwrap() []error) into their leaves, one per problem, in order.
func errorList(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, errorList(e)...)
		}
		return out
	}
	return []error{err}
}

// parseArgs reads flags wherever they stand among the inputs ("parallax
// export a.txt -f html b.txt"): a word that starts with "-" is a flag
// (with its value, in the next word or after "="), "-" alone is standard
// input, and "--" ends the flags, so that an input named "-x.txt" can be
// given after it. It returns the inputs in order.
func parseArgs(fl *flag.FlagSet, args []string) ([]string, error) {
	var inputs []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(inputs, args[i+1:]...), nil
		}
		if a == "-" || !strings.HasPrefix(a, "-") {
			inputs = append(inputs, a)
			continue
		}
		chunk := []string{a}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if f := fl.Lookup(name); f != nil && !hasValue && !isBoolFlag(f) && i+1 < len(args) {
			chunk = append(chunk, args[i+1])
			i++
		}
		if err := fl.Parse(chunk); err != nil {
			return nil, err
		}
	}
	return inputs, nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// looksLikeCommand says whether a first word was meant as a command: it is
// not an input (a path that exists, a URL, "-", a flag), and it has no
// extension or folder in it as a file name would ("reprot", not
// "reprot.txt", which is reported as a missing file).
func looksLikeCommand(w string) bool {
	if w == "" || strings.HasPrefix(w, "-") || loader.IsURL(w) || strings.ContainsAny(w, "./\\") {
		return false
	}
	_, err := os.Stat(w)
	return err != nil
}

// openReview opens the review of these articles: the file given, else the
// one in the state directory (found whatever the order of the inputs; see
// review.Locate). When optional, a state directory that cannot be had is no
// error: everything is open.
func openReview(path string, arts []*loader.Article, optional bool) (*review.Store, error) {
	srcs := review.SourcesOf(arts)
	if isBundled(arts) {
		// The sample is the same articles wherever parallax runs from: its
		// review must not depend on the working folder.
		for i := range srcs {
			srcs[i].Key = "parallax:" + arts[i].Path
		}
	}
	var imports []string
	if path == "" {
		dir, err := review.Dir()
		if err == nil {
			var loc review.Location
			loc, err = review.Locate(dir, srcs)
			path, imports = loc.Path, loc.Imports
		}
		if err != nil {
			if optional {
				return nil, nil
			}
			return nil, err
		}
	}
	return review.OpenFile(path, srcs, imports...)
}

// isBundled says whether the articles are the bundled sample (or its files
// in a checkout, which are the same articles).
func isBundled(arts []*loader.Article) bool {
	names := seeds.Names()
	if len(arts) != len(names) {
		return false
	}
	for i, a := range arts {
		if a.Path != "seeds/"+names[i] {
			return false
		}
	}
	return true
}

// defaultBudget is how long parallax reads one input, and then compares,
// before it gives up with an error instead of seeming to hang. A 10 MB
// article, the largest input by default, takes seconds to read; a minute
// leaves room for a slow machine and a large comparison, and still ends a
// pathological input's run in a time a person will wait.
const defaultBudget = time.Minute

// compareWithin runs the comparison, giving up after budget. The engine
// cannot be stopped midway: its goroutine is left behind, and the process
// ends soon after, on the error; the error names the largest input, the
// likeliest cause, so that a person knows what to leave out or split.
func compareWithin(budget time.Duration, arts []*loader.Article, fn func() *compare.Result) (*compare.Result, error) {
	paceGC(arts) // every comparison passes here
	done := make(chan *compare.Result, 1)
	go func() { done <- fn() }()
	timer := time.NewTimer(budget)
	defer timer.Stop()
	select {
	case r := <-done:
		collectAfterCompare(arts)
		return r, nil
	case <-timer.C:
		msg := fmt.Sprintf("the comparison gave up after %s (--budget)", budget)
		if a, size := largestInput(arts); a != nil {
			msg += fmt.Sprintf("; the largest input is %s (%s of text): an input built to stall the engine, or one too large to compare in that time", describeInput(a), loader.FormatBytes(size))
		}
		return nil, errors.New(msg)
	}
}

// largestInput is the article with the most text, and how much.
func largestInput(arts []*loader.Article) (*loader.Article, int64) {
	var best *loader.Article
	var most int64 = -1
	for _, a := range arts {
		var n int64
		for _, p := range a.Paragraphs {
			n += int64(len(p.Text))
		}
		if n > most {
			best, most = a, n
		}
	}
	return best, most
}

// describeInput names an article as the loader's messages do: its input,
// or standard input.
func describeInput(a *loader.Article) string {
	if a.Path == "-" {
		return "standard input"
	}
	return a.ShownPath()
}

// load reads the inputs, or the bundled sample when there are none.
func load(inputs []string, cfg config, stdin io.Reader) (loader.Result, bool, error) {
	opt := loader.Options{MaxBytes: cfg.maxSize, Timeout: cfg.timeout, UserAgent: cfg.userAgent, Stdin: stdin, Budget: cfg.budget}
	bundled := len(inputs) == 0
	if bundled {
		opt.FS = seeds.FS
		names := seeds.Names()
		inputs = names
	}
	res, err := loader.Load(context.Background(), inputs, opt)
	if bundled {
		for _, a := range res.Articles {
			a.Path = "seeds/" + a.Path // where the sample lives in the repository
		}
	}
	return res, bundled, err
}

// parseSize reads a byte count: 10MiB, 512KiB, 2MB, 1000.
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"gib", 1 << 30}, {"mib", 1 << 20}, {"kib", 1 << 10}, {"gb", 1e9}, {"mb", 1e6}, {"kb", 1e3}, {"g", 1 << 30}, {"m", 1 << 20}, {"k", 1 << 10}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, errors.New("want a positive size such as 10MiB, 512KiB or 2000000")
	}
	return n * mult, nil
}
