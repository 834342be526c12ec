package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// The fixture's screens, styles stripped, at the sizes a reviewer uses
// most; run with -update to rewrite them, and read them before committing.
// The fixture is built by hand, so the snapshots move with the interface,
// never with the engine.
func TestGoldenScreens(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"80x24_start", 80, 24, nil},
		{"80x24_discrepancy", 80, 24, []string{"]", "]"}},
		{"160x45_start", 160, 45, nil},
		{"160x45_discrepancy", 160, 45, []string{"]", "c"}},
		{"160x45_help", 160, 45, []string{"?"}},
		{"200x50_pair", 200, 50, []string{"]", "]", "z"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newModel(t, fixtureData(t), c.w, c.h)
			press(m, c.keys...)
			checkScreen(t, m)
			golden.RequireEqual(t, ansi.Strip(m.render()))
		})
	}
}

// One coloured snapshot pins the marks' styles (dark background).
func TestGoldenColoured(t *testing.T) {
	m := newModel(t, fixtureData(t), 100, 30)
	press(m, "]")
	golden.RequireEqual(t, m.render())
}
