package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

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
	var loadErr error
	var loadRes loader.Result
	loadFn := func() (tui.Data, error) {
		var res loader.Result
		var err error
		if preloaded != nil {
			res, err = *preloaded, preErr
		} else {
			res, _, err = load(inputs, cfg, stdin)
		}
		loadRes, loadErr = res, err
		if len(res.Articles) == 0 {
			return tui.Data{}, errors.New("no article could be loaded")
		}
		d := tui.Data{Articles: res.Articles, Result: compare.Compare(res.Articles), Warnings: res.Warnings}
		if err != nil {
			d.Errors = strings.Split(err.Error(), "\n")
		}
		if len(res.Articles) < 2 {
			d.Warnings = append(d.Warnings, "a comparison needs at least two articles; 1 loaded")
		}
		d.Store, d.StoreErr = openReview(cfg.review, res.Articles, false)
		return d, nil
	}
	exportFn := func(format string, d tui.Data) (string, error) {
		path, err := filepath.Abs("parallax-review" + export.Extension(format))
		if err != nil {
			return "", err
		}
		doc := export.Doc{Generator: "parallax " + version, Articles: d.Articles, Result: d.Result, Review: d.Store}
		return path, export.WriteFile(path, format, doc)
	}
	data, err := tui.Run(tui.Options{Load: loadFn, Export: exportFn, Input: keys, Output: out})
	printLoadProblems(stderr, loadRes, loadErr)
	if data.StoreErr != nil {
		fmt.Fprintf(stderr, "parallax: %v\n", data.StoreErr)
	}
	if err != nil {
		if loadErr == nil || len(loadRes.Articles) > 0 {
			fmt.Fprintf(stderr, "parallax: %v\n", err) // else the inputs' own errors said it
		}
		return exitFailure
	}
	if loadErr != nil || data.StoreErr != nil {
		return exitFailure
	}
	return exitOK
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
