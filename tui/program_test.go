package tui

import (
	"io"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// The real program loop: it takes the loaded comparison by message, then
// keys, and quits; the final model has the verdict given. The loading is
// held until the test hands the result over itself, so nothing waits on a
// timer.
func TestProgramSmoke(t *testing.T) {
	d := seedData(t)
	hold := make(chan struct{})
	t.Cleanup(func() { close(hold) })
	m := New(func() (Data, error) { <-hold; return Data{}, nil }, nil)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	tm.Send(loadedMsg{data: d})
	tm.Send(keyMsg("]"))
	tm.Send(keyMsg("c"))
	tm.Send(keyMsg("q"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if fm.loading || fm.disc != 0 {
		t.Fatalf("final model: loading %v, discrepancy %d", fm.loading, fm.disc)
	}
	if got := d.Store.Get(d.Result.Discrepancies[0]).Status; got != "confirmed" {
		t.Fatalf("verdict %s", got)
	}
}

// Quitting while the articles load ends the program at once, says it was
// interrupted, and hands back nothing: the loading goroutine, which goes on
// until it finishes, writes nothing the caller reads (go test -race).
func TestQuitWhileLoading(t *testing.T) {
	d := seedData(t)
	for _, k := range []string{"ctrl+c", "q"} {
		started, release := make(chan struct{}), make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		m := New(func() (Data, error) {
			defer wg.Done()
			close(started)
			<-release
			return d, nil
		}, nil)
		in, keys := io.Pipe()
		p := tea.NewProgram(m, tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
		go func() { <-started; p.Send(keyMsg(k)) }() // quit while the load runs
		done := make(chan struct{})
		var final tea.Model
		var err error
		go func() { final, err = p.Run(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s while loading: the program did not quit", k)
		}
		fm := final.(*Model)
		if err != nil || fm.Err() != errInterrupted {
			t.Errorf("%s while loading: run error %v, model error %v", k, err, fm.Err())
		}
		close(release) // the load finishes after the program ended
		wg.Wait()
		if got := fm.Data(); got.Result != nil || got.Articles != nil {
			t.Errorf("%s while loading: data handed back %+v", k, got)
		}
		keys.Close()
	}
}
