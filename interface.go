package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/export"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/tui"
)

// runInterface loads and compares inside the interface (a spinner shows
// while it works), then prints what the reviewer should know once the
// screen is back: warnings, inputs that failed.
func runInterface(inputs []string, cfg config, stdin io.Reader, stdout, stderr io.Writer) int {
	out, ok := stdout.(*os.File)
	if !ok || !term.IsTerminal(out.Fd()) {
		fmt.Fprintf(stderr, "parallax: %v\n", tui.ErrNoTerminal)
		return exitFailure
	}
	var keys io.Reader
	var preloaded *loader.Result
	var preErr error
	for _, in := range inputs {
		if in == "-" {
			// Standard input carries an article: read it now, and take keys
			// from the terminal itself.
			res, _, err := load(inputs, cfg, stdin)
			preloaded, preErr = &res, err
			tty, _, terr := tea.OpenTTY()
			if terr != nil {
				fmt.Fprintf(stderr, "parallax: open the terminal for keys: %v\n", terr)
				return exitFailure
			}
			defer tty.Close()
			keys = tty
			break
		}
	}
	loadFn := interfaceLoad(inputs, cfg, stdin, preloaded, preErr)
	exportFn := func(format string, d tui.Data) (string, error) {
		path, err := filepath.Abs("parallax-review" + export.Extension(format))
		if err != nil {
			return "", err
		}
		doc := export.Doc{Generator: "parallax " + version, Articles: d.Articles, Result: d.Result, Review: d.Store}
		return path, export.WriteFile(path, format, doc)
	}
	// Everything the loader found comes back in data, handed over by the
	// interface's message: nothing is shared with the loading goroutine,
	// which may still run when the reviewer quit during loading.
	data, err := tui.Run(tui.Options{Load: loadFn, Export: exportFn, Input: keys, Output: out, Theme: cfg.theme})
	return afterInterface(data, err, stderr)
}

// afterInterface says, once the screen is back, what the reviewer should
// know (warnings, inputs that failed, a failed save) and gives the exit
// code. data is what the interface's loading handed over by message: empty
// when the reviewer quit during loading, whose goroutine may still run and
// shares nothing with this.
func afterInterface(data tui.Data, err error, stderr io.Writer) int {
	printLoadProblems(stderr, loader.Result{Articles: data.Articles, Warnings: data.Warnings}, data.LoadErr)
	if data.StoreErr != nil {
		fmt.Fprintf(stderr, "parallax: %v\n", data.StoreErr)
	}
	failed := data.LoadErr != nil || data.StoreErr != nil
	// A verdict given just before quitting may still be on its way to the
	// disk in a command the program does not wait for: save once more (a
	// no-op when the file is current) so that no verdict is lost.
	if data.Store != nil {
		if serr := data.Store.Save(); serr != nil {
			fmt.Fprintf(stderr, "parallax: %v\n", serr)
			failed = true
		}
	}
	if err != nil {
		if data.LoadErr == nil || len(data.Articles) > 0 {
			fmt.Fprintf(stderr, "parallax: %v\n", err) // else the inputs' own errors said it
		}
		return exitFailure
	}
	if failed {
		return exitFailure
	}
	return exitOK
}

// interfaceLoad is the interface's loading: read the inputs (or take what
// was read from standard input already), compare, open the review. It runs
// off the interface's goroutine and returns everything in its result.
func interfaceLoad(inputs []string, cfg config, stdin io.Reader, preloaded *loader.Result, preErr error) tui.LoadFunc {
	return func() (tui.Data, error) {
		var res loader.Result
		var err error
		bundled := false
		if preloaded != nil {
			res, err = *preloaded, preErr
		} else {
			res, bundled, err = load(inputs, cfg, stdin)
		}
		d := tui.Data{Articles: res.Articles, Warnings: res.Warnings, LoadErr: err, Errors: errorLines(err), Sample: bundled}
		if len(res.Articles) == 0 {
			return d, errors.New("no article could be loaded")
		}
		if len(res.Articles) < 2 {
			d.Warnings = append(d.Warnings, "a comparison needs at least two articles; 1 loaded")
		}
		// The review's topic fixes are the engine's pins; the interface
		// places the reviewer's findings and attaches the verdicts itself.
		d.Store, d.StoreErr = openReview(cfg.review, res.Articles, false)
		budget := cmp.Or(cfg.budget, defaultBudget)
		pins := d.Store.Pins(res.Articles)
		if d.Result, err = compareWithin(budget, res.Articles, func() *compare.Result {
			return compare.CompareWith(res.Articles, compare.Options{Pins: pins})
		}); err != nil {
			return d, err
		}
		// A source that may report another event is said at once: its
		// facts are set against nobody's, which a reviewer must know.
		for _, o := range d.Result.OffEvent {
			name := o.Source
			for _, a := range res.Articles {
				if a.ID == o.Source {
					name = cmp.Or(a.Source, a.Title, a.ID)
				}
			}
			d.Warnings = append(d.Warnings, name+": may not be about the same event ("+o.Reason+"); its facts are set against no other source's")
		}
		return d, nil
	}
}

// errorLines is one line an error, as printLoadProblems prints them
// (errorList flattens a joined error).
func errorLines(err error) []string {
	var out []string
	for _, e := range errorList(err) {
		out = append(out, e.Error())
	}
	return out
}

// useColor says whether plain output may carry colour: only on a terminal,
// and never under NO_COLOR.
func useColor(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return false
	}
	p := colorprofile.Detect(f, os.Environ())
	return p > colorprofile.Ascii
}
