package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
	"github.com/parallax-news/parallax/seeds"
)

// seedData loads the bundled sample and compares it, with a review file in
// a temporary folder.
func seedData(t testing.TB) Data {
	t.Helper()
	names := seeds.Names()
	res, err := loader.Load(context.Background(), names, loader.Options{FS: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(reviewDir(t), "review.json")
	store, err := review.Load(path, review.Key(res.Articles), nil)
	if err != nil {
		t.Fatal(err)
	}
	return Data{Articles: res.Articles, Result: compare.Compare(res.Articles), Store: store}
}

// newModel is a model that has loaded d, at a size.
func newModel(t testing.TB, d Data, w, h int) *Model {
	m := New(func() (Data, error) { return d, nil }, nil)
	m.now = func() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) }
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.Update(loadedMsg{data: d})
	return m
}

// press sends keys by name ("]", "c", "ctrl+o", "enter") and runs the
// commands they return, feeding back their messages, as the program would.
func press(m *Model, keys ...string) {
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		run(m, cmd)
	}
}

func run(m *Model, cmd tea.Cmd) { runFor(m, cmd, 200*time.Millisecond) }

// runFor runs a command as run does, waiting for each up to wait: the
// engine's re-comparison after a topic fix needs longer than a save.
func runFor(m *Model, cmd tea.Cmd, wait time.Duration) {
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		switch msg := msg.(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				runFor(m, c, wait)
			}
		case savedMsg, exportedMsg, recomparedMsg:
			m.Update(msg)
		}
	case <-time.After(wait): // a timer: nothing to feed back
	}
}

// namedKeys are the keys that have a name rather than a character.
var namedKeys = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
	"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "insert": tea.KeyInsert,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
	"f1": tea.KeyF1, "f5": tea.KeyF5, "f12": tea.KeyF12,
}

// keyMsg is the key press a terminal sends for a key's name as Bubble Tea
// writes it ("]", "G", "ctrl+o", "shift+tab", "pgup", "é").
func keyMsg(k string) tea.KeyPressMsg {
	var mod tea.KeyMod
	for {
		switch {
		case strings.HasPrefix(k, "ctrl+") && len(k) > 5:
			mod |= tea.ModCtrl
			k = k[5:]
			continue
		case strings.HasPrefix(k, "alt+") && len(k) > 4:
			mod |= tea.ModAlt
			k = k[4:]
			continue
		case strings.HasPrefix(k, "shift+") && len(k) > 6:
			mod |= tea.ModShift
			k = k[6:]
			continue
		}
		break
	}
	if code, ok := namedKeys[k]; ok {
		msg := tea.KeyPressMsg{Code: code, Mod: mod}
		if code == tea.KeySpace && mod == 0 {
			msg.Text = " "
		}
		return msg
	}
	r := []rune(k)[0]
	if mod != 0 {
		return tea.KeyPressMsg{Code: r, Mod: mod}
	}
	if r >= 'A' && r <= 'Z' {
		return tea.KeyPressMsg{Code: r + 'a' - 'A', Text: k, Mod: tea.ModShift, ShiftedCode: r}
	}
	return tea.KeyPressMsg{Code: r, Text: k}
}

func typeText(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func screenText(m *Model) string { return ansi.Strip(m.render()) }

// checkScreen asserts the view's invariants: exactly the terminal's height,
// no line wider than it.
func checkScreen(t *testing.T, m *Model) {
	t.Helper()
	lines := strings.Split(m.render(), "\n")
	if len(lines) != m.h {
		t.Fatalf("view has %d lines, terminal %d", len(lines), m.h)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != m.w {
			t.Fatalf("line %d is %d wide, terminal %d: %q", i, w, m.w, ansi.Strip(l))
		}
	}
}

func TestDiscrepancyNavigation(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 160, 45)
	n := len(d.Result.Discrepancies)
	press(m, "]")
	if m.disc != 0 {
		t.Fatalf("] selected %d, want the first", m.disc)
	}
	first := d.Result.Discrepancies[0]
	if got := m.doc.res.Topics[m.topic].ID; got != first.Topic {
		t.Errorf("topic %s, want the discrepancy's %s", got, first.Topic)
	}
	scr := screenText(m)
	if !strings.Contains(scr, first.ID+" "+strings.ToUpper(string(first.Kind))) {
		t.Errorf("detail panel does not show %s:\n%s", first.ID, scr)
	}
	// Every claim's source pane shows the claim's first words somewhere.
	for _, c := range first.Claims {
		words := strings.Fields(c.Text)
		if len(words) > 2 {
			words = words[:2]
		}
		if !strings.Contains(scr, strings.Join(words, " ")) {
			t.Errorf("claim %q of %s not on screen", c.Text, c.Source)
		}
	}
	press(m, "[")
	if m.disc != n-1 {
		t.Errorf("[ from the first: %d, want the last (%d)", m.disc, n-1)
	}
	press(m, "]", "]")
	if m.disc != 1 {
		t.Errorf("] ] from the last: %d, want 1", m.disc)
	}
	press(m, "ctrl+o")
	if m.disc != 0 {
		t.Errorf("jump back: %d, want 0", m.disc)
	}
	press(m, "esc")
	if m.disc != -1 {
		t.Errorf("esc kept discrepancy %d", m.disc)
	}
}

func TestFilterByKind(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 160, 45)
	press(m, "v", "v", "v") // all → discrepancies → open ones → the first kind
	kind := m.doc.kinds[0]
	for range len(d.Result.Discrepancies) + 1 {
		press(m, "]")
		if got := d.Result.Discrepancies[m.disc].Kind; got != kind {
			t.Fatalf("filtered to %s, ] selected a %s", kind, got)
		}
	}
	press(m, "v")
	press(m, "v")
	for m.filter != 0 {
		press(m, "v")
	}
	if !strings.Contains(m.status, "all paragraphs") {
		t.Errorf("filter cycled back: status %q", m.status)
	}
}

func TestTopicsScrollPanesTogether(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 200, 50)
	// Pick a topic that some source does not cover.
	t0 := -1
	for ti, tp := range d.Result.Topics {
		if len(tp.Sources) >= 2 && len(tp.Sources) < len(d.Result.Sources) {
			t0 = ti
			break
		}
	}
	if t0 < 0 {
		t.Fatal("the fixture has no partly covered topic")
	}
	for m.topic != t0 {
		press(m, "}")
	}
	scr := screenText(m)
	for si := range m.doc.sources {
		if !m.doc.cover[si][t0] {
			if !strings.Contains(scr, "∅ nothing on topic "+d.Result.Topics[t0].ID) {
				t.Errorf("a source silent on %s does not say so", d.Result.Topics[t0].ID)
			}
			continue
		}
		p := &m.panes[si]
		fp := m.doc.firstPara[si][t0]
		top := p.rows[p.offset:]
		found := false
		for _, r := range top[:min(len(top), 6)] {
			found = found || r.para == fp
		}
		if !found {
			t.Errorf("source %d: topic paragraph %d not near the top (offset %d)", si, fp, p.offset)
		}
	}
	press(m, "{")
	if m.topic != t0-1 && !(t0 == 0 && m.topic == len(d.Result.Topics)-1) {
		t.Errorf("{ went to %d from %d", m.topic, t0)
	}
}

func TestScrollAndFocus(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 160, 45)
	press(m, "s") // sync off: only the focused pane moves
	press(m, "j", "j", "j")
	if m.panes[0].offset != 3 || m.panes[1].offset != 0 {
		t.Errorf("j×3 without sync: offsets %d, %d", m.panes[0].offset, m.panes[1].offset)
	}
	press(m, "G")
	if m.panes[0].offset != len(m.panes[0].rows)-1 {
		t.Errorf("G: offset %d of %d rows", m.panes[0].offset, len(m.panes[0].rows))
	}
	press(m, "g")
	if m.panes[0].offset != 0 {
		t.Errorf("g: offset %d", m.panes[0].offset)
	}
	press(m, "pgdown")
	if m.panes[0].offset == 0 {
		t.Error("page down did not move")
	}
	press(m, "tab")
	if m.focus != 1 {
		t.Errorf("tab: focus %d", m.focus)
	}
	press(m, "shift+tab", "shift+tab")
	if m.focus != len(m.doc.sources)-1 {
		t.Errorf("shift+tab wraps: focus %d", m.focus)
	}
	s := m.layout()
	if s.visible[len(s.visible)-1] != m.focus {
		t.Errorf("focused source %d not visible in %v", m.focus, s.visible)
	}
	press(m, "3")
	if m.focus != 2 {
		t.Errorf("3: focus %d", m.focus)
	}
	press(m, "z")
	if s := m.layout(); len(s.visible) != 2 || s.visible[0] != 2 {
		t.Errorf("pair mode shows %v", s.visible)
	}
	press(m, "tab") // the other side of the pair
	press(m, "4")
	if s := m.layout(); len(s.visible) != 2 || s.visible[0] != 2 || s.visible[1] != 3 {
		t.Errorf("pair after choosing 4: %v", s.visible)
	}
	press(m, "z")
	press(m, "f")
	if m.fact.idx < 0 {
		t.Error("f selected no fact")
	}
	press(m, "H")
	m.render()
	for _, r := range m.panes[m.focus].rows {
		if r.para >= 0 {
			k := m.doc.sources[m.focus].art.Paragraphs[r.para].Kind
			if k == loader.KindCaption || k == loader.KindBoilerplate {
				t.Fatalf("H left a %s paragraph shown", k)
			}
		}
	}
}

func TestSearch(t *testing.T) {
	d := seedData(t)
	m := newModel(t, d, 160, 45)
	press(m, "/")
	typeText(m, "kirby")
	press(m, "enter")
	if len(m.matches) < 2 {
		t.Fatalf("search for kirby: %d matches", len(m.matches))
	}
	first := m.matches[m.matchIdx]
	got := m.doc.sources[first.src].art.Paragraphs[first.para].Text[first.start:first.end]
	if !strings.EqualFold(got, "kirby") {
		t.Errorf("match covers %q", got)
	}
	press(m, "n")
	if m.matchIdx != 1 {
		t.Errorf("n: match %d", m.matchIdx)
	}
	press(m, "N", "N")
	if m.matchIdx != len(m.matches)-1 {
		t.Errorf("N wraps: match %d", m.matchIdx)
	}
	press(m, "esc")
	if len(m.matches) != 0 {
		t.Error("esc kept the search")
	}
}

func TestReviewIsSavedRestoredAndUndone(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 160, 45)
	press(m, "c")
	if !m.statusErr {
		t.Error("c with nothing selected gave no error")
	}
	press(m, "]", "c")
	first := d.Result.Discrepancies[0]
	if got := d.Store.Get(first).Status; got != review.Confirmed {
		t.Fatalf("c: status %s", got)
	}
	press(m, "]", "x", "a")
	typeText(m, "two outlets translate")
	press(m, "enter")
	second := d.Result.Discrepancies[1]
	if e := d.Store.Get(second); e.Status != review.Dismissed || e.Note != "two outlets translate" {
		t.Fatalf("x then a: %+v", e)
	}
	if !strings.Contains(screenText(m), "two outlets translate") {
		t.Error("the note is not shown")
	}
	// Reopen the same articles from the file: the verdicts are there.
	again, err := review.Load(d.Store.Path, review.Key(d.Articles), nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Get(first).Status != review.Confirmed || again.Get(second).Note != "two outlets translate" {
		t.Fatal("verdicts not saved to the review file")
	}
	d2 := d
	d2.Store = again
	m2 := newModel(t, d2, 160, 45)
	if !strings.Contains(screenText(m2), "1 confirmed, 1 dismissed") {
		t.Errorf("reopened header: %q", strings.Split(screenText(m2), "\n")[0])
	}
	// Undo: the note goes, then the dismissal, then the confirmation.
	press(m, "u")
	if e := d.Store.Get(second); e.Note != "" || e.Status != review.Dismissed {
		t.Errorf("undo note: %+v", e)
	}
	press(m, "u", "u")
	if d.Store.Get(second).Status != review.Open || d.Store.Get(first).Status != review.Open {
		t.Error("undo did not reopen both")
	}
	press(m, "]", "c", "c") // the same verdict twice reopens
	if d.Store.Get(d.Result.Discrepancies[m.disc]).Status != review.Open {
		t.Error("c twice did not reopen")
	}
	// Esc while writing a note keeps the old note.
	press(m, "a")
	typeText(m, "draft")
	press(m, "esc")
	if d.Store.Get(d.Result.Discrepancies[m.disc]).Note != "" {
		t.Error("esc saved the note")
	}
}

func TestExportFromInterface(t *testing.T) {
	d := seedData(t)
	var gotFormat string
	m := New(func() (Data, error) { return d, nil }, func(f string, _ Data) (string, error) { gotFormat = f; return "/tmp/x." + f, nil })
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(loadedMsg{data: d})
	press(m, "e", "h")
	if gotFormat != "html" || !strings.Contains(m.status, "exported to /tmp/x.html") {
		t.Errorf("export: format %q, status %q", gotFormat, m.status)
	}
	press(m, "e", "q") // any other key cancels, and q does not quit here
	if m.mode != modeNormal || !strings.Contains(m.status, "cancelled") {
		t.Errorf("export cancel: mode %d status %q", m.mode, m.status)
	}
}

func TestSmallAndNarrowTerminals(t *testing.T) {
	d := seedData(t)
	m := newModel(t, d, 30, 10)
	if !strings.Contains(screenText(m), "Terminal too small") {
		t.Errorf("30x10:\n%s", screenText(m))
	}
	checkScreen(t, m)
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	s := m.layout()
	if len(s.visible) != 1 || s.switcher.h != 1 {
		t.Errorf("60 wide: %d panes, switcher %d", len(s.visible), s.switcher.h)
	}
	checkScreen(t, m)
	press(m, "tab")
	if !strings.Contains(screenText(m), "▶2 ") {
		t.Errorf("switcher does not show source 2 focused:\n%s", screenText(m))
	}
	for _, sz := range [][2]int{{80, 24}, {160, 45}, {240, 60}, {41, 12}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		press(m, "]")
		checkScreen(t, m)
	}
}

func TestMouse(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 160, 45)
	s := m.layout()
	r := s.panes[1]
	m.Update(tea.MouseWheelMsg{X: r.x + 3, Y: r.y + 5, Button: tea.MouseWheelDown})
	if m.focus != 1 || m.panes[1].offset != 3 {
		t.Errorf("wheel over pane 2: focus %d offset %d", m.focus, m.panes[1].offset)
	}
	// A click on an overview cell selects that topic and source.
	if s.overview.h > 0 {
		g := m.overviewGrid(s.overview)
		m.Update(tea.MouseClickMsg{X: s.overview.x + g.labelW + 1 + 2, Y: s.overview.y + 1 + 3, Button: tea.MouseLeft})
		if m.topic != 2 || m.focus != 3 {
			t.Errorf("overview click: topic %d source %d, want 2 and 3", m.topic, m.focus)
		}
	} else {
		t.Error("no overview strip at 160x45")
	}
	// Click on the first claim of the first discrepancy, wherever it is drawn.
	press(m, "]")
	dsc := d.Result.Discrepancies[0]
	c := dsc.Claims[0]
	press(m, "esc")
	si := m.doc.srcIndex[c.Source]
	m.focus = si
	m.scrollTo(si, c.Paragraph, c.Start)
	s = m.layout()
	for i, v := range s.visible {
		if v != si {
			continue
		}
		p := &m.panes[si]
		row := p.rowOf(c.Paragraph, c.Start) - p.offset
		x := s.panes[i].x + gutterWidth + ansi.StringWidth(m.doc.sources[si].art.Paragraphs[c.Paragraph].Text[p.rows[p.offset+row].start:max(c.Start, p.rows[p.offset+row].start)])
		m.Update(tea.MouseClickMsg{X: x, Y: s.panes[i].y + paneHeaderRows + row, Button: tea.MouseLeft})
		if m.disc < 0 || !claimIn(d.Result.Discrepancies[m.disc], c) {
			t.Errorf("click on %q selected %d", c.Text, m.disc)
		}
		return
	}
	t.Fatal("the claim's source is not visible at 160x45")
}

func claimIn(d compare.Discrepancy, c compare.Claim) bool {
	for _, x := range d.Claims {
		if x.Span == c.Span {
			return true
		}
	}
	return false
}

// Inputs that failed to load are said in the status line, as errors.
func TestLoadErrorsShown(t *testing.T) {
	d := seedData(t)
	d.Errors = []string{"/nope.txt: no such file or folder"}
	m := newModel(t, d, 120, 30)
	if !m.statusErr || !strings.Contains(m.status, "1 input not loaded: /nope.txt") {
		t.Errorf("status %q (error %v)", m.status, m.statusErr)
	}
}

// The tests' key presses are the ones the bindings match: every key of
// every binding, sent through keyMsg, reads back as its name.
func TestKeyMsgMatchesBindings(t *testing.T) {
	for _, b := range allBindings(defaultKeys()) {
		for _, k := range b.Keys() {
			if got := keyMsg(k).String(); got != k {
				t.Errorf("key %q reads back as %q", k, got)
			}
		}
	}
}

// A click on a name in the narrow screen's source switcher focuses that
// source, also when the row is cut on the left to keep the focused one in
// view.
func TestSwitcherClick(t *testing.T) {
	d := generatedData(t, 30)
	m := newModel(t, d, 60, 20)
	press(m, "ctrl+o") // nothing to jump back to: a no-op that settles
	for range 20 {
		press(m, "tab")
	}
	s := m.layout()
	if s.switcher.h == 0 {
		t.Fatal("no switcher at 60 columns")
	}
	row := ansi.Strip(strings.Split(m.render(), "\n")[s.switcher.y])
	if !strings.HasPrefix(row, "…") {
		t.Fatalf("switcher row not cut with source 21 focused: %q", row)
	}
	found := 0
	for want := range m.doc.sources { // every label whose number shows
		label := "│  " + itoa(want+1) + " " // a label starts after a separator, with its mark
		if want == m.focus {
			label = "│ ▶" + itoa(want+1) + " "
		}
		i := strings.Index(row, label)
		if i < 0 {
			continue
		}
		found++
		x := s.switcher.x + ansi.StringWidth(row[:i]) + 3
		focus := m.focus
		m.Update(tea.MouseClickMsg{X: x, Y: s.switcher.y, Button: tea.MouseLeft})
		if m.focus != want {
			t.Errorf("click on source %d's label (column %d of %q): focus %d", want, x, row, m.focus)
		}
		m.focus = focus
		m.settle()
	}
	if found < 2 {
		t.Errorf("the switcher row shows %d labels: %q", found, row)
	}
}

// The header and the topic list count what the result holds, whatever the
// engine finds: on the seeds, on generated articles, on the fixture.
func TestHeaderCountsTheResult(t *testing.T) {
	for name, d := range map[string]Data{"seeds": seedData(t), "generated": generatedData(t, 12), "fixture": fixtureData(t)} {
		m := newModel(t, d, 200, 50)
		scr := screenText(m)
		header := strings.Split(scr, "\n")[0]
		r := d.Result
		for _, want := range []string{plural(len(r.Sources), "source"), plural(len(r.Topics), "topic"), plural(len(r.Discrepancies), "discrepancy") + ": " + itoa(len(r.Discrepancies)) + " open"} {
			if !strings.Contains(header, want) {
				t.Errorf("%s: header %q lacks %q", name, header, want)
			}
		}
		if !strings.Contains(scr, "topics ({ }) · "+itoa(len(r.Topics))) {
			t.Errorf("%s: the topic list does not count %d topics", name, len(r.Topics))
		}
	}
}
