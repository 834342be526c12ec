package export

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// scaleDoc compares the scale inputs the root package's benchmarks write
// (PARALLAX_SCALE_DIR, see ../scale_bench_test.go), once, or skips.
func scaleDoc(b *testing.B, pattern string, opts loader.Options) Doc {
	dir := os.Getenv("PARALLAX_SCALE_DIR")
	if dir == "" {
		dir = "/tmp/scale"
	}
	paths, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(paths) == 0 {
		b.Skipf("no %s in %s: run the root package's Scale benchmarks with PARALLAX_SCALE_DIR", pattern, dir)
	}
	res, err := loader.Load(b.Context(), paths, opts)
	if err != nil {
		b.Fatal(err)
	}
	return Doc{Generator: "parallax bench", Articles: res.Articles, Result: compare.Compare(res.Articles)}
}

// processCPU is the process's CPU time (user and system): on two cores the
// wall time hides how much of the export is parallel.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkJSONScale is the JSON export alone of the two scale inputs,
// the comparison made beforehand.
func BenchmarkJSONScale(b *testing.B) {
	for _, c := range []struct {
		name, pattern string
		opts          loader.Options
	}{
		{"ECB1000", "ecb1000/*.txt", loader.Options{}},
		{"Large10MB", "large/large-10240k.txt", loader.Options{MaxBytes: 20 << 20}},
	} {
		b.Run(c.name, func(b *testing.B) {
			d := scaleDoc(b, c.pattern, c.opts)
			if c.name == "Large10MB" {
				short := scaleDoc(b, "large/short.txt", loader.Options{})
				d.Articles = append(d.Articles, short.Articles...)
				d.Result = compare.Compare(d.Articles)
			}
			b.ReportAllocs()
			start := processCPU()
			for b.Loop() {
				if err := JSON(io.Discard, d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((processCPU()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
