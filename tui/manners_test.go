package tui

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/review"
)

// withEnv sets the interface's environment for a test.
func withEnv(t *testing.T, env map[string]string) {
	old := getenv
	getenv = func(k string) string { return env[k] }
	t.Cleanup(func() { getenv = old })
}

// A light background gets the light palette: from the terminal's answer,
// from COLORFGBG before it, from PARALLAX_THEME or the flag whatever the
// terminal says.
func TestThemeChoice(t *testing.T) {
	light, dark := newStyles(paletteFor(false, colorprofile.TrueColor)), newStyles(paletteFor(true, colorprofile.TrueColor))
	is := func(m *Model, want styles) bool { return m.st.paneMeta.Render("x") == want.paneMeta.Render("x") }
	for _, c := range []struct {
		name     string
		env      map[string]string
		flag     Theme
		terminal string // the background the terminal reports, "" none
		light    bool
	}{
		{"nothing known: dark", nil, ThemeAuto, "", false},
		{"terminal says light", nil, ThemeAuto, "light", true},
		{"terminal says dark", nil, ThemeAuto, "dark", false},
		{"COLORFGBG light", map[string]string{"COLORFGBG": "0;15"}, ThemeAuto, "", true},
		{"COLORFGBG dark, terminal light", map[string]string{"COLORFGBG": "15;0"}, ThemeAuto, "light", true},
		{"env light beats the terminal", map[string]string{ThemeEnv: "light"}, ThemeAuto, "dark", true},
		{"env dark beats the terminal", map[string]string{ThemeEnv: "DARK"}, ThemeAuto, "light", false},
		{"env auto", map[string]string{ThemeEnv: "auto"}, ThemeAuto, "light", true},
		{"flag beats env", map[string]string{ThemeEnv: "dark"}, ThemeLight, "dark", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			withEnv(t, c.env)
			m := newModel(t, fixtureData(t), 100, 30)
			if err := m.setTheme(c.flag); err != nil {
				t.Fatal(err)
			}
			switch c.terminal {
			case "light":
				m.Update(tea.BackgroundColorMsg{Color: ansiWhite})
			case "dark":
				m.Update(tea.BackgroundColorMsg{Color: ansiBlack})
			}
			if c.light && !is(m, light) || !c.light && !is(m, dark) {
				t.Errorf("want the %s palette", map[bool]string{true: "light", false: "dark"}[c.light])
			}
		})
	}
	withEnv(t, map[string]string{ThemeEnv: "sepia"})
	if err := New(nil, nil).setTheme(ThemeAuto); err == nil || !strings.Contains(err.Error(), "PARALLAX_THEME") || !strings.Contains(err.Error(), "sepia") {
		t.Errorf("a bad PARALLAX_THEME: %v", err)
	}
	if _, err := ParseTheme("blue"); err == nil {
		t.Error("ParseTheme took blue")
	}
}

// 16 colours get the 16 ANSI colours: no 256-colour or true-colour code on
// screen. Full colour gets the hex palette.
func TestSixteenColours(t *testing.T) {
	for _, dark := range []bool{true, false} {
		m := newModel(t, fixtureData(t), 160, 45)
		m.dark = dark
		m.Update(tea.ColorProfileMsg{Profile: colorprofile.ANSI})
		press(m, "]", "?", "esc", "/")
		typeText(m, "Varnholt")
		press(m, "enter")
		scr := m.render()
		if bad := beyondSixteen.FindString(scr); bad != "" {
			t.Errorf("dark %v: a 16-colour terminal got %q", dark, bad)
		}
		if !strings.Contains(scr, "\x1b[") {
			t.Errorf("dark %v: no style at all", dark)
		}
	}
	m := newModel(t, fixtureData(t), 100, 30)
	if !strings.Contains(m.render(), "38;2;") {
		t.Error("true colour not used where the terminal has it")
	}
}

// ? help scrolls where it does not fit, and says so; any other key closes it.
func TestHelpScrolls(t *testing.T) {
	m := newModel(t, fixtureData(t), 80, 14)
	press(m, "?")
	scr := screenText(m)
	if !strings.Contains(scr, "of ") || !strings.Contains(scr, "j/k scroll") {
		t.Fatalf("cut help does not say so:\n%s", scr)
	}
	if strings.Contains(scr, "legend") {
		t.Fatal("the legend fits at 80x14: pick a smaller size")
	}
	for range 40 {
		press(m, "j")
	}
	scr = screenText(m)
	if !strings.Contains(scr, "click a cell to jump") {
		t.Errorf("j to the end does not reach the help's last line:\n%s", scr)
	}
	if !m.showHelp {
		t.Fatal("j closed the help")
	}
	press(m, "g")
	if m.helpTop != 0 {
		t.Errorf("g: help at line %d", m.helpTop)
	}
	m.Update(tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelDown})
	if m.helpTop == 0 {
		t.Error("the wheel does not scroll the help")
	}
	checkScreen(t, m)
	press(m, "x")
	if m.showHelp || m.disc >= 0 {
		t.Errorf("x closed the help only: help %v, discrepancy %d", m.showHelp, m.disc)
	}
	m = newModel(t, fixtureData(t), 200, 60)
	press(m, "?")
	if scr := screenText(m); strings.Contains(scr, "j/k scroll ") && strings.Contains(scr, "lines 1-") {
		t.Error("help that fits says it is cut")
	}
}

// The open-only filter: ] steps through the open findings only, and a
// verdict takes a finding out of it.
func TestFilterOpen(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 160, 45)
	press(m, "]", "c", "]", "x", "esc")
	press(m, "v", "v")
	if !strings.Contains(m.status, "open discrepancies only") {
		t.Fatalf("v v: %q", m.status)
	}
	seen := map[string]bool{}
	for range len(d.Result.Discrepancies) {
		press(m, "]")
		disc := d.Result.Discrepancies[m.disc]
		if d.Store.Get(disc).Status != review.Open {
			t.Fatalf("open filter: ] selected %s, %s", disc.ID, d.Store.Get(disc).Status)
		}
		seen[disc.ID] = true
	}
	if len(seen) != len(d.Result.Discrepancies)-2 {
		t.Errorf("open filter stepped through %v, want the %d open", seen, len(d.Result.Discrepancies)-2)
	}
	// A verdict given under the filter takes its paragraphs out of the panes.
	di := m.disc
	c := d.Result.Discrepancies[di].Claims[0]
	si := m.doc.srcIndex[c.Source]
	press(m, "c")
	rows, _ := m.rowsFor(si, m.layout().panes[0].w-gutterWidth)
	for _, r := range rows {
		if r.para == c.Paragraph && !m.paraHasOpen(si, c.Paragraph) {
			t.Errorf("confirmed %s: its paragraph %d of source %d still shown", d.Result.Discrepancies[di].ID, c.Paragraph, si)
			break
		}
	}
}

func (m *Model) paraHasOpen(si, p int) bool {
	for _, mk := range m.doc.sources[si].marks[p] {
		if mk.kind == markDisc && m.discStatus[mk.disc] == review.Open {
			return true
		}
	}
	return false
}

// A message lasts until the next key that has nothing to say: then the line
// describes the selection again. A failed save stays until one succeeds.
func TestStatusClears(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 120, 40)
	press(m, "s")
	if !strings.Contains(m.status, "scroll together: off") {
		t.Fatalf("s: %q", m.status)
	}
	press(m, "j")
	if line := statusLine(m); strings.Contains(line, "scroll together") || !strings.Contains(line, "discrepancies") {
		t.Errorf("after j the status still says %q", line)
	}
	press(m, "c") // nothing selected: an error
	press(m, "j")
	if m.statusErr || strings.Contains(statusLine(m), "select a discrepancy") {
		t.Errorf("the error outlived the next key: %q", statusLine(m))
	}
	press(m, "]", "c")
	if !strings.Contains(m.status, "saved") || strings.Contains(m.status, "saving") {
		t.Errorf("after the save: %q", m.status)
	}
	press(m, "j")
	if line := statusLine(m); !strings.Contains(line, "d1 (1/") {
		t.Errorf("with d1 selected, the idle line is %q", line)
	}
	m.Update(savedMsg{err: errors.New("save review: disk full")})
	press(m, "j", "k")
	if line := statusLine(m); !strings.Contains(line, "not saved") || !strings.Contains(line, "disk full") {
		t.Errorf("a failed save is not shown until the next good one: %q", line)
	}
	m.Update(savedMsg{})
	if strings.Contains(statusLine(m), "not saved") {
		t.Error("a good save did not clear the failure")
	}
}

// A failed save stays in view until a save succeeds, whatever the keys
// pressed meanwhile say in the status line (issue 14: stepping to another
// finding put its line where the failure had been, and nothing on the
// screen said the verdicts were not on disk). The review file is made
// read-only, as a reviewer's or a sync tool's chmod would.
func TestFailedSaveStaysInView(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {80, 24}} {
		d := fixtureData(t)
		m := newModel(t, d, sz[0], sz[1])
		press(m, "]", "c")
		if !strings.HasSuffix(m.status, "· saved") {
			t.Fatalf("%v: first save: %q", sz, m.status)
		}
		if err := os.Chmod(d.Store.Path, 0o444); err != nil {
			t.Fatal(err)
		}
		press(m, "x")
		if line := statusLine(m); !strings.Contains(line, "not saved") {
			t.Fatalf("%v: the failed save is not said: %q", sz, line)
		}
		for _, keys := range [][]string{{"]"}, {"["}, {"j"}, {"tab"}, {"s"}, {"a"}, {"esc"}, {"T"}, {"esc"}, {"R"}, {"esc"}, {"?"}, {"esc"}, {"}"}} {
			press(m, keys...)
			if screen := screenText(m); !strings.Contains(screen, notSavedFlag) {
				t.Fatalf("%v: after %q nothing on the screen says the verdicts are not saved:\n%s", sz, keys, screen)
			}
		}
		if err := os.Chmod(d.Store.Path, 0o644); err != nil {
			t.Fatal(err)
		}
		press(m, "]", "c")
		if screen := screenText(m); strings.Contains(screen, notSavedFlag) || !strings.HasSuffix(m.status, "· saved") {
			t.Errorf("%v: after a good save: status %q, screen still says %s", sz, m.status, notSavedFlag)
		}
	}
}

// "saved" is said once the file is on disk, not before.
func TestSavedOnlyWhenSaved(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 120, 40)
	press(m, "]")
	_, cmd := m.Update(keyMsg("c"))
	if !strings.Contains(m.status, "saving") || strings.Contains(m.status, "· saved") {
		t.Fatalf("before the save ran: %q", m.status)
	}
	for _, msg := range runAll(cmd) {
		m.Update(msg)
	}
	if !strings.HasSuffix(m.status, "· saved") {
		t.Errorf("after the save: %q", m.status)
	}
}

func statusLine(m *Model) string {
	lines := strings.Split(screenText(m), "\n")
	return lines[len(lines)-1]
}

// Plurals: one of a thing is said in the singular.
func TestPlurals(t *testing.T) {
	for n, want := range map[int]string{0: "0 discrepancies", 1: "1 discrepancy", 2: "2 discrepancies"} {
		if got := plural(n, "discrepancy"); got != want {
			t.Errorf("plural(%d) = %q", n, got)
		}
	}
	d := fixtureData(t)
	d.Result.Topics = d.Result.Topics[:1]
	d.Result.Discrepancies = d.Result.Discrepancies[:1]
	d.Result.Topics[0].Links = d.Result.Topics[0].Links[:1]
	for _, w := range []int{200, 60} {
		m := newModel(t, d, w, 40)
		press(m, "}", "i")
		scr := screenText(m)
		for _, bad := range []string{"1 topics", "1 discrepancies", "1 sentence links", "1 sources"} {
			if strings.Contains(scr, bad) {
				t.Errorf("%d wide: %q on screen:\n%s", w, bad, scr)
			}
		}
		if !strings.Contains(scr, "1 topic") || !strings.Contains(scr, "1 sentence link,") {
			t.Errorf("%d wide: singular not on screen:\n%s", w, scr)
		}
	}
}

// beyondSixteen finds a colour that is not one of the 16: true colour, or
// a 256-colour index above 15 (lipgloss writes the bright 8-15 as 38;5;n,
// which Bubble Tea turns into 90-97 for such a terminal).
var beyondSixteen = regexp.MustCompile(`[34]8;2;|[34]8;5;(1[6-9]|[2-9][0-9]|1[0-9][0-9]|2[0-5][0-9])[;m]`)

var (
	ansiWhite = ansiColor{0xff, 0xff, 0xff}
	ansiBlack = ansiColor{0, 0, 0}
)

type ansiColor struct{ r, g, b uint8 }

func (c ansiColor) RGBA() (r, g, b, a uint32) {
	return uint32(c.r) * 0x101, uint32(c.g) * 0x101, uint32(c.b) * 0x101, 0xffff
}

// The overview strip says when it shows part of the grid, and which part.
func TestOverviewSaysWhenCut(t *testing.T) {
	m := newModel(t, generatedData(t, 30), 80, 40)
	scr := screenText(m)
	if !strings.Contains(scr, "sources 1-8 of 30") {
		t.Errorf("30 sources in an 8-row strip, not said:\n%s", scr)
	}
	m = newModel(t, fixtureData(t), 160, 45)
	if scr := screenText(m); strings.Contains(scr, " of 4") {
		t.Errorf("the fixture's strip fits, yet says it is cut:\n%s", scr)
	}
	d := fixtureData(t)
	for i := range 200 { // more topics than the strip has columns
		d.Result.Topics = append(d.Result.Topics, compare.Topic{ID: "x" + itoa(i), Label: "extra"})
	}
	m = newModel(t, d, 100, 40)
	press(m, "}")
	if scr := screenText(m); !strings.Contains(scr, "topics 1-") || !strings.Contains(scr, " of 204") {
		t.Errorf("204 topics in a 100-column strip, not said:\n%s", strings.Join(strings.Split(scr, "\n")[:3], "\n"))
	}
}

// The bundled sample says it is the sample, in the header and the status.
func TestSampleIsSaid(t *testing.T) {
	d := fixtureData(t)
	d.Sample = true
	for _, w := range []int{80, 200} {
		m := newModel(t, d, w, 30)
		lines := strings.Split(screenText(m), "\n")
		if !strings.Contains(lines[0], "sample") || !strings.Contains(lines[len(lines)-1], "sample") {
			t.Errorf("%d wide: the sample is not said:\n%s\n%s", w, lines[0], lines[len(lines)-1])
		}
	}
	d.Sample = false
	if scr := screenText(newModel(t, d, 200, 30)); strings.Contains(scr, "sample") {
		t.Error("the reviewer's own articles called a sample")
	}
}
