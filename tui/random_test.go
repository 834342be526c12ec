package tui

import (
	"errors"
	"fmt"
	"image/color"
	"math/rand"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/review"
)

// The random-event test: the interface driven by random key presses,
// clicks, wheel turns, pastes, notes, colour reports and resizes down to
// 0x0, checked after every event. Short by default; PARALLAX_LONG=1 runs
// 100,000 events a source set; PARALLAX_SEED=n replays a failure.

// chooser picks the next number of an event: a seeded generator for the
// random test, the fuzzer's bytes for FuzzUpdate.
type chooser interface{ Intn(n int) int }

// byteChooser reads choices from the fuzzer's bytes; 0 once they run out.
type byteChooser struct {
	b []byte
	i int
}

func (c *byteChooser) Intn(n int) int {
	if n <= 1 {
		return 0
	}
	var v int
	for range 2 { // two bytes a choice: enough for a screen coordinate
		v <<= 8
		if c.i < len(c.b) {
			v |= int(c.b[c.i])
			c.i++
		}
	}
	return v % n
}

func (c *byteChooser) done() bool { return c.i >= len(c.b) }

// allBindings lists every binding of a key map.
func allBindings(k keyMap) []key.Binding {
	v := reflect.ValueOf(k)
	var out []key.Binding
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out = append(out, b)
		}
	}
	return out
}

var (
	// bindingKeys is every key the interface binds.
	bindingKeys = func() []string {
		var ks []string
		for _, b := range allBindings(defaultKeys()) {
			ks = append(ks, b.Keys()...)
		}
		return ks
	}()
	// strayKeys are keys nothing binds, and characters a note is made of.
	strayKeys = []string{"a", "b", "é", "中", "🙂", "Q", "Z", "ctrl+a", "ctrl+e", "ctrl+k", "ctrl+w", "ctrl+v", "alt+b",
		"delete", "insert", "f1", "f5", "f12", "left", "right", "home", "end", " ", "-", "0", "\u202e", "\x1b", "\x07"}
	// pastes are what a terminal can deliver in a bracketed paste: text,
	// lines, escape sequences, bidi overrides, nothing.
	pastes = []string{"", "pasted words", "two\nlines", "tab\there", "\x1b]52;c;aGk=\x07clip", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
		"\x1b[2J\x1b[H", "\u202eevil\u202c", "\x9b31m", strings.Repeat("long paste ", 300), "\xff\xfe bad bytes"}
	// sizes are windows a reviewer has, the edges of the layout's rules,
	// and nothing at all.
	eventSizes = [][2]int{{80, 24}, {160, 45}, {200, 50}, {240, 60}, {40, 12}, {39, 12}, {40, 11}, {129, 30}, {130, 29}, {1, 1}, {0, 0}, {300, 100}}
)

// nextEvent picks an event: mostly keys, then the mouse, pastes, resizes
// and the terminal's reports. While a note is written, mostly its
// characters, with clicks and resizes between them (issue 14's crash).
func nextEvent(c chooser, m *Model) tea.Msg {
	pick := func(xs []string) string { return xs[c.Intn(len(xs))] }
	coord := func(n int) int { return c.Intn(n+3) - 1 } // -1 to n+1: off the edges too
	writing := m.mode == modeNote || m.mode == modeSearch
	switch r := c.Intn(100); {
	case r < 2:
		sz := eventSizes[c.Intn(len(eventSizes))]
		if c.Intn(2) == 0 {
			sz = [2]int{c.Intn(260), c.Intn(80)}
		}
		return tea.WindowSizeMsg{Width: sz[0], Height: sz[1]}
	case r < 10:
		b := []tea.MouseButton{tea.MouseLeft, tea.MouseLeft, tea.MouseLeft, tea.MouseRight, tea.MouseMiddle}[c.Intn(5)]
		return tea.MouseClickMsg{X: coord(m.w), Y: coord(m.h), Button: b}
	case r < 14:
		b := []tea.MouseButton{tea.MouseWheelDown, tea.MouseWheelUp, tea.MouseWheelLeft, tea.MouseWheelRight}[c.Intn(4)]
		return tea.MouseWheelMsg{X: coord(m.w), Y: coord(m.h), Button: b}
	case r < 15:
		return tea.MouseReleaseMsg{X: coord(m.w), Y: coord(m.h), Button: tea.MouseLeft}
	case r < 16:
		return tea.MouseMotionMsg{X: coord(m.w), Y: coord(m.h)}
	case r < 19:
		return tea.PasteMsg{Content: pick(pastes)}
	case r < 20:
		bg := []color.Color{color.White, color.Black, color.RGBA{0xfd, 0xf6, 0xe3, 0xff}}[c.Intn(3)]
		return tea.BackgroundColorMsg{Color: bg}
	case r < 21:
		return savedMsg{err: []error{nil, errors.New("save review: disk full")}[c.Intn(2)]}
	case writing && r < 93:
		if r < 90 {
			return keyMsg(pick([]string{"a", "b", "é", "中", "🙂", " ", "Q", "x", "q", "]", "1", "backspace", "left"}))
		}
		return keyMsg(pick([]string{"enter", "esc", "ctrl+c"}))
	case r < 30:
		return keyMsg(pick(strayKeys))
	}
	return keyMsg(pick(bindingKeys))
}

// driver feeds events to a model, runs the commands they return as the
// program would, and checks the model after each.
type driver struct {
	t     testing.TB
	m     *Model
	d     Data
	what  string // how to replay a failure
	step  int
	log   []string // the last events, for a failure's message
	quits int
}

func newDriver(t testing.TB, d Data, w, h int, what string) *driver {
	m := New(func() (Data, error) { return d, nil }, func(f string, _ Data) (string, error) {
		if f == "json" {
			return "", errors.New("write /nowhere/x.json: read-only file system")
		}
		return "/nowhere/x." + f, nil // nothing written: the export is not under test
	})
	m.now = func() time.Time { return time.Date(2031, 3, 12, 9, 0, 0, 0, time.UTC) }
	dr := &driver{t: t, m: m, d: d, what: what}
	dr.send(tea.WindowSizeMsg{Width: w, Height: h})
	dr.send(loadedMsg{data: d})
	return dr
}

func (dr *driver) fail(format string, args ...any) {
	dr.t.Helper()
	dr.t.Fatalf("%s, event %d: %s\nlast events:\n  %s", dr.what, dr.step, fmt.Sprintf(format, args...), strings.Join(dr.log, "\n  "))
}

// send gives one message to the model and checks what follows.
func (dr *driver) send(msg tea.Msg) {
	dr.t.Helper()
	dr.step++
	dr.log = append(dr.log, fmt.Sprintf("%d %T %s", dr.step, msg, describe(msg)))
	if len(dr.log) > 25 {
		dr.log = dr.log[1:]
	}
	m := dr.m
	mode, noteD, value := m.mode, m.noteD, m.input.Value()
	var cmd tea.Cmd
	func() {
		defer func() {
			if r := recover(); r != nil {
				dr.fail("panic: %v", r)
			}
		}()
		_, cmd = m.Update(msg)
	}()
	if cmd != nil {
		dr.runCmd(cmd)
	}
	if mode == modeNote && m.mode != modeNote {
		dr.checkNoteKept(msg, noteD, value)
	}
	dr.checkState()
	dr.checkFrame()
}

// runCmd runs a command and feeds back the messages the model acts on. A
// command that waits (a timer) is left to itself.
func (dr *driver) runCmd(cmd tea.Cmd) {
	done := make(chan tea.Msg, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("command panicked: %v", r)
			}
		}()
		done <- cmd()
	}()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(time.Second):
		return
	}
	switch msg := msg.(type) {
	case nil:
	case error:
		dr.fail("%v", msg)
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil {
				dr.runCmd(c)
			}
		}
	case tea.QuitMsg:
		dr.quits++
	case savedMsg, exportedMsg:
		dr.send(msg)
	default:
		// tea.Sequence's message is unexported: a slice of commands.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := range v.Len() {
				if c := v.Index(i).Interface().(tea.Cmd); c != nil {
					dr.runCmd(c)
				}
			}
		}
	}
}

// checkNoteKept: a note being written leaves the note line only by enter
// (saved), ctrl+c (saved, then quit) or esc (kept as a draft).
func (dr *driver) checkNoteKept(msg tea.Msg, d compare.Discrepancy, value string) {
	dr.t.Helper()
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		dr.fail("a %T closed the note being written", msg)
	}
	// The store keeps the note as it is safe to keep (review.CleanNote).
	want := review.CleanNote(value)
	switch k.String() {
	case "enter", "ctrl+c":
		if got := dr.d.Store.Get(d).Note; got != want {
			dr.fail("%s: note of %s is %q, typed %q", k.String(), d.ID, got, want)
		}
	case "esc":
		if got, ok := dr.m.drafts[sig(d)]; !ok && dr.d.Store.Get(d).Note != want || ok && strings.TrimSpace(got) != strings.TrimSpace(value) {
			dr.fail("esc lost the draft of %s: %q", d.ID, want)
		}
	default:
		dr.fail("key %q closed the note being written", k.String())
	}
}

// checkState: every index the model keeps points where it may.
func (dr *driver) checkState() {
	dr.t.Helper()
	m := dr.m
	if m.doc == nil {
		return
	}
	nd, nt, ns := len(m.doc.res.Discrepancies), len(m.doc.res.Topics), len(m.doc.sources)
	switch {
	case m.disc < -1 || m.disc >= nd:
		dr.fail("discrepancy %d of %d", m.disc, nd)
	case m.topic < -1 || m.topic >= nt:
		dr.fail("topic %d of %d", m.topic, nt)
	case ns > 0 && (m.focus < 0 || m.focus >= ns || m.pairA < 0 || m.pairA >= ns || m.pairB < 0 || m.pairB >= ns):
		dr.fail("focus %d, pair %d/%d of %d sources", m.focus, m.pairA, m.pairB, ns)
	case m.fact.idx >= 0 && (m.fact.src < 0 || m.fact.src >= ns || m.fact.idx >= len(m.doc.sources[m.fact.src].facts)):
		dr.fail("fact %+v", m.fact)
	case m.mode == modeNote && (m.noteDisc < 0 || m.noteDisc >= nd):
		dr.fail("note for discrepancy %d of %d", m.noteDisc, nd)
	case m.sides != nil && (m.disc < 0 || !slices.Contains(m.sides, m.focus)):
		dr.fail("sides %v kept with discrepancy %d, focus %d", m.sides, m.disc, m.focus)
	}
}

// checkFrame: the screen is exactly the window, and carries no byte that is
// not text or a colour: no control character, no escape sequence but SGR.
// Every so often, drawing is checked to change nothing (the state's dump
// costs more than a frame).
func (dr *driver) checkFrame() {
	dr.t.Helper()
	var before string
	if dr.step%200 == 0 {
		before = modelState(dr.m)
	}
	if err := frameProblem(dr.m.render(), dr.m.w, dr.m.h); err != "" {
		dr.fail("%dx%d: %s", dr.m.w, dr.m.h, err)
	}
	if before != "" {
		if after := modelState(dr.m); after != before {
			dr.fail("drawing changed the model:\n%s", firstDiff(before, after))
		}
	}
}

// frameProblem says what is wrong with a rendered screen, or "".
func frameProblem(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		if s != "" {
			return "a screen drawn in no room"
		}
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		return fmt.Sprintf("%d lines", len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw != w {
			return fmt.Sprintf("line %d is %d wide: %q", i, lw, ansi.Strip(l))
		}
		if p := rawProblem(l); p != "" {
			return fmt.Sprintf("line %d: %s", i, p)
		}
	}
	return ""
}

// rawProblem finds a control character or an escape sequence other than a
// colour (SGR) in a line, or a bidi override, or invalid UTF-8.
func rawProblem(l string) string {
	for i := 0; i < len(l); {
		c := l[i]
		if c == 0x1b {
			j := i + 1
			if j >= len(l) || l[j] != '[' {
				return fmt.Sprintf("escape sequence %q", l[i:min(len(l), i+8)])
			}
			j++
			for j < len(l) && (l[j] >= '0' && l[j] <= '9' || l[j] == ';' || l[j] == ':') {
				j++
			}
			if j >= len(l) || l[j] != 'm' {
				return fmt.Sprintf("control sequence %q", l[i:min(len(l), j+1)])
			}
			i = j + 1
			continue
		}
		r, n := utf8.DecodeRuneInString(l[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return "invalid UTF-8"
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			return fmt.Sprintf("control character %U", r)
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			return fmt.Sprintf("bidi control %U", r)
		}
		i += n
	}
	return ""
}

func describe(msg tea.Msg) string {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return strconv.Quote(msg.String())
	case tea.PasteMsg:
		return strconv.Quote(ansi.Truncate(msg.Content, 20, "…"))
	case loadedMsg:
		return ""
	}
	return fmt.Sprintf("%+v", msg)
}

// randomEvents is the number of events a source set gets: 1,500 (450 with
// -short or the race detector), or 100,000 with PARALLAX_LONG=1.
func randomEvents() int {
	if os.Getenv("PARALLAX_LONG") != "" {
		return 100_000
	}
	if testing.Short() || raceBuild {
		return 450
	}
	return 1500
}

// randomSeed is PARALLAX_SEED, else a new seed each run (printed on a
// failure, so that the failing run replays).
func randomSeed(t *testing.T) int64 {
	if s := os.Getenv("PARALLAX_SEED"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("PARALLAX_SEED=%q: not a number", s)
		}
		return n
	}
	return time.Now().UnixNano()
}

func TestRandomEvents(t *testing.T) {
	seed := randomSeed(t)
	t.Logf("seed %d (PARALLAX_SEED=%d replays it)", seed, seed)
	sets := []struct {
		name string
		data func(testing.TB) Data
	}{
		{"seeds", seedData},
		{"generated30", func(t testing.TB) Data { return generatedData(t, 30) }},
		{"fixture", fixtureData},
		{"hostile", hostileData},
	}
	starts := [][2]int{{80, 24}, {160, 45}, {240, 60}}
	for si, set := range sets {
		for i, sz := range starts {
			name := fmt.Sprintf("%s/%dx%d", set.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				d := set.data(t)
				s := seed + int64(si*len(starts)+i)
				what := fmt.Sprintf("replay: PARALLAX_SEED=%d go test ./tui -run 'TestRandomEvents/%s'", seed, name)
				dr := newDriver(t, d, sz[0], sz[1], what)
				rng := rand.New(rand.NewSource(s))
				for range randomEvents() / len(starts) {
					dr.send(nextEvent(rng, dr.m))
				}
				t.Logf("%d events, %d quits asked", dr.step, dr.quits)
			})
		}
	}
}
