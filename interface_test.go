package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/seeds"
	"github.com/parallax-news/parallax/tui"
)

// The interface's loading hands everything back in its result: the
// articles, the loader's error as one line an input (errors.Join's own
// list, not the text split at newlines), the sample flag.
func TestInterfaceLoadHandsOverErrors(t *testing.T) {
	res, _, err := load(nil, config{review: t.TempDir() + "/r.json"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	joined := errors.Join(errors.New("a.txt: no such file"), errors.Join(errors.New("b.txt: binary\nfile"), errors.New("c.txt: empty")))
	d, err := interfaceLoad([]string{"-"}, config{review: t.TempDir() + "/r.json"}, nil, &res, joined)()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.txt: no such file", "b.txt: binary\nfile", "c.txt: empty"}; !slices.Equal(d.Errors, want) {
		t.Errorf("errors %q, want %q", d.Errors, want)
	}
	if d.LoadErr != joined || d.Result == nil || d.Store == nil || len(d.Articles) != len(res.Articles) {
		t.Errorf("data: err %v, result %v, store %v, %d articles", d.LoadErr, d.Result != nil, d.Store != nil, len(d.Articles))
	}
	if d.Sample {
		t.Error("standard input taken for the sample")
	}
	d, err = interfaceLoad(nil, config{review: t.TempDir() + "/r.json"}, nil, nil, nil)()
	if err != nil || !d.Sample {
		t.Errorf("no inputs: err %v, sample %v", err, d.Sample)
	}
	d, err = interfaceLoad([]string{"-"}, config{}, nil, &loader.Result{}, joined)()
	if err == nil || d.LoadErr != joined {
		t.Errorf("nothing loaded: err %v, load error %v", err, d.LoadErr)
	}
}

// Quitting while the articles load: the program ends at once, the command
// says it was interrupted and exits 1, and the loading (the real one:
// reading, the review, the comparison) finishes afterwards on its own
// goroutine, writing nothing the command reads. Run with -race, as CI does.
func TestQuitDuringLoading(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	started, release, finished := make(chan struct{}), make(chan struct{}), make(chan tui.Data, 1)
	real := interfaceLoad(nil, config{maxSize: 10 << 20, budget: time.Minute}, nil, nil, nil)
	load := func() (tui.Data, error) {
		close(started)
		<-release
		d, err := real()
		finished <- d
		return d, err
	}
	in, keys := io.Pipe()
	defer keys.Close()
	p := tea.NewProgram(tui.New(load, nil), tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
	go func() { <-started; p.Send(tea.KeyPressMsg{Code: 'q', Text: "q"}) }()
	final, err := p.Run()
	if err != nil {
		t.Fatal(err)
	}
	fm := final.(*tui.Model)
	close(release) // the loading runs on while the command finishes
	var stderr bytes.Buffer
	code := afterInterface(fm.Data(), fm.Err(), &stderr)
	if code != exitFailure || stderr.String() != "parallax: interrupted while loading\n" {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if d := <-finished; len(d.Articles) != len(seeds.Names()) || d.Result == nil {
		t.Errorf("the loading, left to finish: %d articles, result %v", len(d.Articles), d.Result != nil)
	}
}

// A verdict that cannot be saved (the review's folder became a file after
// the review was opened: ENOTDIR, which holds even for root, unlike a
// read-only mode) is never reported as saved: the screen says NOT SAVED,
// the command says why on stderr once the screen is back and exits 1, and
// nothing claims the file exists.
func TestFailedSaveExitsNonZero(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir() + "/reviews"
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := dir + "/r.json"
	real := interfaceLoad(nil, config{review: path, maxSize: 10 << 20, budget: time.Minute}, nil, nil, nil)
	load := func() (tui.Data, error) {
		d, err := real()
		// The folder goes away under the open review; a file takes its name.
		if rerr := os.RemoveAll(dir); rerr != nil {
			t.Error(rerr)
		}
		if werr := os.WriteFile(dir, []byte("not a folder"), 0o644); werr != nil {
			t.Error(werr)
		}
		return d, err
	}
	in, keys := io.Pipe()
	defer keys.Close()
	var loaded atomic.Bool
	var screen atomic.Value
	filter := func(m tea.Model, msg tea.Msg) tea.Msg {
		tm := m.(*tui.Model)
		if tm.Data().Result != nil {
			loaded.Store(true)
			screen.Store(tm.View().Content)
		}
		return msg
	}
	p := tea.NewProgram(tui.New(load, nil), tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithWindowSize(120, 40), tea.WithFilter(filter))
	go func() {
		for !loaded.Load() {
			time.Sleep(10 * time.Millisecond)
		}
		p.Send(tea.KeyPressMsg{Code: ']', Text: "]"}) // the first discrepancy
		p.Send(tea.KeyPressMsg{Code: 'c', Text: "c"}) // confirmed
		// The save runs as a command; wait until its failure is on screen
		// before quitting (a quit before it lands is covered by the save
		// once more at exit, which fails the same way).
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if s, _ := screen.Load().(string); strings.Contains(s, "NOT SAVED") {
				break
			}
			time.Sleep(10 * time.Millisecond)
			p.Send(tea.WindowSizeMsg{Width: 120, Height: 40}) // a message, so the filter looks again
		}
		p.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	}()
	final, err := p.Run()
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := screen.Load().(string); !strings.Contains(s, "NOT SAVED") || strings.Contains(s, "· saved") {
		t.Errorf("the screen after a failed save does not say NOT SAVED (or says saved):\n%s", s)
	}
	fm := final.(*tui.Model)
	var stderr bytes.Buffer
	code := afterInterface(fm.Data(), fm.Err(), &stderr)
	if code != exitFailure {
		t.Errorf("exit %d after a failed save, want %d", code, exitFailure)
	}
	if !strings.Contains(stderr.String(), "save review") || !strings.Contains(stderr.String(), "not a directory") {
		t.Errorf("stderr does not say the save failed: %q", stderr.String())
	}
	if fm.Data().Store.Unsaved() != true {
		t.Error("the store claims the verdict is on disk")
	}
}
