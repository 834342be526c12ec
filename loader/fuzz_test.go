package loader

import (
	"os"
	"path/filepath"
	"testing"
)

// fuzzParse feeds arbitrary bytes to Parse as one format and checks that it
// fails cleanly or yields articles that keep every invariant.
func fuzzParse(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	if matches, _ := filepath.Glob(filepath.Join("testdata", "*"+filepath.Ext(name))); len(matches) > 0 {
		for _, m := range matches {
			if data, err := os.ReadFile(m); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := Parse(name, data, "", "")
		if err != nil {
			return
		}
		for _, a := range arts {
			assertInvariants(t, a)
		}
	})
}

func FuzzParseText(f *testing.F) {
	fuzzParse(f, "a.txt", " date 2021-06-28 Text.\n\nMore.", "Title: T\nDate: x\n\nBody.", "\x1b[31mred\r\nline")
}

func FuzzParseMarkdown(f *testing.F) {
	fuzzParse(f, "a.md", "---\ntitle: x\n---\n# H\n\n![alt](x.png)\n\n<b>raw</b> text", "- item\n> quote", "---\n: :\n---")
}

func FuzzParseHTML(f *testing.F) {
	fuzzParse(f, "a.html", "<p>a</p><p>b</p>", "<html><head><script type=application/ld+json>[{\"@type\":\"NewsArticle\"}]</script></head><body><p>x&#27;[31m</p>")
}

func FuzzParseJSON(f *testing.F) {
	fuzzParse(f, "a.json", `{"title":"t","text":"a\n\nb"}`, `[{"body":"<p>x</p>"}]`, `{"articles":[{"content":"\u001b[2J"}]}`)
}
