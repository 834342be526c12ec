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
)

// hostileNames are file and folder names that try to act on the terminal
// that shows them: OSC 52 writes the clipboard, OSC 8 makes a live link, CSI
// switches screens, a newline breaks a layout, bidi overrides reorder text.
var hostileNames = []string{
	"osc52\x1b]52;c;ZWNobyBwd25lZA==\x07",
	"osc8\x1b]8;;mailto:x@evil.example\x1b\\click\x1b]8;;\x1b\\",
	"alt\x1b[?1049hscreen",
	"two\nlines",
	"bidi\u202egnp.exe",
	"bell\x07and\x7fdel",
	"\x1b]0;only an escape\x07",
}

// clean fails when s holds a control character, an escape or a bidi control.
func clean(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r <= 0x9f || isBidiControl(r) {
			t.Errorf("%s %q holds %U", what, s, r)
			return
		}
	}
}

// Files named with terminal escapes give articles whose id and every field
// shown carry none, while Path still opens the file.
func TestHostileFileNames(t *testing.T) {
	dir := t.TempDir()
	var inputs []string
	for i, name := range hostileNames {
		// A folder with a hostile name, holding a file with one.
		sub := filepath.Join(dir, fmt.Sprintf("dir%d-%s", i, name))
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Skipf("the file system refuses %q: %v", name, err)
		}
		p := filepath.Join(sub, name+".txt")
		writeBytes(t, p, []byte(fmt.Sprintf("Report %d\n\nRescuers searched the rubble all night, officials said on Sunday %d.\n", i, i)))
		inputs = append(inputs, p)
	}
	// A duplicate and a missing file, for the warning and the error.
	writeBytes(t, filepath.Join(dir, "copy\x1b]52;c;eA==\x07.txt"), []byte("Report 0\n\nRescuers searched the rubble all night, officials said on Sunday 0.\n"))
	inputs = append(inputs, filepath.Join(dir, "copy\x1b]52;c;eA==\x07.txt"), filepath.Join(dir, "missing\x1b]8;;x\x1b\\.txt"))
	res, err := Load(context.Background(), inputs, Options{})
	if err == nil {
		t.Fatal("no error for the missing file")
	}
	clean(t, "error", strings.ReplaceAll(err.Error(), "\n", " "))
	if !strings.Contains(err.Error(), "missing.txt: no such file or folder") {
		t.Errorf("error %q does not name the file", err)
	}
	if len(res.Articles) != len(hostileNames) {
		t.Fatalf("%d articles, want %d", len(res.Articles), len(hostileNames))
	}
	ids := map[string]bool{}
	for i, a := range res.Articles {
		for what, s := range map[string]string{"ID": a.ID, "ShownPath": a.ShownPath(), "Source": a.Source, "Title": a.Title, "Author": a.Author, "URL": a.URL} {
			clean(t, what, s)
		}
		if a.ID == "" || ids[a.ID] {
			t.Errorf("id %q empty or repeated", a.ID)
		}
		ids[a.ID] = true
		if a.Path != inputs[i] {
			t.Errorf("Path %q, want the input as given %q", a.Path, inputs[i])
		}
		if _, err := os.Stat(a.Path); err != nil {
			t.Errorf("Path does not open the file: %v", err)
		}
		assertInvariants(t, a)
	}
	if got := res.Articles[1].ID; got != "osc8click" {
		t.Errorf("OSC 8 name: id %q, want the visible text only", got)
	}
	if got := res.Articles[3].ID; got != "two lines" {
		t.Errorf("newline name: id %q", got)
	}
	if len(res.Warnings) == 0 {
		t.Error("no warning for the duplicate")
	}
	for _, w := range res.Warnings {
		clean(t, "warning", w)
	}
}

// A response whose status line or headers carry control bytes gives an error
// of one clean line.
func TestHostileHTTPResponse(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Write a raw status line with escapes in its reason phrase.
		hj, ok := w.(http.Hijacker)
		if !ok {
			t.Error("no hijacker")
			return
		}
		conn, buf, _ := hj.Hijack()
		defer conn.Close()
		switch r.URL.Path {
		case "/status":
			buf.WriteString("HTTP/1.1 403 Forbidden\x1b]52;c;ZXZpbA==\x07\x1b[2J gone\r\nContent-Length: 0\r\n\r\n")
		case "/redirect":
			buf.WriteString("HTTP/1.1 302 Found\r\nLocation: /next\x1b[31m\r\nContent-Length: 0\r\n\r\n")
		case "/type":
			buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: text/html\x1b]8;;x\x07; charset=x\x1b\r\nContent-Length: 2\r\n\r\nhi")
		}
		buf.Flush()
	}))
	defer srv.Close()
	for _, p := range []string{"/status", "/redirect", "/type"} {
		_, err := Load(context.Background(), []string{srv.URL + p}, Options{})
		if err == nil {
			continue // a response read as an article is fine; its strings are checked elsewhere
		}
		msg := err.Error()
		clean(t, p+" error", msg)
		if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, srv.URL+p+": ") {
			t.Errorf("%s: error %q is not one line naming the URL", p, msg)
		}
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: %T is no InputError", p, err)
		}
	}
	_, err := Load(context.Background(), []string{srv.URL + "/status"}, Options{})
	if err == nil || !strings.Contains(err.Error(), "HTTP 403 Forbidden") {
		t.Errorf("status: %v", err)
	}
}

// Metadata from a page is sanitised like its text, and a link that is not
// a web address is not kept as the article's URL.
func TestHostileMetadata(t *testing.T) {
	page := `<html><head><title>T</title>
<meta property="og:site_name" content="Site&#x1b;]52;c;eA==&#7;Name">
<meta property="og:title" content="Head&#x1b;[2Jline&#x202e;">
<meta name="author" content="Jane&#x1b;[31m&#x7f;Doe">
<link rel="canonical" href="javascript:alert(1)">
</head><body><article><p>Rescuers searched the rubble all night in the villages, officials said on Sunday.</p><p>The toll rose to 300, the agency said, and thousands were injured in the quake.</p></article></body></html>`
	arts, err := Parse("a.html", []byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Source != "SiteName" || a.Title != "Headline" || a.Author != "JaneDoe" || a.URL != "" {
		t.Errorf("source %q, title %q, author %q, url %q", a.Source, a.Title, a.Author, a.URL)
	}
	for _, u := range []string{"https://ok.example/a", "http://ok.example/b"} {
		if got := safeURL(u); got != u {
			t.Errorf("safeURL(%q) = %q", u, got)
		}
	}
	for _, u := range []string{"javascript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", " JAVASCRIPT:x"} {
		if got := safeURL(u); got != "" {
			t.Errorf("safeURL(%q) = %q, want none", u, got)
		}
	}
}
