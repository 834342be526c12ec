package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// ReportOptions set how the plain report looks.
type ReportOptions struct {
	Color   bool // bold and colour marks: only on a terminal, never under NO_COLOR
	Bundled bool // the articles are the bundled sample: say so
}

// Report writes a plain comparison for terminals and pipes: the sources as
// loaded and their timeline, then every discrepancy with each source's
// words, the verdicts (which source is right, the note, the evidence), the
// verdicts that match no finding, and the facts one source alone reports.
// Every string from outside is cleaned (clean.go): no control character or
// escape sequence of an article, a file name or a note reaches the
// terminal; the only escape sequences are the report's own colours.
func Report(w io.Writer, d Doc, o ReportOptions) error {
	bw := bufio.NewWriter(w)
	sgr := func(code, s string) string {
		if !o.Color {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
	bold := func(s string) string { return sgr("1", s) }
	v := newView(d)
	r := v.res
	if o.Bundled {
		fmt.Fprintln(bw, "No input given: showing the bundled sample, five reports of the US airstrikes of 27 June 2021.")
		fmt.Fprintln(bw)
	}
	fmt.Fprintln(bw, bold(plural(len(v.sources), "article")+" loaded"))
	for _, s := range v.sources {
		writeSource(bw, s, bold)
	}
	if len(v.timeline) > 1 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, bold("Timeline"))
		for i, s := range v.timeline {
			fmt.Fprintf(bw, "  %d. %-25s %s%s\n", i+1, orDash(s.Published, "undated"), s.Name, v.gap(s))
		}
	}
	if len(v.offEvent) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, bold("May not be about the same event (facts set against no other source's)"))
		for _, o := range v.offEvent {
			fmt.Fprintf(bw, "  - %s (%s): %s\n", o.Name, o.ID, o.Reason)
		}
	}
	if len(v.excluded) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, bold("Left out of the comparison by the reviewer"))
		for _, s := range v.excluded {
			fmt.Fprintf(bw, "  - %s (%s)\n", s.Name, s.ID)
		}
	}
	if rl := v.reviewLine(); rl != "" {
		fmt.Fprintln(bw)
		fmt.Fprintf(bw, "%s %s\n", bold("Review:"), rl)
	}

	fmt.Fprintln(bw)
	open := 0
	for _, vd := range v.discs {
		if vd.Review.Status == review.Open {
			open++
		}
	}
	fmt.Fprintln(bw, bold(fmt.Sprintf("%s, %s (%d open)", plural(len(r.Topics), "topic"), plural(len(v.discs), "discrepancy"), open)))
	for _, vd := range v.discs {
		e := vd.Review
		sev := string(vd.Severity)
		if vd.Severity == compare.SeverityHigh {
			sev = sgr("1;31", sev)
		}
		fmt.Fprintln(bw)
		fmt.Fprintf(bw, "%s %s %s · severity %s · %s · topic %s (%s)\n", bold(vd.ID), ownMark(vd), vd.Kind, sev, verdictLine(e, vd.RightName, same), vd.Topic, v.topicLabel[vd.Topic])
		fmt.Fprintf(bw, "    %s\n", vd.Summary)
		for _, c := range vd.Claims {
			fmt.Fprintf(bw, "    - %s ¶%d: “%s”\n", v.name(c.Source), c.Paragraph, sgr("4", line(c.Text)))
			if sv := c.ShortValue(); sv != "" {
				fmt.Fprintf(bw, "        value: %s\n", sv)
			}
		}
		if len(vd.Diff) > 0 {
			parts := make([]string, 0, len(vd.Diff))
			for _, op := range vd.Diff {
				switch op.Op {
				case compare.OpDelete:
					parts = append(parts, sgr("31", "[-"+op.Text+"-]"))
				case compare.OpInsert:
					parts = append(parts, sgr("32", "{+"+op.Text+"+}"))
				default:
					parts = append(parts, op.Text)
				}
			}
			fmt.Fprintf(bw, "    difference: %s\n", strings.Join(parts, " "))
		}
		if vd.Why != "" {
			fmt.Fprintf(bw, "    why: %s\n", vd.Why)
		}
		if e.Note != "" {
			fmt.Fprintf(bw, "    note: %s\n", e.Note)
		}
		if e.Evidence != "" {
			fmt.Fprintf(bw, "    evidence: %s\n", e.Evidence)
		}
		if len(vd.StaleNames) > 0 {
			fmt.Fprintf(bw, "    (the verdict was given before the text of %s changed)\n", strings.Join(vd.StaleNames, ", "))
		}
	}
	if len(v.orphans) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, bold(fmt.Sprintf("Verdicts that match no finding (%d), kept in the review", len(v.orphans))))
		for _, o := range v.orphans {
			fmt.Fprintf(bw, "  - %s %s · %s: %s\n", orDash(o.ID, "?"), orDash(string(o.Kind), "finding"), verdictLine(o.Entry, o.RightName, same), o.Summary)
			for _, c := range o.Claims {
				fmt.Fprintf(bw, "      %s: “%s”\n", c.Source, c.Words)
			}
			if o.Note != "" {
				fmt.Fprintf(bw, "      note: %s\n", o.Note)
			}
			if o.Evidence != "" {
				fmt.Fprintf(bw, "      evidence: %s\n", o.Evidence)
			}
		}
	}
	if len(v.unplaced) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, bold(fmt.Sprintf("Findings of the reviewer not in this comparison (%d), kept in the review", len(v.unplaced))))
		for _, u := range v.unplaced {
			fmt.Fprintf(bw, "  - ✎ %s: %s\n", u.Kind, u.Problem)
			for _, c := range u.Claims {
				fmt.Fprintf(bw, "      %s: “%s”\n", c.Name, c.Words)
			}
			if u.Note != "" {
				fmt.Fprintf(bw, "      note: %s\n", u.Note)
			}
		}
	}
	if len(v.fixes) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, bold(fmt.Sprintf("Topic fixes by the reviewer (%d)", len(v.fixes))))
		for _, f := range v.fixes {
			fmt.Fprintf(bw, "  - %s: %s (%s", f.Op, f.Says, plural(len(f.Pins), "pin"))
			if f.Unapplied > 0 {
				fmt.Fprintf(bw, "; %d not applied: the paragraph is gone", f.Unapplied)
			}
			fmt.Fprintln(bw, ")")
		}
	}
	if len(v.table) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, bold(fmt.Sprintf("Fact table (%s): ! a discrepancy sets the cells against each other, ≠ the sources differ, 1 one source only", plural(len(v.table), "row"))))
		for _, vr := range v.table {
			what := orDash(vr.Label, vr.Key)
			if len(vr.Discs) > 0 {
				what += " (" + strings.Join(vr.Discs, ", ") + ")"
			}
			fmt.Fprintf(bw, "  %-3s %s\n", vr.marks(), what)
			for _, c := range vr.Cells {
				if c.Value != "" {
					fmt.Fprintf(bw, "        %s: %s  ¶%d “%s”\n", v.sources[c.N].Name, c.Value, c.Paragraph, shorten(c.Text, 60))
				}
			}
		}
	}
	if len(v.unique) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, bold(fmt.Sprintf("Reported by one source only (%d)", len(v.unique))))
		for _, u := range v.unique {
			fmt.Fprintf(bw, "  - %s ¶%d: “%s”\n", v.name(u.Source), u.Paragraph, line(u.Text))
		}
	}
	return bw.Flush()
}

func same(s string) string { return s }

// writeSource describes one loaded article.
func writeSource(w io.Writer, s *viewSource, bold func(string) string) {
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%s  %s  (%s, %s)\n", bold(fmt.Sprintf("[%d]", s.N)), bold(s.Name), orDash(s.Format, "?"), orDash(s.Path, "?"))
	fmt.Fprintf(w, "  id:         %s\n", s.ID)
	fmt.Fprintf(w, "  source:     %s\n", orDash(s.Outlet, "not given"))
	if s.Title != "" {
		fmt.Fprintf(w, "  title:      %s\n", s.Title)
	}
	if s.Author != "" {
		fmt.Fprintf(w, "  author:     %s\n", s.Author)
	}
	fmt.Fprintf(w, "  published:  %s\n", orDash(s.Published, "unknown"))
	if s.URL != "" {
		fmt.Fprintf(w, "  url:        %s\n", s.URL)
	}
	counts := map[loader.Kind]int{}
	for _, k := range s.Kinds {
		counts[k]++
	}
	var parts []string
	for _, k := range []loader.Kind{loader.KindBody, loader.KindTitle, loader.KindSubheading, loader.KindCaption, loader.KindBoilerplate} {
		if counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
		}
	}
	fmt.Fprintf(w, "  paragraphs: %d (%s); %d body sentences\n", len(s.Paras), strings.Join(parts, ", "), s.sentences)
}
