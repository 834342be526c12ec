package tui

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// fiftySources is 50 ECB+ articles (a few clusters) compared, for the
// interface's heavy case.
func fiftySources(b *testing.B) Data {
	paths, _ := filepath.Glob("../../shared/eval/ecbplus-dev/*/articles/*.txt")
	if len(paths) < 50 {
		b.Skip("no ../shared/eval")
	}
	slices.Sort(paths)
	res, err := loader.Load(context.Background(), paths[:50], loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	store, _ := review.Load(filepath.Join(b.TempDir(), "r.json"), "k", nil)
	return Data{Articles: res.Articles, Result: compare.Compare(res.Articles), Store: store}
}

var sizes = [][2]int{{80, 24}, {160, 45}, {240, 60}}

func benchView(b *testing.B, d Data) {
	for _, sz := range sizes {
		b.Run(itoa(sz[0])+"x"+itoa(sz[1]), func(b *testing.B) {
			m := newModel(b, d, sz[0], sz[1])
			press(m, "]")
			b.ReportAllocs()
			for b.Loop() {
				m.View()
			}
		})
	}
}

// benchKeys measures key presses as the program takes them: Update, then
// View, the keys in turn.
func benchKeys(b *testing.B, d Data, keys ...string) {
	for _, sz := range sizes {
		b.Run(itoa(sz[0])+"x"+itoa(sz[1]), func(b *testing.B) {
			m := newModel(b, d, sz[0], sz[1])
			m.View()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m.Update(keyMsg(keys[i%len(keys)]))
				m.View()
				i++
			}
		})
	}
}

// benchKey: next and previous discrepancy, each of which scrolls every
// pane, and line scrolls with the panes in step.
func benchKey(b *testing.B, d Data) { benchKeys(b, d, "]", "j", "[", "}", "k") }

// benchRewrap: the keys that wrap the visible panes anew (the filter,
// hiding captions), the most a key press costs after loading.
func benchRewrap(b *testing.B, d Data) { benchKeys(b, d, "v", "H") }

func BenchmarkViewSeeds(b *testing.B) { benchView(b, seedData(b)) }
func BenchmarkViewFifty(b *testing.B) { benchView(b, fiftySources(b)) }
func BenchmarkKeySeeds(b *testing.B)  { benchKey(b, seedData(b)) }
func BenchmarkKeyFifty(b *testing.B)  { benchKey(b, fiftySources(b)) }
func BenchmarkFirstScreen(b *testing.B) { // load, compare and draw the seeds
	for b.Loop() {
		d := seedData(b)
		m := newModel(b, d, 160, 45)
		m.View()
	}
}

func BenchmarkRewrapSeeds(b *testing.B) { benchRewrap(b, seedData(b)) }
func BenchmarkRewrapFifty(b *testing.B) { benchRewrap(b, fiftySources(b)) }

// benchSheets: the workbench's sheets opened, moved in and closed (the
// fact table, the timeline, the review).
func BenchmarkSheetsFifty(b *testing.B) {
	benchKeys(b, fiftySources(b), "T", "j", "l", "T", "P", "j", "P", "R", "j", "R")
}

// benchVerdicts: a verdict, which source is right, back to open: each
// change recounts the review for the header (the save runs in a command,
// not measured here).
func BenchmarkVerdictsFifty(b *testing.B) {
	benchKeys(b, fiftySources(b), "]", "c", "r", "1", "c", "r", "0")
}
