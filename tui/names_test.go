package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-news/parallax/loader"
)

// Every pane header names its source by outlet, byline, title and date
// where the article gives them, a source without metadata by its text's
// first words rather than its hashed file name, and the overview tells the
// two articles of one outlet apart.
func TestSourcesToldApart(t *testing.T) {
	d := fixtureData(t)
	for _, sz := range [][2]int{{240, 60}, {160, 45}, {80, 40}} {
		m := newModel(t, d, sz[0], sz[1])
		for si, a := range d.Articles {
			press(m, itoa(si+1))
			s := m.layout()
			i := indexOf(s.visible, si)
			if i < 0 {
				t.Fatalf("%dx%d: source %d not shown after pressing %d", sz[0], sz[1], si, si+1)
			}
			r := s.panes[i]
			lines := strings.Split(screenText(m), "\n")
			header := strings.Join([]string{cell(lines[r.y], r), cell(lines[r.y+1], r), cell(lines[r.y+2], r)}, "\n")
			want := []string{a.Author, a.Title}
			if a.Source != a.ID {
				want = append(want, a.Source)
			}
			if !a.Published.IsZero() {
				want = append(want, a.Published.Time.Format("2 Jan 2006"))
			}
			for _, w := range want {
				if w != "" && !strings.Contains(header, ansi.Truncate(w, r.w-8, "")) {
					t.Errorf("%dx%d: the header of %s lacks %q:\n%s", sz[0], sz[1], a.ID, w, header)
				}
			}
			if a.ID == "9f2c4e1a7b3d5c60" && (!strings.Contains(header, "outlet not named") || !strings.Contains(header, "no title: Varnholt residents")) {
				t.Errorf("%dx%d: the source without metadata is not named by its text:\n%s", sz[0], sz[1], header)
			}
		}
		s := m.layout()
		if s.overview.h == 0 {
			continue
		}
		lines := strings.Split(screenText(m), "\n")
		g := m.overviewGrid(s.overview)
		labels := map[string]bool{}
		for row := 1; row < s.overview.h; row++ {
			l := strings.TrimSpace(ansi.Cut(lines[s.overview.y+row], 2, g.labelW))
			if labels[l] {
				t.Errorf("%dx%d: two overview rows read %q", sz[0], sz[1], l)
			}
			labels[l] = true
			if strings.Contains(l, "9f2c4e1a") {
				t.Errorf("%dx%d: overview names a source by its hash: %q", sz[0], sz[1], l)
			}
		}
	}
}

func indexOf(xs []int, x int) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func cell(line string, r rect) string { return ansi.Cut(line, r.x, r.x+r.w) }

// What tells two articles of one outlet apart: the day, the time, the
// byline, the title, the file, in that order; nothing: their order.
func TestSourceNamesDisambiguate(t *testing.T) {
	day := func(d, h int) loader.Dateline {
		return loader.Dateline{Time: time.Date(2031, 3, d, h, 0, 0, 0, time.UTC), HasTime: true, HasZone: true}
	}
	art := func(id, outlet, author, title string, pub loader.Dateline, text string) *loader.Article {
		a := &loader.Article{ID: id, Path: "x/" + id + ".html", Source: outlet, Author: author, Title: title, Published: pub}
		if text != "" {
			a.Paragraphs = []loader.Paragraph{{Kind: loader.KindBody, Text: text, Sentences: []loader.Sentence{{Start: 0, End: len(text)}}}}
		}
		return a
	}
	for _, c := range []struct {
		name string
		arts []*loader.Article
		want []string
	}{
		{"outlets differ", []*loader.Article{art("a", "Ledger", "", "", day(1, 9), ""), art("b", "Courier", "", "", day(1, 9), "")}, []string{"Ledger", "Courier"}},
		{"days differ", []*loader.Article{art("a", "Ledger", "", "", day(1, 9), ""), art("b", "Ledger", "", "", day(2, 9), "")}, []string{"Ledger, 1 Mar 09:00", "Ledger, 2 Mar 09:00"}},
		{"bylines differ", []*loader.Article{art("a", "Ledger", "Ann", "", day(1, 9), ""), art("b", "Ledger", "Bo", "", day(1, 9), "")}, []string{"Ledger, 1 Mar 09:00 · Ann", "Ledger, 1 Mar 09:00 · Bo"}},
		{"titles differ", []*loader.Article{art("a", "Ledger", "", "Toll rises", day(1, 9), ""), art("b", "Ledger", "", "Rain stops", day(1, 9), "")}, []string{"Ledger, 1 Mar 09:00 · Toll rises", "Ledger, 1 Mar 09:00 · Rain stops"}},
		{"only files differ", []*loader.Article{art("a", "Ledger", "", "", loader.Dateline{}, ""), art("b", "Ledger", "", "", loader.Dateline{}, "")}, []string{"Ledger, a.html", "Ledger, b.html"}},
		{"no outlet: the title", []*loader.Article{art("9f2c", "9f2c", "", "Flood in the valley", loader.Dateline{}, "Text.")}, []string{"Flood in the valley"}},
		{"no title: the first words", []*loader.Article{art("9f2c", "9f2c", "", "", loader.Dateline{}, "Residents spent the night on rooftops.")}, []string{"Residents spent the night on rooftops."}},
		{"no words at all: the file", []*loader.Article{art("9f2c", "9f2c", "", "", loader.Dateline{}, "")}, []string{"9f2c.html"}},
	} {
		got := sourceNames(c.arts)
		for i, w := range c.want {
			if got[i].short != w {
				t.Errorf("%s: source %d named %q, want %q", c.name, i, got[i].short, w)
			}
		}
	}
	same := []*loader.Article{{ID: "a", Path: "p/x.txt", Source: "Ledger"}, {ID: "b", Path: "q/x.txt", Source: "Ledger"}}
	if got := sourceNames(same); got[0].short == got[1].short {
		t.Errorf("two articles of one outlet with nothing to tell them apart share the name %q", got[0].short)
	}
	// Cut to a width, the name keeps what tells it apart.
	n := sourceNames([]*loader.Article{art("a", "Northern Ledger", "", "", day(1, 9), ""), art("b", "Northern Ledger", "", "", day(2, 9), "")})
	if got := n[1].shortIn(20); got != "Northe…, 2 Mar 09:00" {
		t.Errorf("cut: %q", got)
	}
}
