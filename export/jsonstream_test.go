package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/seeds"
)

// indent must write what json.MarshalIndent writes, for any value the
// encoder can produce: strings full of quotes, backslashes and brackets,
// empty and nested containers, numbers, null.
func TestIndentAsEncoder(t *testing.T) {
	for _, v := range []any{
		nil, 1.5, "plain", []any{}, map[string]any{},
		[]any{[]any{}, map[string]any{}, []any{[]any{}}},
		map[string]any{`a"b`: `c\"d`, "e\\": []any{`\\`, `"`, "{[,:]}"}, "f": nil},
		map[string]any{"g": map[string]any{"h": []any{1, true, "i\u2028j<&>", "\x01\t"}}},
		struct {
			A []string `json:"a"`
			B []int    `json:"b"`
		}{A: []string{"x", `y"],[{`}, B: []int{}},
	} {
		want, err := json.MarshalIndent(v, "    ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := indented(t, v, "    "); !bytes.Equal(got, want) {
			t.Errorf("%#v:\n got %s\nwant %s", v, got, want)
		}
	}
}

func FuzzIndent(f *testing.F) {
	f.Add(`he said "no" \ {[,:]}`, "k")
	f.Fuzz(func(t *testing.T, s, k string) {
		v := map[string]any{k: []any{s, map[string]any{s: []any{}}, []any{k, 1}}, s: map[string]any{}}
		want, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			t.Skip()
		}
		if got := indented(t, v, "  "); !bytes.Equal(got, want) {
			t.Errorf("got %s\nwant %s", got, want)
		}
	})
}

func indented(t *testing.T, v any, prefix string) []byte {
	t.Helper()
	b, err := appendValue(nil, v, prefix)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// failAfter is a writer that takes n bytes, then fails, as a full disk does.
type failAfter struct{ n int }

var errFull = errors.New("no space left on device")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

// A write that fails part way through the export (the disk full, the pipe
// closed) is the export's error, whichever part it fails in, and the
// goroutines encoding the parts ahead of it end; through WriteFile, the old
// file stays whole and no temporary file is left.
func TestJSONFailingWrite(t *testing.T) {
	res, err := loader.Load(context.Background(), seeds.Names(), loader.Options{FS: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	d := Doc{Generator: "parallax test", Articles: res.Articles, Result: compare.Compare(res.Articles)}
	var whole bytes.Buffer
	if err := JSON(&whole, d); err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	for _, n := range []int{0, 1, 100, 70_000, whole.Len() - 1} {
		if err := JSON(&failAfter{n}, d); !errors.Is(err, errFull) {
			t.Errorf("failing after %d bytes: %v", n, err)
		}
	}
	for i := 0; runtime.NumGoroutine() > before && i < 100; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left behind by the failed exports", n-before)
	}
	if os.Getenv("EXPORT_CHILD") == "full" {
		lim := syscall.Rlimit{Cur: 70_000, Max: 70_000} // a file may not grow past this: the export's write fails
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			fmt.Println("setrlimit:", err)
			os.Exit(3)
		}
		fmt.Println("error:", WriteFile(os.Getenv("EXPORT_PATH"), "json", d))
		os.Exit(0)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "x.json")
	os.WriteFile(p, []byte("old"), 0o644)
	cmd := exec.Command(os.Args[0], "-test.run=^TestJSONFailingWrite$")
	cmd.Env = append(os.Environ(), "EXPORT_CHILD=full", "EXPORT_PATH="+p)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "error: write "+p) || !strings.Contains(string(out), "file too large") {
		t.Errorf("the failed export was not reported: %s", out)
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("the old file was not kept: %d bytes", len(b))
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("%d files left in the folder, want the old one alone", len(ents))
	}
}
