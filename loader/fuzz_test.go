package loader

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
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

// checkLoad checks what Load gave on hostile input: every article keeps the
// invariants, every string shown (ids, shown paths, warnings, errors) is clean
// and errors are one line per input.
func checkLoad(t *testing.T, res Result, err error) {
	t.Helper()
	for _, a := range res.Articles {
		assertInvariants(t, a)
		checkClean(t, a.ShownPath())
	}
	for _, w := range res.Warnings {
		checkClean(t, w)
		if strings.Contains(w, "\n") {
			t.Fatalf("warning of several lines: %q", w)
		}
	}
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			checkClean(t, line)
		}
	}
}

// FuzzLoadNames loads a folder laid out by the input: one file a line, its
// path inside the folder with '/' between folders, then a tab and its text.
// Names may hold any byte the file system takes.
func FuzzLoadNames(f *testing.F) {
	for _, s := range []string{
		"a.txt\tRescuers searched the rubble all night.",
		"sub/b.md\t# Quake\n\nText.\nsub/.hidden.txt\tno\nc.html\t<p>Page text that is long enough to read.</p>",
		"osc\x1b]52;c;ZXZpbA==\x07.txt\tText.\nnl\nname.json\t{\"text\":\"x\"}",
		"d\x1b]8;;mailto:x\x1b\\e/f\u202e.txt\tText one.\nd\x1b]8;;mailto:x\x1b\\e/g.txt\tText one.",
		"empty.txt\t\nbinary.txt\t\x00\x01\x02",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, layout string) {
		if len(layout) > 1<<14 {
			return
		}
		dir := t.TempDir()
		n := 0
		for _, line := range strings.Split(layout, "\n") {
			name, text, _ := strings.Cut(line, "\t")
			if name == "" || strings.ContainsRune(name, 0) || strings.HasPrefix(name, "/") || n >= 20 {
				continue
			}
			parts := strings.Split(name, "/")
			if slices.Contains(parts, "..") || slices.Contains(parts, ".") || slices.Contains(parts, "") {
				continue
			}
			p := filepath.Join(append([]string{dir}, parts...)...)
			if os.MkdirAll(filepath.Dir(p), 0o755) != nil || os.WriteFile(p, []byte(text), 0o644) != nil {
				continue // the file system refuses the name (too long, a file where a folder is)
			}
			n++
		}
		res, err := Load(context.Background(), []string{dir}, Options{MaxBytes: 1 << 16})
		checkLoad(t, res, err)
		for _, a := range res.Articles {
			if _, err := os.Stat(a.Path); err != nil {
				t.Fatalf("Path %q does not open: %v", a.Path, err)
			}
		}
	})
}

// FuzzFetchResponse serves the input as a raw HTTP response, status line,
// headers and body as they come, and loads the URL.
func FuzzFetchResponse(f *testing.F) {
	for _, s := range []string{
		"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Rescuers searched the rubble all night, officials said.</p></body></html>",
		"HTTP/1.1 404 Not\x1b]52;c;ZXZpbA==\x07 Found\r\nContent-Length: 0\r\n\r\n",
		"HTTP/1.1 302 Found\r\nLocation: javascript:alert(1)\r\n\r\n",
		"HTTP/1.1 301 Moved\r\nLocation: /loop\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 30\r\n\r\n{\"text\":\"short\"}",
		"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=koi8-r\r\n\r\n\xf0\xd2\xc9\xd7\xc5\xd4",
		"HTTP/1.0 200\r\n\r\n\xff\xfeT\x00e\x00x\x00t\x00",
		"garbage",
	} {
		f.Add([]byte(s))
	}
	var mu sync.Mutex
	responses := map[string][]byte{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		raw, ok := responses[r.URL.Path]
		mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		buf.Write(raw)
		buf.Flush()
		conn.Close()
	}))
	defer srv.Close()
	// The loader's own client, but dialling only the test server: a
	// response's Location may name any host, and a fuzz run must not reach
	// out.
	opt := Options{Timeout: 2 * time.Second, MaxBytes: 1 << 16}
	client := opt.client()
	client.Transport = &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, "tcp", srv.Listener.Addr().String())
	}}
	opt.Client = client
	n := 0
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) > 1<<16 {
			return
		}
		mu.Lock()
		n++
		p := fmt.Sprintf("/r%d", n)
		responses[p] = raw
		mu.Unlock()
		defer func() { mu.Lock(); delete(responses, p); mu.Unlock() }()
		res, err := Load(context.Background(), []string{srv.URL + p}, opt)
		checkLoad(t, res, err)
		if err != nil && !strings.HasPrefix(err.Error(), srv.URL+p+": ") {
			t.Fatalf("error %q does not name the URL", err)
		}
	})
}
