package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/export"
	"github.com/parallax-news/parallax/review"
	"github.com/parallax-news/parallax/seeds"
)

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestNoInputShowsBundledSample(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	// Without a terminal the interface cannot start: one line says so.
	code, out, errOut := runCmd(t, "")
	if code != exitFailure || out != "" || !strings.Contains(errOut, "needs a terminal") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("no terminal: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runCmd(t, "", "report")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	// The report says it shows the sample, lists each of its files, and
	// every finding the engine makes on it, whatever their number.
	names := seeds.Names()
	res, _, err := load(nil, config{maxSize: 10 << 20, timeout: time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := compare.Compare(res.Articles)
	want := []string{"bundled sample", fmt.Sprintf("%d articles loaded", len(names)), fmt.Sprintf(" (%d open)", len(r.Discrepancies))}
	for _, n := range names {
		want = append(want, "(text, seeds/"+n+")")
	}
	for _, d := range r.Discrepancies {
		want = append(want, "\n"+d.ID+"  "+string(d.Kind)+" · ")
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q", w)
		}
	}
}

func TestReportAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	os.WriteFile(a, []byte("Source: Wire\n\nTwo quakes struck Iran.\n"), 0o644)
	b := filepath.Join(dir, "b.md")
	os.WriteFile(b, []byte("---\nsource: Courier\n---\nThe toll rose to 300.\n"), 0o644)

	code, out, errOut := runCmd(t, "", "report", a, b)
	if code != exitOK || errOut != "" || !strings.Contains(out, "2 articles loaded") || strings.Contains(out, "bundled") {
		t.Errorf("two files: exit %d, stderr %q, out %q", code, errOut, out)
	}

	code, out, errOut = runCmd(t, "Stdin text.\n", "report", "-")
	if code != exitOK || !strings.Contains(out, "stdin") || !strings.Contains(errOut, "a comparison needs at least two articles; 1 loaded") {
		t.Errorf("one article: exit %d, stderr %q", code, errOut)
	}

	code, _, errOut = runCmd(t, "", "report", a, filepath.Join(dir, "nope.txt"))
	if code != exitFailure || !strings.Contains(errOut, "parallax: "+filepath.Join(dir, "nope.txt")+": no such file or folder\n") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}

	for _, args := range [][]string{{"--bogus"}, {"--max-size", "lots"}, {"--timeout", "-1s"}} {
		if code, _, errOut := runCmd(t, "", args...); code != exitUsage || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}

	code, _, _ = runCmd(t, "", "--max-size", "10B", a)
	if code != exitFailure {
		t.Errorf("over --max-size: exit %d", code)
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, out, _ := runCmd(t, "", args...)
		if code != exitOK {
			t.Errorf("%v: exit %d", args, code)
		}
		for _, want := range []string{"report", "version", "--max-size", "--timeout", "--theme", "\"--\" ends them", "FOLDER", "URL", "Exit codes", "Examples"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: help lacks %q", args, want)
			}
		}
	}
	if code, out, _ := runCmd(t, "", "version"); code != exitOK || !strings.HasPrefix(out, "parallax ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestJSONFlag(t *testing.T) {
	code, out, errOut := runCmd(t, "", "--json")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var doc struct {
		Version       int
		Sources       []struct{ ID string }
		Discrepancies []struct{ Kind, Summary string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc.Version != 1 || len(doc.Sources) != len(seeds.Names()) {
		t.Errorf("version %d, %d sources, %d discrepancies", doc.Version, len(doc.Sources), len(doc.Discrepancies))
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"10MiB": 10 << 20, "512KiB": 512 << 10, "2MB": 2e6, "1000": 1000, "1 GiB": 1 << 30} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "-5", "ten", "0"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q) accepted", bad)
		}
	}
}

// The engine and the loader know nothing of the terminal: no Charm package
// among their dependencies.
func TestArchitecture(t *testing.T) {
	deps := func(pkg string) []string {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		return strings.Fields(string(out))
	}
	for _, pkg := range []string{"./compare", "./loader", "./review"} {
		for _, dep := range deps(pkg) {
			if strings.Contains(dep, "charm.land") || strings.Contains(dep, "charmbracelet") || strings.HasSuffix(dep, "/tui") || strings.HasSuffix(dep, "/export") {
				t.Errorf("the engine's side (%s) depends on %s", pkg, dep)
			}
		}
	}
	// The atomic writer is a leaf: it knows nothing of what it writes.
	for _, dep := range deps("./atomicfile") {
		if strings.HasPrefix(dep, "github.com/parallax-news/parallax/") && dep != "github.com/parallax-news/parallax/atomicfile" {
			t.Errorf("atomicfile depends on %s", dep)
		}
	}
}

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	out := filepath.Join(dir, "cmp.md")
	if code, _, errOut := runCmd(t, "", "export", "--format", "md", "-o", out); code != exitOK {
		t.Fatalf("export md: exit %d, %s", code, errOut)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "## Summary") {
		t.Error("Markdown export lacks its summary")
	}
	code, html, _ := runCmd(t, "", "export", "--format", "html")
	if code != exitOK || !strings.HasPrefix(html, "<!DOCTYPE html>") {
		t.Errorf("export html to stdout: exit %d", code)
	}
	if code, _, errOut := runCmd(t, "", "export"); code != exitUsage || !strings.Contains(errOut, "--format") {
		t.Errorf("export without format: exit %d %q", code, errOut)
	}
	if code, _, _ := runCmd(t, "", "export", "--format", "pdf"); code != exitUsage {
		t.Errorf("unknown format: exit %d", code)
	}
	// A corrupt review, or one of other articles: a clear error, exit 1,
	// nothing overwritten.
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{not json"), 0o644)
	os.WriteFile(out, []byte("keep"), 0o644)
	code, _, errOut := runCmd(t, "", "export", "--format", "md", "--review", bad, "-o", out)
	if code != exitFailure || !strings.Contains(errOut, bad) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("corrupt review: exit %d, stderr %q", code, errOut)
	}
	other := filepath.Join(dir, "other.json")
	os.WriteFile(other, []byte(`{"version":1,"key":"0000","entries":{}}`), 0o644)
	code, _, errOut = runCmd(t, "", "export", "--format", "json", "--review", other, "-o", out)
	if code != exitFailure || !strings.Contains(errOut, "other articles") {
		t.Errorf("other articles' review: exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(out); string(b) != "keep" {
		t.Error("a failed export overwrote the output")
	}
	if b, _ := os.ReadFile(bad); string(b) != "{not json" {
		t.Error("the corrupt review was changed")
	}
	// An unwritable path.
	code, _, errOut = runCmd(t, "", "export", "--format", "md", "-o", filepath.Join(out, "x.md"))
	if code != exitFailure || !strings.Contains(errOut, "parallax: export md: write") {
		t.Errorf("unwritable path: exit %d, stderr %q", code, errOut)
	}
}

// A reviewer's verdict, given on the articles in one order, is found by the
// report and the exports in any other order, survives an edit of one
// article (which they say), and, when its finding is gone, is listed as
// matching none rather than dropped.
func TestVerdictsFollowTheArticles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	a := filepath.Join(dir, "wire.txt")
	b := filepath.Join(dir, "courier.txt")
	os.WriteFile(a, []byte("Source: Wire\n\nSeven people were killed in the blast on Monday, officials said.\n"), 0o644)
	os.WriteFile(b, []byte("Source: Courier\n\nTwelve people were killed in the blast on Monday, officials said.\n"), 0o644)

	// Give a verdict as the interface does: open the default review of a, b.
	res, _, err := load([]string{a, b}, config{maxSize: 1 << 20, timeout: time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := compare.Compare(res.Articles)
	if len(r.Discrepancies) == 0 {
		t.Fatal("the engine found no discrepancy between seven and twelve killed")
	}
	store, err := openReview("", res.Articles, false)
	if err != nil {
		t.Fatal(err)
	}
	store.Attach(r)
	if err := store.SetVerdict(r.Discrepancies[0], review.Verdict{Status: review.Confirmed, Right: "courier", Note: "twelve names on the list"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := store.Save(); err != nil {
		t.Fatal(err)
	}

	exportJSON := func(args ...string) (jsonOut, string) {
		t.Helper()
		code, out, errOut := runCmd(t, "", append([]string{"export", "-f", "json"}, args...)...)
		if code != exitOK {
			t.Fatalf("export %v: exit %d, %s", args, code, errOut)
		}
		var doc jsonOut
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		return doc, errOut
	}
	doc, _ := exportJSON(b, a) // the other order
	if len(doc.Discrepancies) == 0 || doc.Discrepancies[0].Review.Status != "confirmed" || doc.Discrepancies[0].Review.Right != "courier" {
		t.Fatalf("other order: %+v", doc.Discrepancies)
	}
	if code, out, _ := runCmd(t, "", "report", b, a); code != exitOK || !strings.Contains(out, "confirmed, right: Courier") || !strings.Contains(out, "note: twelve names on the list") {
		t.Errorf("report in the other order does not read the verdict:\n%s", out)
	}

	// An edit of one article: the verdict stays, and the change is said.
	os.WriteFile(a, []byte("Source: Wire\n\nPolice closed the square. Seven people were killed in the blast on Monday, officials said.\n"), 0o644)
	doc, _ = exportJSON(a, b)
	if len(doc.Discrepancies) == 0 || doc.Discrepancies[0].Review.Status != "confirmed" {
		t.Fatalf("after an edit: %+v", doc.Discrepancies)
	}
	if got := doc.Discrepancies[0].Review.ChangedSources; len(got) != 1 || got[0] != "wire" {
		t.Errorf("changed sources %v, want [wire]", got)
	}
	if len(doc.ArticlesChanged) != 1 || doc.ArticlesChanged[0].Source != "wire" || doc.ArticlesChanged[0].Change != "edited" {
		t.Errorf("articles changed %+v", doc.ArticlesChanged)
	}
	if _, out, _ := runCmd(t, "", "report", a, b); !strings.Contains(out, "Wire: edited since the review") {
		t.Errorf("the report does not say the article changed:\n%s", out)
	}

	// The finding gone (the wire no longer gives a toll): the verdict is an orphan.
	os.WriteFile(a, []byte("Source: Wire\n\nThe blast on Monday shook the old market.\n"), 0o644)
	doc, _ = exportJSON(a, b)
	if len(doc.Discrepancies) != 0 || len(doc.Orphaned) != 1 || doc.Orphaned[0].Review.Note != "twelve names on the list" {
		t.Fatalf("finding gone: %d discrepancies, orphaned %+v", len(doc.Discrepancies), doc.Orphaned)
	}
	for _, f := range []string{"md", "html"} {
		_, out, _ := runCmd(t, "", "export", "-f", f, a, b)
		if !strings.Contains(out, "Verdicts that match no finding") || !strings.Contains(out, "twelve names on the list") {
			t.Errorf("%s export does not list the orphan", f)
		}
	}
	if _, out, _ := runCmd(t, "", "report", a, b); !strings.Contains(out, "Verdicts that match no finding (1)") {
		t.Errorf("the report does not list the orphan:\n%s", out)
	}
}

// jsonOut is the part of the JSON export the command's tests read.
type jsonOut struct {
	Version int
	Sources []struct {
		ID, Name, Label string
	}
	Discrepancies []struct {
		ID, Kind, Summary string
		Review            struct {
			Status, Note, Right, Evidence string
			ChangedSources                []string `json:"changed_sources"`
		}
	}
	Orphaned []struct {
		Finding string
		Review  struct{ Status, Note string }
	}
	ArticlesChanged []struct{ Source, Change string } `json:"articles_changed"`
	Timeline        []struct{ Source, Published string }
}

// The command line as people type it: flags anywhere, "--", a mistyped
// command, an output folder that does not exist, one line per error.
func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	dash := filepath.Join(dir, "-x.txt")
	os.WriteFile(a, []byte("Source: Wire\n\nSeven people were killed in the blast on Monday, officials said.\n"), 0o644)
	os.WriteFile(b, []byte("Source: Courier\n\nTwelve people were killed in the blast on Monday, officials said.\n"), 0o644)
	os.WriteFile(dash, []byte("Source: Post\n\nNine people were killed in the blast on Monday, officials said.\n"), 0o644)
	sources := func(out string) []string {
		var doc jsonOut
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
		var ids []string
		for _, s := range doc.Sources {
			ids = append(ids, s.ID)
		}
		return ids
	}
	// Flags among and after the inputs.
	for _, args := range [][]string{{"export", a, "-f", "json", b}, {"export", a, b, "--format=json"}, {"export", "-f", "json", a, b}} {
		code, out, errOut := runCmd(t, "", args...)
		if code != exitOK || strings.Join(sources(out), " ") != "a b" {
			t.Errorf("%q: exit %d, sources %v, stderr %q", args, code, sources(out), errOut)
		}
	}
	// "--" ends the flags: a file named like a flag is an input after it.
	t.Chdir(dir)
	code, out, errOut := runCmd(t, "", "export", "-f", "json", "--", "-x.txt", "a.txt")
	if code != exitOK || strings.Join(sources(out), " ") != "-x a" {
		t.Errorf("after --: exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "export", "-f", "json", "-x.txt", "a.txt"); code != exitUsage || !strings.Contains(errOut, "flag provided but not defined: -x.txt") {
		t.Errorf("a flag-like input before --: exit %d, %q", code, errOut)
	}
	// A first word that is neither an input nor a command.
	code, out, errOut = runCmd(t, "", "reprot", "a.txt")
	if code != exitUsage || out != "" || !strings.Contains(errOut, `unknown command "reprot": the commands are report, export, version, help`) {
		t.Errorf("unknown command: exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "report", "nope.txt", "a.txt"); code != exitFailure || !strings.Contains(errOut, "nope.txt: no such file or folder") {
		t.Errorf("a missing file is a missing file: exit %d, %q", code, errOut)
	}
	// An output folder that does not exist: an error, and no folder made.
	code, _, errOut = runCmd(t, "", "export", "-f", "md", "-o", filepath.Join(dir, "missing", "x.md"), "a.txt", "b.txt")
	if code != exitFailure || !strings.Contains(errOut, "does not exist") {
		t.Errorf("-o into a missing folder: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Error("the missing folder was created")
	}
	// Joined errors, one line each, also when a name holds a line break.
	forged := "c.txt\nparallax: everything is fine"
	code, _, errOut = runCmd(t, "", "report", "a.txt", "gone.txt", forged, "b.txt")
	lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
	if code != exitFailure || len(lines) != 2 || !strings.HasPrefix(lines[0], "parallax: gone.txt: ") || !strings.HasPrefix(lines[1], "parallax: c.txt parallax: everything is fine: ") {
		t.Errorf("two missing inputs: exit %d, stderr lines %q", code, lines)
	}
	// --theme takes light, dark or auto.
	if code, _, errOut := runCmd(t, "", "report", "--theme", "sepia", "a.txt", "b.txt"); code != exitUsage || !strings.Contains(errOut, "want light, dark or auto") {
		t.Errorf("--theme sepia: exit %d, %q", code, errOut)
	}
	if code, _, _ := runCmd(t, "", "report", "a.txt", "--theme", "light", "b.txt"); code != exitOK {
		t.Errorf("--theme light: exit %d", code)
	}
}

// What the reviewer did by hand in the interface (a finding the engine
// missed, a source left out) is read back by the interface's loading, the
// report and every export.
func TestReviewersWorkReadBack(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	wire, courier, gazette := filepath.Join(dir, "wire.txt"), filepath.Join(dir, "courier.txt"), filepath.Join(dir, "gazette.txt")
	os.WriteFile(wire, []byte("Source: Wire\n\nSeven people were killed in the blast on Monday, officials said.\n"), 0o644)
	os.WriteFile(courier, []byte("Source: Courier\n\nTwelve people were killed in the blast on Monday, police said.\n"), 0o644)
	os.WriteFile(gazette, []byte("Source: Gazette\n\nA blast hit the market on Monday.\n"), 0o644)
	inputs := []string{wire, courier, gazette}
	cfg := config{maxSize: 1 << 20, timeout: time.Second}
	res, _, err := load(inputs, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	store, err := openReview("", res.Articles, false)
	if err != nil {
		t.Fatal(err)
	}
	span := func(id, words string) compare.Span {
		for _, a := range res.Articles {
			if a.ID == id {
				i := strings.Index(a.Paragraphs[0].Text, words)
				return compare.Span{Source: id, Paragraph: 0, Start: i, End: i + len(words)}
			}
		}
		t.Fatalf("no article %s", id)
		return compare.Span{}
	}
	if _, err := store.AddFinding(compare.KindAttribution, []compare.Span{span("wire", "officials said"), span("courier", "police said")}, "officials or the police", res.Articles, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddFix(review.FixExclude, "left Gazette out", []compare.Pin{{Kind: compare.PinExclude, Source: "gazette"}}, res.Articles, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := store.Save(); err != nil {
		t.Fatal(err)
	}

	// The interface's loading compares with the review's pins.
	d, err := interfaceLoad(inputs, cfg, nil, nil, nil)()
	if err != nil || d.StoreErr != nil {
		t.Fatal(err, d.StoreErr)
	}
	if !slices.Contains(d.Result.Excluded, "gazette") {
		t.Errorf("interface: excluded %v", d.Result.Excluded)
	}
	code, out, errOut := runCmd(t, "", "export", "-f", "json", gazette, courier, wire)
	if code != exitOK {
		t.Fatalf("export: exit %d, %s", code, errOut)
	}
	var doc struct {
		Discrepancies []struct{ ID, By, Summary string }
		Excluded      []string
		TopicFixes    []struct{ Op, Says string } `json:"topic_fixes"`
		FactTable     []struct {
			Key   string
			Cells []struct{ Source, Value string }
		} `json:"fact_table"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	own := 0
	for _, x := range doc.Discrepancies {
		if x.By == "reviewer" && x.Summary == "officials or the police" {
			own++
		}
	}
	if own != 1 || len(doc.Excluded) != 1 || doc.Excluded[0] != "gazette" || len(doc.TopicFixes) != 1 || doc.TopicFixes[0].Op != "exclude" {
		t.Errorf("export: %d findings of the reviewer's, excluded %v, fixes %+v", own, doc.Excluded, doc.TopicFixes)
	}
	if len(doc.FactTable) == 0 {
		t.Error("export: no fact table (the engine reads the toll of both)")
	}
	for _, row := range doc.FactTable {
		if len(row.Cells) != 2 {
			t.Errorf("row %s has %d cells, want one per source compared", row.Key, len(row.Cells))
		}
	}
	if _, out, _ := runCmd(t, "", "report", wire, courier, gazette); !strings.Contains(out, "Left out of the comparison by the reviewer") || !strings.Contains(out, "✎ recorded by the reviewer") {
		t.Errorf("the report does not read the reviewer's work:\n%s", out)
	}
}

// BenchmarkSeedsExport is the work of "parallax export --format json" on
// the bundled sample after the process has started, stage by stage: the
// loader, the comparison with the review, the JSON export. The process's
// own start (the packages' init) is measured on the binary with
// GODEBUG=inittrace=1 and /usr/bin/time; see the notes.
func BenchmarkSeedsExport(b *testing.B) {
	b.Setenv("XDG_STATE_HOME", b.TempDir())
	cfg := config{maxSize: 10 << 20, timeout: time.Second}
	res, _, err := load(nil, cfg, nil)
	if err != nil {
		b.Fatal(err)
	}
	store, err := openReview("", res.Articles, true)
	if err != nil {
		b.Fatal(err)
	}
	doc := export.Doc{Generator: "parallax bench", Articles: res.Articles, Result: review.Compare(res.Articles, store), Review: store}
	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := load(nil, cfg, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("compare", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			review.Compare(res.Articles, store)
		}
	})
	b.Run("export", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := export.Write(io.Discard, "json", doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if code := run([]string{"export", "--format", "json"}, nil, io.Discard, io.Discard); code != exitOK {
				b.Fatalf("exit %d", code)
			}
		}
	})
}

// A reading or a comparison that runs past --budget ends the run with one
// line that says which and names the input, and exit 1, never a spin.
func TestBudget(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	big := filepath.Join(dir, "big.txt")
	var b strings.Builder
	for i := 0; b.Len() < 3<<20; i++ {
		fmt.Fprintf(&b, "Officials said on day %d that %d people had been moved to shelters in the %dth district.\n\n", i, i*7%1000, i%90)
	}
	os.WriteFile(big, []byte(b.String()), 0o644)
	code, out, errOut := runCmd(t, "", "export", "-f", "json", "--budget", "1ms", big)
	if code != exitFailure || out != "" || !strings.Contains(errOut, "parallax: "+big+": too slow to read: gave up after 1ms (--budget)") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("reading past the budget: exit %d, stdout %d bytes, stderr %q", code, len(out), errOut)
	}
	for _, bad := range []string{"0s", "-1m", "soon"} {
		if code, _, errOut := runCmd(t, "", "report", "--budget", bad); code != exitUsage || !strings.Contains(errOut, "budget") {
			t.Errorf("--budget %s: exit %d, %q", bad, code, errOut)
		}
	}

	// The comparison: the engine cannot be stopped, so the budget is kept
	// by not waiting for it.
	small := filepath.Join(dir, "small.txt")
	os.WriteFile(small, []byte("Source: Wire\n\nSeven people were killed in the blast on Monday, officials said.\n"), 0o644)
	res, _, err := load([]string{small, big}, config{maxSize: 10 << 20, budget: time.Minute}, nil)
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	defer close(release)
	// (The function returns only when the test ends: compareWithin
	// returning at all shows it did not wait.)
	r, err := compareWithin(50*time.Millisecond, res.Articles, func() *compare.Result { <-release; return &compare.Result{} })
	if r != nil || err == nil || !strings.HasPrefix(err.Error(), "the comparison gave up after 50ms (--budget); the largest input is "+big+" (2.9 MiB of text)") {
		t.Errorf("a comparison that does not end: %v, %v", r, err)
	}
	want := &compare.Result{}
	if r, err := compareWithin(time.Minute, res.Articles, func() *compare.Result { return want }); r != want || err != nil {
		t.Errorf("a comparison within the budget: %v, %v", r, err)
	}
}
