package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/review"
)

// hostile is what a file name, an id, metadata, a review note or an
// engine's label can carry to take over a terminal: a live link (OSC 8),
// a clipboard write (OSC 52), a screen clear and colour (CSI), the 8-bit
// forms (C1), a title change, bidi overrides that show "exe.png" as
// "gnp.exe", line breaks that break the layout, invalid UTF-8.
const hostile = "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\ \x1b]52;c;ZXZpbA==\x07clip \x1b[2J\x1b[31mred " +
	"\u009b31m\u009d0;title\u009c \u202egnp.exe\u202c two\nlines\r\nthree\ttab \x07bell \xffbad"

// hostileData is the fixture with every outside string made hostile: ids,
// paths, outlets, titles, bylines, the text, the engine's labels,
// summaries, claims and values, a review note, load errors and warnings.
func hostileData(t testing.TB) Data {
	d := fixtureData(t)
	ren := map[string]string{}
	for _, a := range d.Articles {
		ren[a.ID] = a.ID + hostile
		a.Path = "in/" + hostile + "/" + a.ID + hostile + ".json"
		a.ID = ren[a.ID]
		a.Source += hostile
		a.Title += hostile
		a.Author += hostile
		a.URL = "javascript:alert(1)" + hostile
		for i := range a.Paragraphs {
			a.Paragraphs[i].Text += " " + hostile
		}
	}
	r := d.Result
	for i, id := range r.Sources {
		r.Sources[i] = ren[id]
	}
	for ti := range r.Topics {
		tp := &r.Topics[ti]
		tp.Label += hostile
		for i := range tp.Members {
			tp.Members[i].Source = ren[tp.Members[i].Source]
		}
		for i := range tp.Sources {
			tp.Sources[i] = ren[tp.Sources[i]]
		}
		for i := range tp.Links {
			l := &tp.Links[i]
			l.A.Source, l.B.Source = ren[l.A.Source], ren[l.B.Source]
			l.Names = append(l.Names, hostile)
			l.Terms = append(l.Terms, hostile)
			l.Numbers = append(l.Numbers, hostile)
		}
	}
	for i := range r.Facts {
		f := &r.Facts[i]
		f.Span.Source = ren[f.Span.Source]
		f.Value += hostile
		if f.Quote != nil {
			f.Quote.Speaker += hostile
		}
	}
	for di := range r.Discrepancies {
		x := &r.Discrepancies[di]
		x.ID += hostile
		x.Summary += hostile
		x.Why += hostile
		x.Kind += compare.Kind(hostile)
		x.Severity += compare.Severity(hostile)
		for i := range x.Claims {
			c := &x.Claims[i]
			c.Source = ren[c.Source]
			c.Text += hostile
			c.Value += hostile
		}
		for i := range x.Diff {
			x.Diff[i].Text += hostile
		}
	}
	for i := range r.Agreements {
		for j := range r.Agreements[i].Sources {
			r.Agreements[i].Sources[j] = ren[r.Agreements[i].Sources[j]]
		}
	}
	for i := range r.Unique {
		r.Unique[i].Source = ren[r.Unique[i].Source]
		r.Unique[i].Value += hostile
	}
	d.Store.Set(r.Discrepancies[0], review.Confirmed, "note from a review file "+hostile, time.Now())
	d.Errors = []string{"in/" + hostile + ".txt: no such file"}
	d.LoadErr = errors.New(d.Errors[0])
	d.Warnings = []string{"warning about " + hostile}
	return d
}

// No outside string reaches the terminal raw: at every size and in every
// view the keys reach, the screen has only text and colour (SGR), no
// control character, no other escape sequence, no bidi control, and keeps
// its size (a line break in a name does not break the layout).
func TestHostileStringsNeverReachTheTerminal(t *testing.T) {
	for _, sz := range [][2]int{{240, 60}, {160, 45}, {80, 24}, {60, 20}, {40, 12}} {
		d := hostileData(t)
		m := newModel(t, d, sz[0], sz[1])
		check := func(what string) {
			t.Helper()
			if p := frameProblem(m.render(), m.w, m.h); p != "" {
				t.Fatalf("%dx%d %s: %s", sz[0], sz[1], what, p)
			}
		}
		check("start")
		steps := [][]string{{"]"}, {"]"}, {"z"}, {"z"}, {"enter"}, {"f"}, {"F"}, {"}"}, {"i"}, {"esc"}, {"?"}, {"G"}, {"esc"},
			{"t"}, {"o"}, {"v"}, {"v"}, {"v"}, {"v"}, {"tab"}, {"4"}, {"a"}, {"esc"}, {"/", "t", "w", "o", "enter"}, {"n"},
			{"e"}, {"x"}, {"u"}, {"s"}, {"H"}}
		for _, keys := range steps {
			press(m, keys...)
			check(strings.Join(keys, " "))
		}
		for di := range d.Result.Discrepancies {
			m.selectDiscrepancy(di)
			m.settle()
			check("discrepancy " + itoa(di))
			press(m, "a")
			check("note line of discrepancy " + itoa(di))
			press(m, "esc")
		}
	}
}

// cleanLine leaves text alone and takes out what acts on a terminal.
func TestCleanLine(t *testing.T) {
	for in, want := range map[string]string{
		"Northern Ledger":             "Northern Ledger",
		"“Kyiv” — 北京 🇺🇦":              "“Kyiv” — 北京 🇺🇦",
		"a\x1b]8;;http://x\x07b":      "ab",
		"a\x1b]52;c;aGk=\x1b\\b":      "ab",
		"two\nlines\ttab\r\n":         "two lines tab ",
		"\u202egnp.exe\u202c":         "gnp.exe",
		"\u009b31mred\u009d0;t\u009c": "red",
		"bell\x07 del\x7f":            "bell del",
		"bad\xff":                     "bad\ufffd",
	} {
		if got := cleanLine(in); got != want {
			t.Errorf("cleanLine(%q) = %q, want %q", in, got, want)
		}
		if p := rawProblem(cleanLine(in)); p != "" {
			t.Errorf("cleanLine(%q) keeps %s", in, p)
		}
	}
}
