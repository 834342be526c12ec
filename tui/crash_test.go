package tui

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// Issue 14: at 160x45, ] then a, a note typed, then a click on another
// topic in the topic list panicked in the status line (index -1) and lost
// the note being written.
func TestClickTopicWhileWritingNote(t *testing.T) {
	d := seedData(t)
	m := newModel(t, d, 160, 45)
	press(m, "]", "a")
	target := m.disc
	typeText(m, "half written")
	s := m.layout()
	if s.topics.w == 0 {
		t.Fatal("no topic list at 160x45")
	}
	// A topic other than the discrepancy's, so the selection moves away.
	other := -1
	for ti, tp := range d.Result.Topics {
		if tp.ID != d.Result.Discrepancies[target].Topic && ti < s.topics.h-1 {
			other = ti
			break
		}
	}
	if other < 0 {
		t.Fatal("no other topic in view")
	}
	m.Update(tea.MouseClickMsg{X: 3, Y: s.topics.y + 1 + other - m.topicTop, Button: tea.MouseLeft})
	checkScreen(t, m)
	if m.mode != modeNote {
		t.Fatalf("the click closed the note (mode %d)", m.mode)
	}
	typeText(m, " and finished")
	press(m, "enter")
	if got := d.Store.Get(d.Result.Discrepancies[target]).Note; got != "half written and finished" {
		t.Fatalf("note on %s: %q", d.Result.Discrepancies[target].ID, got)
	}
}

// A note being written survives whatever ends it but enter: esc keeps it as
// a draft that a offers again, ctrl+c saves it before quitting.
func TestNoteBeingWrittenIsNeverLost(t *testing.T) {
	d := seedData(t)
	m := newModel(t, d, 120, 40)
	press(m, "]", "a")
	typeText(m, "first thoughts")
	press(m, "esc")
	di := m.disc
	if got := d.Store.Get(d.Result.Discrepancies[di]).Note; got != "" {
		t.Fatalf("esc saved %q", got)
	}
	press(m, "a")
	if got := m.input.Value(); got != "first thoughts" {
		t.Fatalf("a after esc offers %q", got)
	}
	typeText(m, ", checked")
	m.Update(tea.WindowSizeMsg{Width: 0, Height: 0}) // a resize to nothing keeps it too
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	_, cmd := m.Update(keyMsg("ctrl+c"))
	if cmd == nil {
		t.Fatal("ctrl+c returned no command")
	}
	quit := false
	for _, msg := range runAll(cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			quit = true
		}
	}
	if !quit {
		t.Error("ctrl+c in a note did not quit")
	}
	if got := d.Store.Get(d.Result.Discrepancies[di]).Note; got != "first thoughts, checked" {
		t.Errorf("ctrl+c lost the note: %q", got)
	}
	if _, err := os.Stat(d.Store.Path); err != nil {
		t.Errorf("the note was not saved before quitting: %v", err)
	}
}

// A pasted note or search keeps no control or bidi character.
func TestPasteIsCleaned(t *testing.T) {
	d := seedData(t)
	m := newModel(t, d, 120, 40)
	press(m, "]", "a")
	m.Update(tea.PasteMsg{Content: "a \u202eright-to-left\u202c \x1b]52;c;aGk=\x07note\nsecond line"})
	press(m, "enter")
	got := d.Store.Get(d.Result.Discrepancies[m.disc]).Note
	if got != "a right-to-left note second line" {
		t.Errorf("pasted note saved as %q", got)
	}
}

// runAll runs a command to the end, with the commands of batches and
// sequences, and returns the messages it gave.
func runAll(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, runAll(c)...)
		}
		return out
	}
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, runAll(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// A paste longer than the note's line is cut by the input, and the prompt
// says so; a note as long as the line holds is stored whole in any script
// (2000 Chinese characters are 6000 bytes: the store once cut them at
// 4000, a third of the note lost without a word).
func TestLongPasteIsSaid(t *testing.T) {
	d := seedData(t)
	m := newModel(t, d, 160, 45)
	press(m, "]", "a")
	m.Update(tea.PasteMsg{Content: strings.Repeat("中", inputChars)})
	if line := statusLine(m); strings.Contains(line, "cut") {
		t.Errorf("a paste that fits is said to be cut: %q", line)
	}
	press(m, "enter")
	if got := d.Store.Get(d.Result.Discrepancies[m.disc]).Note; got != strings.Repeat("中", inputChars) {
		t.Errorf("a note of %d characters stored as %d", inputChars, utf8.RuneCountInString(got))
	}
	press(m, "]", "a")
	m.Update(tea.PasteMsg{Content: strings.Repeat("x", inputChars+500)})
	if line := statusLine(m); !strings.Contains(line, "pasted text cut") {
		t.Errorf("a paste cut short is not said: %q", line)
	}
	press(m, "enter")
	if got := d.Store.Get(d.Result.Discrepancies[m.disc]).Note; len(got) != inputChars {
		t.Errorf("the cut paste stored as %d characters", len(got))
	}
	press(m, "a")
	if line := statusLine(m); strings.Contains(line, "cut") {
		t.Errorf("the note line opened again still says %q", line)
	}
}
