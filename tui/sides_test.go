package tui

import (
	"slices"
	"testing"

	"github.com/parallax-news/parallax/compare"
)

// Stepping to a finding brings its sides into view: the panes show the
// sources of its claims (as many as fit, the two that disagree first),
// each with its claim on screen; in pair mode the two sides of the claim;
// z starts with the pair that disagrees.
func TestSteppingShowsTheSides(t *testing.T) {
	d := fixtureData(t)
	for _, sz := range [][2]int{{80, 24}, {160, 45}, {200, 50}} {
		m := newModel(t, d, sz[0], sz[1])
		for range d.Result.Discrepancies {
			press(m, "]")
			disc := d.Result.Discrepancies[m.disc]
			s := m.layout()
			want := m.claimSources(m.disc)[:min(len(s.visible), len(m.claimSources(m.disc)))]
			for _, si := range want {
				if !slices.Contains(s.visible, si) {
					t.Errorf("%dx%d %s: source %d of a claim not in view %v", sz[0], sz[1], disc.ID, si, s.visible)
				}
			}
			for _, c := range disc.Claims {
				si := m.doc.srcIndex[c.Source]
				if i := slices.Index(s.visible, si); i >= 0 {
					claimOnScreen(t, m, s.panes[i], si, c, disc.ID)
				}
			}
		}
		// d5 sets the first source against the fourth: the pair, not 1 and 2.
		for m.disc < 0 || d.Result.Discrepancies[m.disc].ID != "d5" {
			press(m, "]")
		}
		press(m, "z")
		if s := m.layout(); !slices.Equal(s.visible, []int{0, 3}) {
			t.Errorf("%dx%d: z on d5 shows %v, want the two sides [0 3]", sz[0], sz[1], s.visible)
		}
		// In pair mode, ] and [ put the next finding's two sides in the pair.
		press(m, "[")
		want := m.claimSources(m.disc)[:2]
		if s := m.layout(); !slices.Equal(s.visible, sortedPair(want)) && !slices.Equal(s.visible, want) {
			t.Errorf("%dx%d pair: [ to %s shows %v, want %v", sz[0], sz[1], d.Result.Discrepancies[m.disc].ID, s.visible, want)
		}
		press(m, "z", "esc")
		// Focus moved by hand leaves the sides: the panes follow it again.
		press(m, "]")
		for range 2 {
			press(m, "tab")
		}
		if s := m.layout(); !slices.Contains(s.visible, m.focus) {
			t.Errorf("%dx%d: focused source %d not in view %v", sz[0], sz[1], m.focus, s.visible)
		}
	}
}

// The pair that disagrees: with claims 4, 4, 6, the second side is the 6.
func TestClaimSourcesPutTheDisagreementFirst(t *testing.T) {
	d := fixtureData(t)
	r := d.Result
	r.Discrepancies = append(r.Discrepancies, compare.Discrepancy{ID: "d9", Kind: compare.KindNumber, Topic: "t1",
		Claims: []compare.Claim{r.Discrepancies[0].Claims[0], r.Discrepancies[0].Claims[2], r.Discrepancies[0].Claims[1]}})
	m := newModel(t, d, 120, 40)
	if got := m.claimSources(len(r.Discrepancies) - 1); !slices.Equal(got, []int{0, 1, 2}) {
		t.Errorf("claims 4 (1), 4 (3), 6 (2): sides %v, want [0 1 2]", got)
	}
}

func sortedPair(p []int) []int { return []int{min(p[0], p[1]), max(p[0], p[1])} }

// claimOnScreen: a claim's first row is among the rows its pane shows.
func claimOnScreen(t *testing.T, m *Model, r rect, si int, c compare.Claim, id string) {
	t.Helper()
	rows, offset := m.rowsFor(si, r.w-gutterWidth)
	p := pane{rows: rows}
	row := p.rowOf(c.Paragraph, c.Start)
	bodyH := r.h - paneHeaderRows
	if m.topic >= 0 && !m.doc.cover[si][m.topic] {
		bodyH--
	}
	if row < offset || row >= offset+bodyH {
		t.Errorf("%s: claim %q of source %d at row %d, pane shows %d-%d", id, c.Text, si, row, offset, offset+bodyH-1)
	}
}
