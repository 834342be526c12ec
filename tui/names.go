package tui

import (
	"path"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-news/parallax/loader"
)

// How a source is called on screen. A reviewer tells sources apart by what
// the articles say of themselves: the outlet, the title, the byline, the
// date. A file's name is the last resort (it is often a hash), and two
// articles of one outlet are told apart by their dates, else their
// bylines, else their titles.

// sourceName is what the interface says of one source, every part cleaned
// of controls and line breaks.
type sourceName struct {
	outlet string // the outlet, "" when the article does not name it
	title  string // the title, else the text's first words
	titled bool   // the title is the article's own, not its first words
	byline string
	date   string // as long as known: "11 Mar 2031 06:10 UTC", "" unknown
	day    string // short: "11 Mar", "11 Mar 06:10"
	file   string // the input's base name, for finding the file
	short  string // the name where room is short: unique among the sources when it can be
	tell   string // what tells it from the others of its outlet, "" when alone
}

// Parts of a name are cut to these widths where they are built; drawing cuts
// again to the room it has.
const (
	nameTitleWidth = 60 // a title taken from the text's first words
	nameShortWidth = 40 // the short name, before its distinguishing part
)

// sourceNames names every source, telling apart those of one outlet.
func sourceNames(arts []*loader.Article) []sourceName {
	out := make([]sourceName, len(arts))
	for i, a := range arts {
		out[i] = nameOf(a)
	}
	// Sources that would share a short name: their outlet (or, without
	// one, their title) is the same.
	groups := map[string][]int{}
	for i, n := range out {
		groups[strings.ToLower(n.base())] = append(groups[strings.ToLower(n.base())], i)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		for _, pick := range []func(sourceName) string{
			func(n sourceName) string { return n.day },
			func(n sourceName) string { return n.date },
			func(n sourceName) string { return join(" · ", n.day, n.byline) },
			func(n sourceName) string { return join(" · ", n.day, n.byline, n.titleIfOutlet()) },
			func(n sourceName) string { return n.file },
		} {
			if distinct(out, g, pick) {
				for _, i := range g {
					out[i].tell = pick(out[i])
				}
				break
			}
		}
		for k, i := range g {
			if out[i].tell == "" { // nothing tells them apart: their order does
				out[i].tell = "#" + itoa(k+1)
			}
		}
	}
	for i := range out {
		out[i].short = join(", ", ansi.Truncate(out[i].base(), nameShortWidth, "…"), out[i].tell)
	}
	return out
}

func nameOf(a *loader.Article) sourceName {
	n := sourceName{byline: cleanLine(a.Author), file: cleanLine(path.Base(a.Path))}
	if n.file == "." || n.file == "/" || n.file == "" {
		n.file = cleanLine(a.ID)
	}
	if o := cleanLine(a.Source); o != "" && !isFileName(a, a.Source) {
		n.outlet = o
	}
	if t := cleanLine(a.Title); t != "" {
		n.title, n.titled = t, true
	} else if t := firstWords(a); t != "" {
		n.title = t
	}
	n.date, n.day = formatDate(a.Published)
	return n
}

// isFileName says whether an outlet is only the loader's fallback: the
// article's id or its file's name.
func isFileName(a *loader.Article, s string) bool {
	base := path.Base(a.Path)
	return s == a.ID || s == base || s == strings.TrimSuffix(base, path.Ext(base))
}

// firstWords is the first title or body paragraph's opening, for an
// article without a title: the text says more than its file name.
func firstWords(a *loader.Article) string {
	for _, p := range a.Paragraphs {
		if p.Kind != loader.KindBody && p.Kind != loader.KindTitle {
			continue
		}
		t := cleanLine(p.Text)
		if len(p.Sentences) > 0 && p.Sentences[0].End <= len(p.Text) && p.Sentences[0].Start <= p.Sentences[0].End {
			t = cleanLine(p.Text[p.Sentences[0].Start:p.Sentences[0].End])
		}
		if t = strings.TrimSpace(t); t != "" {
			return ansi.Truncate(t, nameTitleWidth, "…")
		}
	}
	return ""
}

// formatDate is a publication date in full and short, as much as is known.
func formatDate(d loader.Dateline) (full, short string) {
	if d.IsZero() {
		return "", ""
	}
	t := d.Time
	switch {
	case !d.HasTime:
		return t.Format("2 Jan 2006"), t.Format("2 Jan")
	case !d.HasZone:
		return t.Format("2 Jan 2006 15:04") + " (zone unknown)", t.Format("2 Jan 15:04")
	}
	return t.Format("2 Jan 2006 15:04 MST"), t.Format("2 Jan 15:04")
}

// base is the name before what tells it apart: the outlet, else the
// title, else the file.
func (n sourceName) base() string {
	switch {
	case n.outlet != "":
		return n.outlet
	case n.title != "":
		return n.title
	}
	return n.file
}

// titleIfOutlet is the title where the base is the outlet (else the title
// is the base already).
func (n sourceName) titleIfOutlet() string {
	if n.outlet != "" {
		return ansi.Truncate(n.title, 30, "…")
	}
	return ""
}

// shortIn is the short name cut to a width, the distinguishing part kept:
// "Northern Le…, 11 Mar" rather than "Northern Ledger, 1…".
func (n sourceName) shortIn(w int) string {
	if ansi.StringWidth(n.short) <= w || n.tell == "" {
		return ansi.Truncate(n.short, w, "…")
	}
	tell := ", " + n.tell
	room := w - ansi.StringWidth(tell)
	if room < 4 {
		return ansi.Truncate(n.short, w, "…")
	}
	return ansi.Truncate(n.base(), room, "…") + tell
}

func distinct(names []sourceName, g []int, pick func(sourceName) string) bool {
	seen := map[string]bool{}
	for _, i := range g {
		k := pick(names[i])
		if k == "" || seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

// join joins the parts that are not empty.
func join(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
