package loader

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// processCPU is the process's CPU time (user and system): the loader reads
// a long article on every core, which the wall time hides.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkLoadScale loads the two scale inputs the root package's
// benchmarks write (PARALLAX_SCALE_DIR, see ../scale_bench_test.go).
func BenchmarkLoadScale(b *testing.B) {
	dir := os.Getenv("PARALLAX_SCALE_DIR")
	if dir == "" {
		dir = "/tmp/scale"
	}
	for _, c := range []struct{ name, pattern string }{{"ECB1000", "ecb1000/*.txt"}, {"Large10MB", "large/large-10240k.txt"}} {
		b.Run(c.name, func(b *testing.B) {
			paths, _ := filepath.Glob(filepath.Join(dir, c.pattern))
			if len(paths) == 0 {
				b.Skipf("no %s in %s: run the root package's Scale benchmarks with PARALLAX_SCALE_DIR", c.pattern, dir)
			}
			b.ReportAllocs()
			start := processCPU()
			for b.Loop() {
				if _, err := Load(b.Context(), paths, Options{MaxBytes: 20 << 20}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((processCPU()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
