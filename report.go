package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/loader"
)

// printReport writes a plain summary of what was loaded.
func printReport(w io.Writer, arts []*loader.Article, bundled bool) {
	if bundled {
		fmt.Fprintln(w, "No input given: showing the bundled sample, five reports of the US airstrikes of 27 June 2021.")
		fmt.Fprintln(w)
	}
	if len(arts) == 1 {
		fmt.Fprintln(w, "1 article loaded")
	} else {
		fmt.Fprintf(w, "%d articles loaded\n", len(arts))
	}
	for _, a := range arts {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "%s  (%s, %s)\n", a.ID, a.Format, a.Path)
		fmt.Fprintf(w, "  source:     %s\n", a.Source)
		if a.Title != "" {
			fmt.Fprintf(w, "  title:      %s\n", a.Title)
		}
		if a.Author != "" {
			fmt.Fprintf(w, "  author:     %s\n", a.Author)
		}
		if d := a.Published.String(); d != "" {
			fmt.Fprintf(w, "  published:  %s\n", d)
		} else {
			fmt.Fprintf(w, "  published:  unknown\n")
		}
		if a.URL != "" {
			fmt.Fprintf(w, "  url:        %s\n", a.URL)
		}
		counts := map[loader.Kind]int{}
		sentences := 0
		for _, p := range a.Paragraphs {
			counts[p.Kind]++
			if p.Kind == loader.KindBody {
				sentences += len(p.Sentences)
			}
		}
		var parts []string
		for _, k := range []loader.Kind{loader.KindBody, loader.KindTitle, loader.KindSubheading, loader.KindCaption, loader.KindBoilerplate} {
			if counts[k] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
			}
		}
		fmt.Fprintf(w, "  paragraphs: %d (%s); %d body sentences\n", len(a.Paragraphs), strings.Join(parts, ", "), sentences)
	}
}
