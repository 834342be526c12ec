package compare

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// TestSpec runs the engine's behaviour written as data: each
// testdata/spec/*.txtar holds articles (files named *.txt, *.md or *.html,
// their names the sources' ids) and a file "want" of expectations, one a
// line:
//
//	finding KIND [SEVERITY] "text" "text"...  a finding of the kind whose claims hold each text
//	no KIND "text"...                         no finding of the kind whose claims hold every text
//	reconciled "text" "text"                  a reconciliation whose claims hold both texts
//	unique "text"                             a unique fact whose claim holds the text
//	offevent ID                               the source is marked as about another event
//	speaker "words" NAME [via NAME]           the quotation of those words is credited to NAME, carried by the via
//
// The archive's comment says which class of error the case covers.
func TestSpec(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "spec", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no spec cases")
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			comment, parts := parseTxtar(string(data))
			var arts []*loader.Article
			var want string
			for _, p := range parts {
				if p.name == "want" {
					want = p.data
					continue
				}
				as, err := loader.Parse(p.name, []byte(p.data), "", "")
				if err != nil {
					t.Fatalf("%s: %v", p.name, err)
				}
				as[0].ID = strings.TrimSuffix(p.name, filepath.Ext(p.name))
				arts = append(arts, as[0])
			}
			r := Compare(arts)
			for _, line := range strings.Split(want, "\n") {
				if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if msg := checkSpec(r, line); msg != "" {
					t.Errorf("%s\n  want: %s\n  %s\n  findings:%s", strings.TrimSpace(comment), line, msg, listFindings(r))
				}
			}
		})
	}
}

// checkSpec checks one expectation; "" when it holds.
func checkSpec(r *Result, line string) string {
	verb, rest, _ := strings.Cut(line, " ")
	args, texts := specArgs(rest)
	holds := func(claims []Claim) bool {
		for _, tx := range texts {
			if !slices.ContainsFunc(claims, func(c Claim) bool { return strings.Contains(c.Text, tx) }) {
				return false
			}
		}
		return true
	}
	switch verb {
	case "finding", "no":
		if len(args) == 0 {
			return "no kind given"
		}
		for _, d := range r.Discrepancies {
			if string(d.Kind) != args[0] || !holds(d.Claims) {
				continue
			}
			if verb == "no" {
				return "found: " + d.Summary
			}
			if len(args) > 1 && string(d.Severity) != args[1] {
				return "severity " + string(d.Severity) + ": " + d.Summary
			}
			return ""
		}
		if verb == "no" {
			return ""
		}
		return "not found"
	case "reconciled":
		for _, rc := range r.Reconciled {
			if holds(rc.Claims) {
				return ""
			}
		}
		return "not reconciled"
	case "unique":
		for _, u := range r.Unique {
			if holds([]Claim{{Span: u.Span, Text: u.Text}}) {
				return ""
			}
		}
		return "not unique"
	case "speaker":
		if len(texts) == 0 || len(args) == 0 {
			return "want words and a speaker"
		}
		speaker, via, _ := strings.Cut(strings.Join(args, " "), " via ")
		for _, f := range r.Facts {
			if f.Kind != FactQuote || !strings.Contains(f.Quote.Words, texts[0]) {
				continue
			}
			if !strings.Contains(f.Quote.Speaker, speaker) || !strings.Contains(f.Quote.Via, via) {
				return "speaker " + f.Quote.Speaker + ", via " + f.Quote.Via
			}
			return ""
		}
		return "no such quotation"
	case "offevent":
		for _, o := range r.OffEvent {
			if len(args) > 0 && o.Source == args[0] {
				return ""
			}
		}
		return "not marked"
	}
	return "unknown expectation " + verb
}

// specArgs splits an expectation's rest into bare words and quoted texts.
func specArgs(s string) (args, texts []string) {
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				texts = append(texts, s[1:])
				return
			}
			texts = append(texts, s[1:1+end])
			s = s[end+2:]
			continue
		}
		w, r, _ := strings.Cut(s, " ")
		args = append(args, w)
		s = r
	}
	return
}

func listFindings(r *Result) string {
	var b strings.Builder
	for _, d := range r.Discrepancies {
		b.WriteString("\n    " + string(d.Kind) + " " + string(d.Severity) + ": " + d.Summary)
	}
	for _, rc := range r.Reconciled {
		b.WriteString("\n    reconciled: " + rc.Reason)
	}
	return b.String()
}

// txtarFile is one file of a txtar archive.
type txtarFile struct{ name, data string }

// parseTxtar reads the txtar format (as golang.org/x/tools/txtar writes
// it: a comment, then files each opened by a line "-- name --").
func parseTxtar(s string) (comment string, files []txtarFile) {
	var cur *txtarFile
	var b strings.Builder
	flush := func() {
		if cur == nil {
			comment = b.String()
		} else {
			cur.data = b.String()
			files = append(files, *cur)
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		l := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") && len(l) > 6 {
			flush()
			cur = &txtarFile{name: strings.TrimSpace(l[3 : len(l)-3])}
			continue
		}
		b.WriteString(line)
	}
	flush()
	return comment, files
}
