package compare

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dateMatches, which runs the date pattern only around the words it needs,
// finds what the pattern finds in the whole sentence: checked on every
// line of the evaluation articles and the seeds.
func TestDateMatchesAsThePattern(t *testing.T) {
	fs, _ := filepath.Glob(filepath.Join(evalDir, "..", "*", "*", "*.txt"))
	fs2, _ := filepath.Glob(filepath.Join(evalDir, "*", "articles", "*.txt"))
	fs3, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	fs = append(append(fs, fs2...), fs3...)
	if len(fs) == 0 {
		t.Fatal("no text to read")
	}
	n, bad := 0, 0
	for _, f := range fs {
		b, _ := os.ReadFile(f)
		for _, line := range strings.Split(string(b), "\n") {
			l := asciiLower(line)
			a := dateRe().FindAllStringIndex(l, -1)
			c := dateMatches(l)
			n++
			if !slices.EqualFunc(a, c, func(x, y []int) bool { return x[0] == y[0] && x[1] == y[1] }) {
				bad++
				if bad < 5 {
					t.Errorf("%q: the pattern finds %v, dateMatches %v", line, a, c)
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d lines differ", bad, n)
	}
}
