package loader

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Benchmarks of one large article through Load, in each format, at four
// sizes, so that the growth shows: linear when ns/op and B/op double with
// the size. Run (light on a shared machine):
//
//	go test -run '^$' -bench LoadLarge -benchtime 2x -benchmem ./loader

// The parts news prose is made of here, combined by a seeded generator so
// that no two paragraphs are alike (a repeated paragraph would be cheaper
// to read than real text, and would hide work done per distinct sentence).
var (
	proseSubjects = []string{"Officials in the province", "The regional governor", "Rescue teams from three cities", "A spokesman for the ministry", "Residents of the northern villages", "The Red Crescent", "Police", "Engineers at the dam", "The mayor of the capital", "Doctors at the main hospital", "Analysts at the central bank", "Two witnesses"}
	proseVerbs    = []string{"said on Sunday that", "told reporters on Monday that", "confirmed late on Tuesday that", "warned that", "reported that", "denied that", "estimated that", "wrote in a statement that"}
	proseClauses  = []string{"%d people had been moved to shelters", "the toll could rise to %d", "%d homes were destroyed in the flooding", "about %d workers had returned to the plant", "the cost of repairs would reach $%d million", "%d roads remained closed", "the water had risen %d centimetres overnight", "%d families were still waiting for help"}
	proseTails    = []string{"", ", according to a report by the agency", " after the storm passed", ", though the figure was disputed", " before the end of the week", ", a day after the first warnings"}
	proseQuotes   = []string{`"We are doing everything we can," %s said.`, `"The situation is under control," %s said.`, `"Nobody expected water this high," %s told the station.`}
	proseNames    = []string{"Maria Lopez", "Ahmed Karimi", "John Roe", "Li Wei", "Anna Kowalska", "Peter Ng"}
)

// proseParagraph is one paragraph of one to four sentences.
func proseParagraph(r *rand.Rand) string {
	var b strings.Builder
	for n := 1 + r.IntN(4); n > 0; n-- {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if r.IntN(6) == 0 {
			fmt.Fprintf(&b, proseQuotes[r.IntN(len(proseQuotes))], proseNames[r.IntN(len(proseNames))])
			continue
		}
		fmt.Fprintf(&b, "%s %s "+proseClauses[r.IntN(len(proseClauses))]+"%s.",
			proseSubjects[r.IntN(len(proseSubjects))], proseVerbs[r.IntN(len(proseVerbs))], 2+r.IntN(50_000), proseTails[r.IntN(len(proseTails))])
	}
	return b.String()
}

// largeArticle is an article of about size bytes in a format ("txt", "md",
// "html"): a headline, then paragraphs with a subheading every twenty and a
// short list every fifty, in the markup of the format.
func largeArticle(format string, size int) []byte {
	r := rand.New(rand.NewPCG(1, uint64(size)))
	var b strings.Builder
	switch format {
	case "txt":
		b.WriteString("Title: Floods close the northern roads\nSource: The Daily Courier\nDate: 2024-05-03\n\n")
	case "md":
		b.WriteString("---\ntitle: Floods close the northern roads\nsource: The Daily Courier\ndate: 2024-05-03\n---\n\n# Floods close the northern roads\n\n")
	case "html":
		b.WriteString(`<!DOCTYPE html><html><head><title>Floods close the northern roads | The Daily Courier</title><meta property="og:site_name" content="The Daily Courier"><meta property="article:published_time" content="2024-05-03T08:00:00Z"></head><body><nav><a href="/">Home</a></nav><article><h1>Floods close the northern roads</h1>` + "\n")
	}
	for i := 0; b.Len() < size; i++ {
		p := proseParagraph(r)
		switch format {
		case "txt":
			if i%20 == 19 {
				fmt.Fprintf(&b, "The %d villages\n\n", i)
			}
			b.WriteString(p + "\n\n")
		case "md":
			if i%20 == 19 {
				fmt.Fprintf(&b, "## The %d villages\n\n", i)
			}
			if i%50 == 49 {
				fmt.Fprintf(&b, "- %d roads closed\n- %d bridges shut\n\n", i, i+1)
			}
			b.WriteString(strings.Replace(p, "Police", "[Police](https://example.com/police)", 1) + "\n\n")
		case "html":
			if i%20 == 19 {
				fmt.Fprintf(&b, "<h2>The %d villages</h2>\n", i)
			}
			if i%50 == 49 {
				fmt.Fprintf(&b, "<ul><li>%d roads closed</li><li>%d bridges shut</li></ul>\n", i, i+1)
			}
			fmt.Fprintf(&b, "<div class=\"para\"><p>%s</p></div>\n", strings.Replace(p, "Police", `<a href="/police">Police</a>`, 1))
		}
	}
	if format == "html" {
		b.WriteString("</article><footer>© The Daily Courier</footer></body></html>\n")
	}
	return []byte(b.String())
}

func BenchmarkLoadLarge(b *testing.B) {
	dir := b.TempDir()
	for _, format := range []string{"txt", "md", "html"} {
		for _, size := range []int{mb, mb * 5 / 2, 5 * mb, 10 * mb} {
			data := largeArticle(format, size)
			path := filepath.Join(dir, fmt.Sprintf("a%d.%s", size, format))
			if err := os.WriteFile(path, data, 0o644); err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/%.1fMiB", format, float64(size)/mb), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Load(b.Context(), []string{path}, Options{MaxBytes: 64 * mb}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// A large article of each format loads whole: every paragraph the
// generator wrote is a paragraph of the article, typed body.
func TestLargeArticleLoads(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"txt", "md", "html"} {
		data := largeArticle(format, 300_000)
		path := filepath.Join(dir, "a."+format)
		os.WriteFile(path, data, 0o644)
		res, err := Load(t.Context(), []string{path}, Options{})
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		a := res.Articles[0]
		assertInvariants(t, a)
		want := strings.Count(string(data), "Officials in the province") + strings.Count(string(data), "The regional governor")
		got := 0
		body := 0
		for _, p := range a.Paragraphs {
			got += strings.Count(p.Text, "Officials in the province") + strings.Count(p.Text, "The regional governor")
			if p.Kind == KindBody {
				body++
			}
		}
		if got != want || body < 1000 || a.Title != "Floods close the northern roads" || a.Source != "The Daily Courier" || a.Published.IsZero() {
			t.Errorf("%s: %d of %d sentences kept, %d body paragraphs, title %q, source %q, date %v", format, got, want, body, a.Title, a.Source, a.Published)
		}
	}
}

// An input that takes longer than the budget to read fails alone, with
// ErrTooSlow and a line that says so; the others load; within the budget
// the same input loads.
func TestBudget(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.html")
	small := filepath.Join(dir, "small.txt")
	os.WriteFile(big, largeArticle("html", 4*mb), 0o644)
	os.WriteFile(small, []byte("Source: Wire\n\nTwo quakes struck the province on Sunday, officials said.\n"), 0o644)
	// 50 ms: the small article takes a fraction of a millisecond, the large
	// one more than a second on this project's machines (and is read by
	// the same code, so a faster machine is faster at both).
	res, err := Load(t.Context(), []string{big, small}, Options{Budget: 50 * time.Millisecond})
	if !errors.Is(err, ErrTooSlow) || len(res.Articles) != 1 || res.Articles[0].ID != "small" {
		t.Fatalf("err %v, %d articles", err, len(res.Articles))
	}
	if msg := err.Error(); msg != big+": too slow to read: gave up after 50ms (--budget); the input may be built to stall a reader (nesting, repetition), or it needs a larger budget" {
		t.Errorf("message %q", msg)
	}
	res, err = Load(t.Context(), []string{big, small}, Options{Budget: time.Minute})
	if err != nil || len(res.Articles) != 2 {
		t.Errorf("within the budget: err %v, %d articles", err, len(res.Articles))
	}
}

// A long article is cleaned, classified and split on every core: what it
// reads is what one core reads, kind for kind and sentence for sentence,
// in each format, with its title and the control characters it removed.
func TestLongArticleReadAsOnOneCore(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	var html, text strings.Builder
	html.WriteString("<html><head><title>Floods in the north</title></head><body><article><h1>Floods in the north</h1>")
	for i := range 3 * parallelBlocks {
		p := proseParagraph(r)
		switch i % 9 {
		case 3:
			fmt.Fprintf(&html, "<h2>Day %d</h2>", i)
			fmt.Fprintf(&text, "Day %d\n\n", i)
		case 5:
			fmt.Fprintf(&html, "<ul><li>%s</li></ul>", p)
			fmt.Fprintf(&text, "- %s\n\n", p)
		case 7:
			fmt.Fprintf(&html, "<p>%s\x07 Share this</p>", p)
			fmt.Fprintf(&text, "%s\x07\n\n", p)
		default:
			fmt.Fprintf(&html, "<p>%s</p>", p)
			fmt.Fprintf(&text, "%s\n\n", p)
		}
	}
	html.WriteString("</article></body></html>")
	for name, data := range map[string]string{"long.html": html.String(), "long.txt": text.String()} {
		read := func() *Article {
			res, err := Load(context.Background(), []string{name}, Options{FS: fstest.MapFS{name: {Data: []byte(data)}}, MaxBytes: 1 << 30})
			if err != nil || len(res.Articles) != 1 {
				t.Fatalf("%s: %v", name, err)
			}
			return res.Articles[0]
		}
		parallel := read()
		parallelFrom = math.MaxInt
		serial := read()
		parallelFrom = parallelBlocks
		if len(parallel.Paragraphs) < 2*parallelBlocks || parallel.ControlsRemoved == 0 {
			t.Fatalf("%s: %d paragraphs, %d controls removed: not the long article meant", name, len(parallel.Paragraphs), parallel.ControlsRemoved)
		}
		if !reflect.DeepEqual(parallel, serial) {
			t.Errorf("%s: read on every core differs from one core's reading", name)
		}
	}
}
