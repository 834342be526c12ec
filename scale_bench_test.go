package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The two scale inputs of issue 12, end to end as a user runs them
// ("parallax export --format json -o x.json ..."), built from the ECB+ dev
// articles beside the repository. Peak memory is not a benchmark figure:
// measure it on the binary with /usr/bin/time over the same files, which
// PARALLAX_SCALE_DIR keeps (see the notes for the commands).
//
//	go test -run '^$' -bench 'Scale' -benchtime 2x .

// ecbTexts is the ECB+ dev articles' texts in file order, or a skip.
func ecbTexts(b *testing.B) []string {
	paths, _ := filepath.Glob("../shared/eval/ecbplus-dev/*/articles/*.txt")
	if len(paths) == 0 {
		b.Skip("no ../shared/eval/ecbplus-dev")
	}
	sort.Strings(paths)
	var out []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// scaleDir is where the inputs are written: PARALLAX_SCALE_DIR when set, so
// that /usr/bin/time can run the binary on the same files, else a
// temporary folder.
func scaleDir(b *testing.B, name string) string {
	dir := b.TempDir()
	if d := os.Getenv("PARALLAX_SCALE_DIR"); d != "" {
		dir = filepath.Join(d, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkScaleECB1000 exports 1,000 ECB+ articles: the 462 dev articles
// and copies of them, each file with its own Source line (so that a copy is
// a wire copy, kept and compared, not dropped as the same file).
func BenchmarkScaleECB1000(b *testing.B) {
	texts := ecbTexts(b)
	dir := scaleDir(b, "ecb1000")
	var paths []string
	for i := range 1000 {
		p := filepath.Join(dir, fmt.Sprintf("a%04d.txt", i))
		body := fmt.Sprintf("Source: Outlet %d\n\n%s", i, texts[i%len(texts)])
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	benchExport(b, paths)
}

// BenchmarkScaleLarge exports one article of 10 MB (the ECB+ dev articles
// one after another, again and again, as paragraphs of one story) beside a
// short one, and the same at 2.5 and 5 MB, so that the growth is read off
// one run.
func BenchmarkScaleLarge(b *testing.B) {
	texts := ecbTexts(b)
	dir := scaleDir(b, "large")
	short := writeShort(b, dir)
	for _, mb := range []int{2, 5, 10} {
		size := mb << 20
		if mb == 2 {
			size = 5 << 19 // 2.5 MB
		}
		var sb strings.Builder
		sb.WriteString("Date: 2024-03-01\n\n")
		for i := 0; sb.Len() < size; i++ {
			sb.WriteString(texts[i%len(texts)])
			sb.WriteString("\n\n")
		}
		p := filepath.Join(dir, fmt.Sprintf("large-%dk.txt", size>>10))
		if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dkB", size>>10), func(b *testing.B) {
			benchExport(b, []string{"--max-size", "20MB", p, short})
		})
	}
}

// BenchmarkScaleVaried exports one 10 MB article that does not repeat
// itself, beside the short one. BenchmarkScaleLarge's article is the ECB+
// dev set laid end to end about twelve times, so that every paragraph
// recurs and any work that depends on whole texts recurring is flattered;
// here each pass after the first renames the proper nouns (the same
// vocabulary, rotated by a prime step times the pass) and changes
// every number, so that most sentences occur once while the text keeps its
// length, its shape and its words. The two inputs' costs side by side say
// how much the repetition flatters.
func BenchmarkScaleVaried(b *testing.B) {
	texts := ecbTexts(b)
	dir := scaleDir(b, "varied")
	short := writeShort(b, dir)
	p := filepath.Join(dir, "varied-10240k.txt")
	if err := os.WriteFile(p, []byte(variedText(texts, 10<<20)), 0o644); err != nil {
		b.Fatal(err)
	}
	benchExport(b, []string{"--max-size", "20MB", p, short})
}

var (
	calendarWords = map[string]bool{"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true, "August": true, "September": true, "October": true, "November": true, "December": true, "Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true}
	capitalised   = regexp.MustCompile(`\b[A-Z][a-z]{2,}\b`)
	number        = regexp.MustCompile(`[0-9](?:[0-9,.]*[0-9])?`)
)

// variedText lays texts end to end until size, each pass k > 0 with its
// proper nouns moved k×7919 places along their sorted vocabulary and the
// last digit of each number changed (so that "23,000" stays a number as
// written, and another).
func variedText(texts []string, size int) string {
	// Only proper nouns move: a word also written in lower case ("The" at a
	// sentence's start, "Police") stays, as do the names of months and days,
	// so that the text keeps its sentences' openings and its dates.
	lower := map[string]bool{}
	for _, t := range texts {
		for _, w := range strings.Fields(t) {
			lower[strings.Trim(w, ".,;:!?\"'()")] = true
		}
	}
	seen := map[string]bool{}
	for _, t := range texts {
		for _, w := range capitalised.FindAllString(t, -1) {
			if !lower[strings.ToLower(w)] && !calendarWords[w] {
				seen[w] = true
			}
		}
	}
	vocab := slices.Sorted(maps.Keys(seen))
	at := make(map[string]int, len(vocab))
	for i, w := range vocab {
		at[w] = i
	}
	var sb strings.Builder
	sb.WriteString("Date: 2024-03-01\n\n")
	for k := 0; sb.Len() < size; k++ {
		for _, t := range texts {
			if k > 0 {
				t = capitalised.ReplaceAllStringFunc(t, func(w string) string {
					if i, ok := at[w]; ok {
						return vocab[(i+k*7919)%len(vocab)]
					}
					return w
				})
				t = number.ReplaceAllStringFunc(t, func(n string) string {
					d := n[len(n)-1] - '0'
					return n[:len(n)-1] + string('0'+(d+1+byte(k%9))%10)
				})
			}
			sb.WriteString(t)
			sb.WriteString("\n\n")
			if sb.Len() >= size {
				break
			}
		}
	}
	return sb.String()
}

// writeShort writes the short article that a long one is compared with
// into dir, and gives its path.
func writeShort(b *testing.B, dir string) string {
	short := filepath.Join(dir, "short.txt")
	if err := os.WriteFile(short, []byte("Date: 2024-03-01\n\nThe earthquake struck the province on Friday, killing 12 people, officials said.\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	return short
}

func benchExport(b *testing.B, args []string) {
	b.Setenv("XDG_STATE_HOME", b.TempDir())
	out := filepath.Join(b.TempDir(), "x.json")
	args = append([]string{"export", "--format", "json", "-o", out}, args...)
	defer reportProcessCPU(b)()
	for b.Loop() {
		if code := run(args, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// reportProcessCPU reports the process's CPU time (user and system) per
// op: on two cores the wall time hides how much of the work is parallel.
func reportProcessCPU(b *testing.B) func() {
	start := processCPU()
	return func() {
		b.ReportMetric(float64((processCPU()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
