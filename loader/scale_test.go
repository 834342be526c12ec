package loader

import (
	"fmt"
	"strings"
	"testing"
)

// Benchmarks of the input shapes that once cost the square of their size,
// each at four sizes so that the growth shows (ns/op doubling with the size
// is linear). Run: go test -run '^$' -bench 'Nested|Unclosed|DeepWide|Article' ./loader

// nestedPage is a page nested depth elements deep around one paragraph.
func nestedPage(depth int) []byte {
	return []byte("<html><body>" + strings.Repeat("<div>", depth) +
		"<p>The text of the article, deep inside the page, long enough to be read.</p>" +
		strings.Repeat("</div>", depth) + "</body></html>")
}

// unclosedPage is a page of n <div> tags that are never closed, each with a
// word of text, so that each nests in the one before.
func unclosedPage(n int) []byte {
	return []byte("<html><body><p>The start of the article text.</p>" + strings.Repeat("<div>text ", n) + "</body></html>")
}

// deepWidePage repeats a block nested as deep as the loader reads until the
// page is size bytes: depth that is allowed, many times over.
func deepWidePage(size int) []byte {
	unit := strings.Repeat("<div>", maxHTMLDepth-4) + "<p>A paragraph of the article, deep inside the page.</p>" + strings.Repeat("</div>", maxHTMLDepth-4)
	return []byte("<html><body>" + strings.Repeat(unit, max(1, size/len(unit))) + "</body></html>")
}

// textArticle is a plain-text article of about size bytes: paragraphs of
// news prose, each different.
func textArticle(size int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "Officials in the province said on Sunday that %d people had been moved to shelters, and that rescue teams from three cities had reached the villages. The Red Crescent said the toll could rise.\n\n", i)
	}
	return []byte(b.String())
}

// htmlArticle is a news page of about size bytes.
func htmlArticle(size int) []byte {
	var b strings.Builder
	b.WriteString(`<html><head><title>Quake toll rises | Daily Courier</title><meta property="og:site_name" content="Daily Courier"></head><body><article><h1>Quake toll rises</h1>`)
	for i := 0; b.Len() < size; i++ {
		if i%20 == 0 {
			fmt.Fprintf(&b, "<h2>Part %d</h2>\n", i/20)
		}
		fmt.Fprintf(&b, "<p>Officials in the province said on Sunday that %d people had been moved to shelters, and that <a href=\"/x\">rescue teams</a> from three cities had reached the villages. The Red Crescent said the toll could rise.</p>\n", i)
	}
	b.WriteString("</article></body></html>")
	return []byte(b.String())
}

func benchParse(b *testing.B, name string, sizes []int, gen func(int) []byte) {
	for _, n := range sizes {
		data := gen(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(name, data, "", ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

const mb = 1 << 20

func BenchmarkNestedHTML(b *testing.B) {
	benchParse(b, "a.html", []int{25_000, 50_000, 100_000, 200_000}, nestedPage)
}

func BenchmarkUnclosedTags(b *testing.B) {
	benchParse(b, "a.html", []int{12_500, 25_000, 50_000, 100_000}, unclosedPage)
}

func BenchmarkDeepWideHTML(b *testing.B) {
	benchParse(b, "a.html", []int{mb * 5 / 4, mb * 5 / 2, 5 * mb, 10 * mb}, deepWidePage)
}

func BenchmarkTextArticle(b *testing.B) {
	benchParse(b, "a.txt", []int{mb * 5 / 4, mb * 5 / 2, 5 * mb, 10 * mb}, textArticle)
}

func BenchmarkHTMLArticle(b *testing.B) {
	benchParse(b, "a.html", []int{mb * 5 / 4, mb * 5 / 2, 5 * mb, 10 * mb}, htmlArticle)
}

// TestDepthLimit: a page nested deeper than the loader reads loads with its
// text and a warning; so does one of tags never closed; a page within the
// limit is read as it is.
func TestDepthLimit(t *testing.T) {
	for name, page := range map[string][]byte{"nested.html": nestedPage(100_000), "unclosed.html": unclosedPage(50_000)} {
		dir := writeFiles(t, map[string]string{name: string(page)})
		res, err := Load(t.Context(), []string{dir + "/" + name}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		a := res.Articles[0]
		assertInvariants(t, a)
		if !a.MarkupCut || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "nests more than 128 elements deep") {
			t.Errorf("%s: markup cut %v, warnings %q", name, a.MarkupCut, res.Warnings)
		}
		if !strings.Contains(allText(a), "text") {
			t.Errorf("%s: the text is lost (%d paragraphs)", name, len(a.Paragraphs))
		}
	}
	out, cut := limitMarkup(string(nestedPage(maxHTMLDepth-10)), maxHTMLDepth, maxHTMLElements)
	if cut || out != string(nestedPage(maxHTMLDepth-10)) {
		t.Error("a page within the limit was changed")
	}
	// Past maxHTMLElements elements, shallow ones too, the tags go and the
	// text stays.
	flat := "<html><body>" + strings.Repeat("<i>w</i> ", maxHTMLElements+1000) + "</body></html>"
	out, cut = limitMarkup(flat, maxHTMLDepth, maxHTMLElements)
	if !cut || strings.Count(out, "<i>") != maxHTMLElements-2 || strings.Count(out, "w") != maxHTMLElements+1000 {
		t.Errorf("cut %v, %d <i> kept, %d words", cut, strings.Count(out, "<i>"), strings.Count(out, "w"))
	}
	// Tags that close themselves do not add depth; raw text stays raw.
	page := "<html><body>" + strings.Repeat("<p>A paragraph. ", 5000) + strings.Repeat("<ul><li>item", 30) +
		strings.Repeat("<div>", 300) + "<script>var x = '<b>not text</b>';</script>deep" + strings.Repeat("</div>", 300) + "</body></html>"
	out, cut = limitMarkup(page, maxHTMLDepth, maxHTMLElements)
	if !cut || strings.Count(out, "<p>") != 5000 || strings.Count(out, "<li>") != 30 || !strings.Contains(out, "<script>var x = '<b>not text</b>';</script>deep") {
		t.Errorf("cut %v, %d <p>, %d <li>", cut, strings.Count(out, "<p>"), strings.Count(out, "<li>"))
	}
	if n := strings.Count(out, "<div>"); n != maxHTMLDepth-2-60 {
		t.Errorf("%d <div> kept, want the %d that fit under the open <html>, <body>, 30 lists and their items", n, maxHTMLDepth-2-60)
	}
}
