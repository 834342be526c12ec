package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// The seeds' screens, styles stripped, at the two sizes a reviewer uses
// most; run with -update to rewrite them, and read them before committing.
func TestGoldenSeeds(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"80x24_start", 80, 24, nil},
		{"80x24_discrepancy", 80, 24, []string{"]", "]"}},
		{"160x45_start", 160, 45, nil},
		{"160x45_discrepancy", 160, 45, []string{"]", "]", "c"}},
		{"160x45_help", 160, 45, []string{"?"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newModel(t, seedData(t), c.w, c.h)
			press(m, c.keys...)
			checkScreen(t, m)
			golden.RequireEqual(t, ansi.Strip(m.render()))
		})
	}
}

// One coloured snapshot pins the marks' styles (dark background).
func TestGoldenColoured(t *testing.T) {
	m := newModel(t, seedData(t), 100, 30)
	press(m, "]")
	golden.RequireEqual(t, m.render())
}

// A smoke test of the real program loop: it starts, loads, takes keys and
// quits, and the final model has the verdict given.
func TestProgramSmoke(t *testing.T) {
	d := seedData(t)
	m := New(func() (Data, error) { return d, nil }, nil)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	time.Sleep(100 * time.Millisecond) // let the load command land
	tm.Send(keyMsg("]"))
	tm.Send(keyMsg("c"))
	tm.Send(keyMsg("q"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if fm.disc != 0 || fm.loading {
		t.Fatalf("final model: discrepancy %d, loading %v", fm.disc, fm.loading)
	}
	if got := d.Store.Get(d.Result.Discrepancies[0]).Status; got != "confirmed" {
		t.Fatalf("verdict %s", got)
	}
	_ = tea.Quit
}
