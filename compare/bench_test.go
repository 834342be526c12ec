package compare

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/loader"
)

func BenchmarkCompareSeeds(b *testing.B) {
	arts := seedArticles(b)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		Compare(arts)
	}
}

// reportCPU reports the process's CPU time (user and system) per op, which
// a busy machine disturbs less than the wall time: call it as
// defer reportCPU(b)() before the loop.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op") }
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ecbArticles loads n ECB+ articles from several clusters together: a harder
// input than one event, since most sentences share nothing.
func ecbArticles(b testing.TB, n int) []*loader.Article {
	paths, _ := filepath.Glob(evalDir + "/*/articles/*.txt")
	if len(paths) == 0 {
		b.Skip("no ../shared/eval")
	}
	sort.Strings(paths)
	res, err := loader.Load(context.Background(), paths, loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var out []*loader.Article
	for copyN := 0; len(out) < n; copyN++ {
		for _, a := range res.Articles {
			if len(out) == n {
				break
			}
			c := *a
			c.ID = fmt.Sprintf("%s-%d", a.ID, copyN)
			out = append(out, &c)
		}
	}
	return out
}

func benchmarkN(b *testing.B, n int) {
	arts := ecbArticles(b, n)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		Compare(arts)
	}
}

func BenchmarkCompare100(b *testing.B)  { benchmarkN(b, 100) }
func BenchmarkCompare1000(b *testing.B) { benchmarkN(b, 1000) }

// BenchmarkPathological compares one article of a hostile shape, at four
// sizes, with a plain one: the shapes that once ran for minutes (a very
// long word, one statement quoted thousands of times, thousands of times
// of day, thousands of distinct names). Read the growth between sizes:
// go test ./compare -run '^$' -bench Pathological -benchtime 1x
func BenchmarkPathological(b *testing.B) {
	plain := article("plain", "Date: 2024-03-01\n\nThe earthquake struck the province on Friday, killing 12 people, officials said.\n")
	vocab := strings.Fields("we will win this fight together and never give up on the people of the valley who need us now")
	shapes := map[string]func(n int) string{
		"longword": func(n int) string { return "The A" + strings.Repeat("b", n) + " arrived today.\n" },
		"quotes": func(n int) string {
			var sb strings.Builder
			for i := 0; sb.Len() < n; i++ {
				fmt.Fprintf(&sb, "\"%s %s %s %s,\" Smith said. ", vocab[i%len(vocab)], vocab[(i*7)%len(vocab)], vocab[(i*3)%len(vocab)], vocab[(i*11)%len(vocab)])
				if i%5 == 4 {
					sb.WriteString("\n\n")
				}
			}
			return sb.String()
		},
		"times": func(n int) string {
			days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
			var sb strings.Builder
			for i := 0; sb.Len() < n; i++ {
				fmt.Fprintf(&sb, "The meeting was held on %s at %d p.m. ", days[i%7], 1+i%12)
				if i%5 == 4 {
					sb.WriteString("\n\n")
				}
			}
			return sb.String()
		},
		"names": func(n int) string {
			var sb strings.Builder
			for i := 0; sb.Len() < n; i++ {
				fmt.Fprintf(&sb, "Mayor %c%s met Governor %c%s. ", 'A'+i%26, strings.Repeat(string(rune('a'+i%23)), 2+i%5), 'B'+i%24, strconv.Itoa(i))
				if i%5 == 4 {
					sb.WriteString("\n\n")
				}
			}
			return sb.String()
		},
	}
	for _, name := range []string{"longword", "quotes", "times", "names"} {
		for _, size := range []int{30_000, 120_000, 480_000, 1_920_000} {
			a := article("shape", "Date: 2024-03-01\n\n"+shapes[name](size))
			b.Run(fmt.Sprintf("%s/%dkB", name, size/1000), func(b *testing.B) {
				for b.Loop() {
					Compare([]*loader.Article{a, plain})
				}
			})
		}
	}
}

// BenchmarkStages times each stage of the engine alone, as a metric per
// stage (ms/op of that stage), on the seeds and on 1,000 ECB+ articles:
// go test ./compare -run '^$' -bench Stages -benchtime 3x
func BenchmarkStages(b *testing.B) {
	for _, in := range []struct {
		name string
		arts func(testing.TB) []*loader.Article
	}{
		{"seeds", seedArticles},
		{"ecb1000", func(tb testing.TB) []*loader.Article { return ecbArticles(tb, 1000) }},
	} {
		b.Run(in.name, func(b *testing.B) {
			arts := in.arts(b)
			spent := make([]time.Duration, len(stages))
			for b.Loop() {
				c := newComparison(arts, Options{})
				for i, s := range stages {
					t := time.Now()
					s.run(c)
					spent[i] += time.Since(t)
				}
			}
			for i, s := range stages {
				b.ReportMetric(float64(spent[i].Microseconds())/1000/float64(b.N), s.name+"-ms/op")
			}
		})
	}
}
