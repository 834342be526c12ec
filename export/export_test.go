package export

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
	"github.com/parallax-news/parallax/seeds"
)

// seedDoc is the seeds' comparison with a review: the first discrepancy
// confirmed with a note, the second dismissed.
func seedDoc(t testing.TB) Doc {
	t.Helper()
	names := seeds.Names()
	res, err := loader.Load(context.Background(), names, loader.Options{FS: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	r := compare.Compare(res.Articles)
	store, _ := review.Load(filepath.Join(t.TempDir(), "r.json"), review.Key(res.Articles), nil)
	store.Set(r.Discrepancies[0], review.Confirmed, "Checked against the Pentagon's own release", time.Unix(0, 0))
	store.Set(r.Discrepancies[1], review.Dismissed, "", time.Unix(0, 0))
	return Doc{Generator: "parallax test", Articles: res.Articles, Result: r, Review: store}
}

// hostileDoc holds article text that would run in a page, or break
// Markdown, if it were not escaped.
func hostileDoc(t testing.TB) Doc {
	t.Helper()
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("Source: <script>document.title='pwned'</script>\n\nSeven people were killed in the <img src=x onerror=\"document.title='pwned'\"> blast on Monday, officials said.\n"), 0o644)
	os.WriteFile(b, []byte("Source: Courier\n\nTwelve people were killed in the blast on Monday, officials said. **bold** [link](javascript:alert(1))\n"), 0o644)
	res, err := loader.Load(context.Background(), []string{a, b}, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Doc{Generator: "parallax test", Articles: res.Articles, Result: compare.Compare(res.Articles)}
}

func TestJSONCarriesReview(t *testing.T) {
	d := seedDoc(t)
	var a, b bytes.Buffer
	if err := JSON(&a, d); err != nil {
		t.Fatal(err)
	}
	JSON(&b, d)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two exports of the same input and review differ")
	}
	var doc struct {
		Discrepancies []struct {
			ID     string
			Review struct{ Status, Note string }
		}
	}
	if err := json.Unmarshal(a.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if r := doc.Discrepancies[0].Review; r.Status != "confirmed" || r.Note != "Checked against the Pentagon's own release" {
		t.Errorf("first review %+v", r)
	}
	if r := doc.Discrepancies[1].Review; r.Status != "dismissed" {
		t.Errorf("second review %+v", r)
	}
	if r := doc.Discrepancies[2].Review; r.Status != "open" {
		t.Errorf("third review %+v", r)
	}
}

func TestMarkdown(t *testing.T) {
	d := seedDoc(t)
	var buf bytes.Buffer
	if err := Markdown(&buf, d); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	first := d.Result.Discrepancies[0]
	for _, want := range []string{"## Sources", "## Summary", "| quote |", "✔ confirmed", "✘ dismissed",
		"Reviewer's note: Checked against the Pentagon's own release", "<a id=\"" + first.ID + "\"></a>", "[^1]:", "## Reported by one source only", "~~"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	// Every claim is marked in its paragraph.
	if n := strings.Count(md, "**⟦"); n < len(first.Claims) {
		t.Errorf("%d marked spans", n)
	}
	var hb bytes.Buffer
	Markdown(&hb, hostileDoc(t))
	h := hb.String()
	for _, bad := range []string{"<script>", "<img", "**bold**", "[link](javascript"} {
		if strings.Contains(h, bad) {
			t.Errorf("Markdown lets %q through unescaped", bad)
		}
	}
	if !strings.Contains(h, `\<script\>`) {
		t.Error("escaped script tag not shown as text")
	}
}

func TestHTMLEscapesAndIsSelfContained(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, hostileDoc(t)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "<img", "onerror=\"", "href=\"javascript", "src=\"http", "href=\"http", "@import", "url("} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;") || !strings.Contains(page, "&lt;img src=x onerror=") {
		t.Error("the article's markup is not shown as text")
	}
	if !strings.Contains(page, "Content-Security-Policy") {
		t.Error("no Content-Security-Policy")
	}
}

func TestWriteFileErrors(t *testing.T) {
	d := seedDoc(t)
	dir := t.TempDir()
	// A folder that does not exist is an error, never made in passing.
	if err := WriteFile(filepath.Join(dir, "missing", "deeper", "x.md"), "md", d); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Error("the missing folder was created")
	}
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o555)
	if os.Getuid() != 0 { // root writes anywhere
		if err := WriteFile(filepath.Join(ro, "x.md"), "md", d); err == nil || !strings.Contains(err.Error(), ro) {
			t.Errorf("read-only folder: %v", err)
		}
	}
	old := filepath.Join(dir, "old.html")
	os.WriteFile(old, []byte("keep me"), 0o644)
	if err := WriteFile(old, "pdf", d); err == nil {
		t.Error("unknown format accepted")
	}
	if b, _ := os.ReadFile(old); string(b) != "keep me" {
		t.Error("a failed export overwrote the file")
	}
}

// The seeds' page in a real browser: the columns and marks are in the DOM,
// no script ran, and a screenshot is saved to look at. CI installs
// Debian's chromium and sets PARALLAX_BROWSER=1, which makes a missing
// browser a failure rather than a skip.
func TestHTMLInBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("PARALLAX_BROWSER") != "" {
			t.Fatal("PARALLAX_BROWSER is set but chromium is not installed")
		}
		t.Skip("chromium not installed")
	}
	dir := t.TempDir()
	d := seedDoc(t)
	// A hostile paragraph rides along: if anything of it ran, the title changes.
	h := hostileDoc(t)
	d.Articles = append(d.Articles, h.Articles[0])
	d.Result.Sources = append(d.Result.Sources, h.Articles[0].ID)
	d.Result.Topics = append(d.Result.Topics, compare.Topic{ID: "tx", Label: "hostile", Members: []compare.Ref{{Source: h.Articles[0].ID, Paragraph: 0}}})
	page := filepath.Join(dir, "seeds.html")
	if err := WriteFile(page, "html", d); err != nil {
		t.Fatal(err)
	}
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--user-data-dir=" + filepath.Join(dir, "profile")}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	dom, err := exec.CommandContext(ctx, chromium, append(args, "--virtual-time-budget=2000", "--dump-dom", "file://"+page)...).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	s := string(dom)
	if strings.Contains(s, "pwned") && !strings.Contains(s, "document.title='pwned'") {
		t.Error("a script from the article ran")
	}
	if strings.Contains(s, "<title>pwned") {
		t.Error("the title was changed by the article")
	}
	if n := strings.Count(s, `class="column"`); n < 5*2 {
		t.Errorf("%d source columns in the DOM", n)
	}
	if n := strings.Count(s, `<mark class="disc`); n < len(d.Result.Discrepancies) {
		t.Errorf("%d disputed marks for %d discrepancies", n, len(d.Result.Discrepancies))
	}
	if strings.Count(s, "<script") != 0 || strings.Contains(s, "<img") {
		t.Error("the DOM holds a script or an image element")
	}
	shot := os.Getenv("PARALLAX_SCREENSHOT")
	if shot == "" {
		shot = filepath.Join(dir, "seeds.png")
	}
	if out, err := exec.CommandContext(ctx, chromium, append(args, "--window-size=1400,1000", "--screenshot="+shot, "file://"+page)...).CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, out)
	}
	if st, err := os.Stat(shot); err != nil || st.Size() < 10000 {
		t.Errorf("screenshot %s: %v", shot, err)
	}
	t.Logf("screenshot: %s", shot)
}
