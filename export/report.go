package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// ReportOptions set how the plain report looks.
type ReportOptions struct {
	Color   bool // bold and colour marks: only on a terminal, never under NO_COLOR
	Bundled bool // the articles are the bundled sample: say so
}

// Report writes a plain comparison for terminals and pipes: the sources as
// loaded, then every discrepancy with each source's words, the verdicts and
// notes, and the facts one source alone reports.
func Report(w io.Writer, d Doc, o ReportOptions) error {
	bw := bufio.NewWriter(w)
	sgr := func(code, s string) string {
		if !o.Color {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
	bold := func(s string) string { return sgr("1", s) }
	r := d.Result
	arts := d.byID()
	if o.Bundled {
		fmt.Fprintln(bw, "No input given: showing the bundled sample, five reports of the US airstrikes of 27 June 2021.")
		fmt.Fprintln(bw)
	}
	if len(r.Sources) == 1 {
		fmt.Fprintln(bw, bold("1 article loaded"))
	} else {
		fmt.Fprintln(bw, bold(fmt.Sprintf("%d articles loaded", len(r.Sources))))
	}
	for _, id := range r.Sources {
		writeSource(bw, arts[id], bold)
	}

	fmt.Fprintln(bw)
	open := 0
	for _, disc := range r.Discrepancies {
		if d.Review.Get(disc).Status == review.Open {
			open++
		}
	}
	fmt.Fprintln(bw, bold(fmt.Sprintf("%d topics, %d discrepancies (%d open)", len(r.Topics), len(r.Discrepancies), open)))
	topicLabel := map[string]string{}
	for _, t := range r.Topics {
		topicLabel[t.ID] = t.Label
	}
	for _, disc := range r.Discrepancies {
		e := d.Review.Get(disc)
		sev := string(disc.Severity)
		if sev == "high" {
			sev = sgr("1;31", sev)
		}
		fmt.Fprintln(bw)
		fmt.Fprintf(bw, "%s  %s · severity %s · %s · topic %s (%s)\n", bold(disc.ID), disc.Kind, sev, verdictText(e.Status), disc.Topic, topicLabel[disc.Topic])
		fmt.Fprintf(bw, "    %s\n", disc.Summary)
		for _, c := range disc.Claims {
			nm := c.Source
			if a := arts[c.Source]; a != nil {
				nm = name(a)
			}
			fmt.Fprintf(bw, "    - %s ¶%d: “%s”\n", nm, c.Paragraph, sgr("4", c.Text))
			if v := c.ShortValue(); v != "" {
				fmt.Fprintf(bw, "        value: %s\n", v)
			}
		}
		if len(disc.Diff) > 0 {
			parts := make([]string, 0, len(disc.Diff))
			for _, op := range disc.Diff {
				switch op.Op {
				case "delete":
					parts = append(parts, sgr("31", "[-"+op.Text+"-]"))
				case "insert":
					parts = append(parts, sgr("32", "{+"+op.Text+"+}"))
				default:
					parts = append(parts, op.Text)
				}
			}
			fmt.Fprintf(bw, "    difference: %s\n", strings.Join(parts, " "))
		}
		if disc.Why != "" {
			fmt.Fprintf(bw, "    why: %s\n", disc.Why)
		}
		if e.Note != "" {
			fmt.Fprintf(bw, "    note: %s\n", e.Note)
		}
	}
	if len(r.Unique) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, bold(fmt.Sprintf("Reported by one source only (%d)", len(r.Unique))))
		for _, u := range r.Unique {
			nm := u.Source
			if a := arts[u.Source]; a != nil {
				nm = name(a)
			}
			fmt.Fprintf(bw, "  - %s ¶%d: “%s”\n", nm, u.Paragraph, u.Text)
		}
	}
	return bw.Flush()
}

// writeSource describes one loaded article.
func writeSource(w io.Writer, a *loader.Article, bold func(string) string) {
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%s  (%s, %s)\n", bold(a.ID), a.Format, a.Path)
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
