package loader

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

const sampleText = "Two quakes struck northwest Iran on Saturday.\n\nAt least 250 people were killed, officials said.\n"

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadFolder(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.txt":            "Rescuers searched all night.\n",
		"a.md":             "# Quake\n\nTwo quakes struck.\n",
		"c.html":           "<html><body><article><p>The Red Crescent said about 60 villages were damaged by the quakes on Saturday.</p><p>Rescue teams reached remote villages in the mountains on Sunday morning.</p></article></body></html>",
		"sub/d.json":       `{"title":"Toll rises","text":"The toll rose to 300."}`,
		".hidden.txt":      "A hidden file.\n",
		".git/config.txt":  "Not an article.\n",
		"notes.docx":       "not loaded",
		"sub/image.png":    "\x89PNG",
		"sub/.draft.md":    "# draft\n\nDraft text.\n",
		"sub/README":       "no extension: skipped in folders",
		"sub/e.markdown":   "Plain paragraph.\n",
		"sub/deep/f.htm":   "<p>Deep page text that is long enough to count as an article body for readability.</p>",
		"sub/deep/g.text":  "Text file with another extension.\n",
		"sub/deep/h.xhtml": "<html><body><p>An XHTML page with a paragraph of article text in it.</p></body></html>",
	})
	res, err := Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range res.Articles {
		ids = append(ids, a.ID)
		assertInvariants(t, a)
	}
	want := "a b c d f g h e" // by path: sub/deep/ sorts before sub/e.markdown
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids %q, want %q (sorted, hidden and unsupported files skipped)", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"ok.txt":         sampleText,
		"empty.txt":      "  \n\n \n",
		"binary.txt":     "\x00\x01\x02\x03binary\x00data",
		"pdf.pdf":        "%PDF-1.4\n\x00\x00\x00 stream",
		"bad.json":       `{"title": "x", "text": `,
		"noarticle.json": `{"status": "ok", "count": 3}`,
		"onlytitle.md":   "# Just a headline\n",
		"emptydir/.keep": "",
		"badyaml.md":     "---\ntitle: [unclosed\n---\n\nText.\n",
	})
	locked := filepath.Join(dir, "locked.txt")
	os.WriteFile(locked, []byte(sampleText), 0o000)
	tests := []struct {
		input string
		want  string
	}{
		{filepath.Join(dir, "missing.txt"), "missing.txt: no such file or folder"},
		{filepath.Join(dir, "empty.txt"), "empty.txt: empty article"},
		{filepath.Join(dir, "binary.txt"), "binary.txt: binary file, not an article"},
		{filepath.Join(dir, "pdf.pdf"), "pdf.pdf: binary file, not an article (application/pdf)"},
		{filepath.Join(dir, "bad.json"), "bad.json: invalid JSON: unexpected EOF"},
		{filepath.Join(dir, "noarticle.json"), "noarticle.json: unknown format: JSON holds no article"},
		{filepath.Join(dir, "emptydir"), "emptydir: folder holds no supported files"},
		{filepath.Join(dir, "badyaml.md"), "badyaml.md: front matter is not valid YAML"},
	}
	if os.Geteuid() != 0 { // root reads any file
		tests = append(tests, struct{ input, want string }{locked, "locked.txt: permission denied"})
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.input), func(t *testing.T) {
			res, err := Load(context.Background(), []string{filepath.Join(dir, "ok.txt"), tt.input}, Options{})
			if err == nil {
				t.Fatalf("no error")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want one line holding %q", msg, tt.want)
			}
			if !strings.HasPrefix(msg, tt.input) {
				t.Errorf("error %q does not start with the input's name", msg)
			}
			if len(res.Articles) != 1 {
				t.Errorf("the good input should still load; got %d articles", len(res.Articles))
			}
		})
	}
}

func TestLoadSizeCap(t *testing.T) {
	dir := writeFiles(t, map[string]string{"big.txt": strings.Repeat("Words of an article. ", 100)})
	_, err := Load(context.Background(), []string{filepath.Join(dir, "big.txt")}, Options{MaxBytes: 1024})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "over the 1 KiB limit") {
		t.Errorf("got %v", err)
	}
	_, err = Load(context.Background(), []string{"-"}, Options{MaxBytes: 10, Stdin: strings.NewReader(sampleText)})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("stdin over the cap: got %v", err)
	}
}

func TestLoadStdinAndDuplicates(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": sampleText, "copy.md": sampleText, "other.txt": "Something else happened.\n"})
	res, err := Load(context.Background(), []string{"-", filepath.Join(dir, "a.txt"), filepath.Join(dir, "copy.md"), filepath.Join(dir, "other.txt")},
		Options{Stdin: strings.NewReader("Stdin article text.\n")})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range res.Articles {
		ids = append(ids, a.ID)
	}
	if got := strings.Join(ids, " "); got != "stdin a other" {
		t.Errorf("ids %q", got)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "copy.md: same article as") {
		t.Errorf("warnings %q", res.Warnings)
	}
	_, err = Load(context.Background(), []string{"-", "-"}, Options{Stdin: strings.NewReader("x")})
	if err == nil || !strings.Contains(err.Error(), "standard input given twice") {
		t.Errorf("got %v", err)
	}
}

func TestLoadUniqueIDs(t *testing.T) {
	a := writeFiles(t, map[string]string{"report.txt": "First article.\n"})
	b := writeFiles(t, map[string]string{"report.md": "Second article.\n"})
	res, err := Load(context.Background(), []string{filepath.Join(a, "report.txt"), filepath.Join(b, "report.md")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles[0].ID != "report" || res.Articles[1].ID != "report-2" {
		t.Errorf("ids %q, %q", res.Articles[0].ID, res.Articles[1].ID)
	}
}

func TestLoadSanitisesAndReports(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"evil.txt": "Title: \x1b]0;owned\x07Quake\n\nThe toll \x1b[31mrose\x1b[0m to 300 \u202eyadnus\u202c.\n\nLatin-1 caf\xe9 text.\r\n",
	})
	res, err := Load(context.Background(), []string{filepath.Join(dir, "evil.txt")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Articles[0]
	assertInvariants(t, a)
	if a.Title != "Quake" || a.Paragraphs[1].Text != "The toll rose to 300 yadnus." {
		t.Errorf("title %q, text %q", a.Title, a.Paragraphs[1].Text)
	}
	if a.ControlsRemoved != 5 || a.InvalidUTF8 != 1 {
		t.Errorf("removed %d, invalid %d", a.ControlsRemoved, a.InvalidUTF8)
	}
	if len(res.Warnings) != 2 {
		t.Errorf("warnings %q", res.Warnings)
	}
}

func TestLoadURL(t *testing.T) {
	page, err := os.ReadFile("testdata/quake-news.html")
	if err != nil {
		t.Fatal(err)
	}
	var gotUA string
	mux := http.NewServeMux()
	mux.HandleFunc("/world/iran-quakes", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/api/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"headline":"Toll rises","articleBody":"The toll rose to 300 on Sunday."}`)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/world/iran-quakes", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("<p>Long article text.</p>", 1000)))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	opt := Options{Timeout: 300 * time.Millisecond}
	res, err := Load(context.Background(), []string{srv.URL + "/world/iran-quakes", srv.URL + "/api/story"}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 2 {
		t.Fatalf("got %d articles", len(res.Articles))
	}
	a := res.Articles[0]
	if a.Source != "Daily Courier" || a.Format != FormatHTML || !strings.HasPrefix(a.ID, "127-0-0-1") || a.Path != srv.URL+"/world/iran-quakes" {
		t.Errorf("article: source %q format %s id %q path %q", a.Source, a.Format, a.ID, a.Path)
	}
	if gotUA != DefaultUserAgent {
		t.Errorf("User-Agent %q", gotUA)
	}
	if b := res.Articles[1]; b.Format != FormatJSON || b.Title != "Toll rises" {
		t.Errorf("JSON by Content-Type: format %s title %q", b.Format, b.Title)
	}

	res, err = Load(context.Background(), []string{srv.URL + "/moved"}, opt)
	if err != nil || len(res.Articles) != 1 {
		t.Errorf("redirect: %v", err)
	}

	errTests := []struct{ path, want string }{
		{"/missing", "HTTP 404 Not Found"},
		{"/loop", "stopped after 5 redirects"},
		{"/slow", "timed out after 300ms"},
		{"/big", "over the 1 KiB limit"},
	}
	for _, tt := range errTests {
		opt := opt
		opt.MaxBytes = 1024
		_, err := Load(context.Background(), []string{srv.URL + tt.path}, opt)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), srv.URL+tt.path+": ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: got %v, want one line holding %q", tt.path, err, tt.want)
		}
	}
	// A port nothing listens on: the connection is refused at once.
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	_, err = Load(context.Background(), []string{closedURL + "/a"}, opt)
	if err == nil || !strings.Contains(err.Error(), "fetch failed") {
		t.Errorf("closed port: %v", err)
	}
}

func writeBytes(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// One wire story run by two outlets is two sources (the engine marks them
// as copies); the same file given under two names is one.
func TestLoadWireCopiesKept(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":      "Source: Daily Courier\n\n" + sampleText,
		"b.txt":      "Source: Evening Post\n\n" + sampleText,
		"a-copy.txt": "Source: Daily Courier\n\n" + sampleText,
	})
	res, err := Load(context.Background(), []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "a-copy.txt")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range res.Articles {
		ids = append(ids, a.ID)
	}
	if got := strings.Join(ids, " "); got != "a b" {
		t.Errorf("ids %q, want the two outlets' articles", got)
	}
	if len(res.Warnings) != 2 || !strings.Contains(res.Warnings[0], "b.txt: same text as") || !strings.Contains(res.Warnings[0], "copy") ||
		!strings.Contains(res.Warnings[1], "a-copy.txt: same article as") {
		t.Errorf("warnings %q", res.Warnings)
	}
}

// appendLower lowers ASCII a run at a time: it must write what lowering
// every rune writes, invalid bytes as U+FFFD.
func TestAppendLowerAsRunes(t *testing.T) {
	byRunes := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
		return b
	}
	var all strings.Builder
	for c := range 256 {
		all.WriteString("Ab" + string(rune(c)) + string([]byte{byte(c)}) + "ÉÇ")
	}
	for _, s := range []string{"", "A", "z", "The Quake Struck BAM", "ÀÉÎ İstanbul ΣΑΣ Ǆ", "\xff\xfeAB\xc3", all.String()} {
		if got, want := appendLower([]byte("x"), s), append([]byte("x"), byRunes(s)...); string(got) != string(want) {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}
