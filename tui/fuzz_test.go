package tui

import (
	"path/filepath"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/review"
)

var (
	fuzzOnce sync.Once
	fuzzData Data
)

// FuzzUpdate drives the interface's update loop with events decoded from
// the fuzzer's bytes (the random test's events: keys, clicks, wheel, pastes,
// notes, resizes): no panic, and every frame is the window's size with no
// raw control sequence. The seeds are compared once; each input gets a
// review of its own.
func FuzzUpdate(f *testing.F) {
	fuzzOnce.Do(func() { fuzzData = seedData(f) })
	f.Add([]byte{0, 80, 0, 24, 0, 90, 0, 1, 0, 90, 0, 5})
	f.Add([]byte{0, 160, 0, 45, 0, 50, 0, 3, 0, 50, 0, 20, 0, 95, 0, 7, 0, 5, 0, 0, 0, 10})
	f.Add([]byte("]a note being typed, then a click"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d := fuzzData
		store, err := review.Load(filepath.Join(reviewDir(t), "review.json"), review.Key(d.Articles), nil)
		if err != nil {
			t.Fatal(err)
		}
		d.Store = store
		c := &byteChooser{b: b}
		dr := newDriver(t, d, c.Intn(260), c.Intn(80), "fuzz input")
		for n := 0; !c.done() && n < 300; n++ {
			dr.send(nextEvent(c, dr.m))
		}
	})
}
