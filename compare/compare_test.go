package compare

import (
	"context"
	"hash/fnv"
	"os/exec"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/seeds"
)

func seedArticles(t testing.TB) []*loader.Article {
	t.Helper()
	names := []string{"000_25c052f1fb325dc8.txt", "001_2a909965b7f59e8a.txt", "002_561c48b6145f2520.txt", "003_1c1694bf91c88cf0.txt", "004_0b8b249edd7c02c5.txt"}
	res, err := loader.Load(context.Background(), names, loader.Options{FS: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	return res.Articles
}

// findDisc returns the discrepancy of a kind whose claims hold all the texts.
func findDisc(r *Result, kind Kind, texts ...string) *Discrepancy {
	for i, d := range r.Discrepancies {
		if d.Kind != kind {
			continue
		}
		all := true
		for _, want := range texts {
			found := false
			for _, c := range d.Claims {
				if strings.Contains(c.Text, want) {
					found = true
				}
			}
			all = all && found
		}
		if all {
			return &r.Discrepancies[i]
		}
	}
	return nil
}

func TestSeedsDiscrepancies(t *testing.T) {
	arts := seedArticles(t)
	r := Compare(arts)
	// 001 says a child was killed, 000 that a child was injured.
	if d := findDisc(r, KindOutcome, "a child"); d == nil || d.Severity != SeverityHigh ||
		d.Claims[0].Source != "001_2a909965b7f59e8a" || d.Claims[1].Source != "000_25c052f1fb325dc8" {
		t.Errorf("child killed or injured: not found as a high outcome discrepancy: %+v", d)
	}
	// 004 (a translation) rewords Kirby's statement.
	d := findDisc(r, KindQuote, "the president has led new military action")
	if d == nil || !strings.Contains(d.Summary, `"directed further" → "has led new"`) || !strings.Contains(d.Summary, "Kirby") {
		t.Fatalf("Kirby's reworded quote: got %+v", d)
	}
	// "five militia fighters were killed" and "at least five ... militiamen
	// were killed" agree once the qualifier is read: no number discrepancy.
	for _, d := range r.Discrepancies {
		if d.Kind == KindNumber {
			t.Errorf("unexpected number discrepancy: %s", d.Summary)
		}
	}
	// 000 and 003 list F-15s and F-16s; 001 names F-16s only.
	if d := findDisc(r, KindList, "F-15s and F-16s", "F-15 and F-16", "F-16s"); d == nil {
		t.Error("F-15s missing from 001: not found")
	}
	// 000 says "reportedly" of the aircraft; 001 says it "according to"
	// an outlet: both pass the claim on as a report, no hedging finding.
	if d := findDisc(r, KindHedging, "reportedly"); d != nil {
		t.Errorf("a report against a report taken for hedging: %s", d.Summary)
	}
	// 004's rewording of Kirby's "this evening's strikes" is one finding,
	// however its three faithful copies write "US" and the apostrophe.
	n := 0
	for _, d := range r.Discrepancies {
		for _, c := range d.Claims {
			if d.Kind == KindQuote && strings.Contains(c.Text, "tonight’s attacks") {
				n++
			}
		}
	}
	if n != 1 {
		t.Errorf("the 'tonight's attacks' rewording is in %d findings, want 1", n)
	}
	// 000's "1AM local time" (in Iraq and Syria) and 001's "around 6 p.m.
	// Eastern" name one moment: reconciled, and no time discrepancy.
	reconciledTime := false
	for _, rc := range r.Reconciled {
		texts := rc.Claims[0].Text + " | " + rc.Claims[1].Text
		reconciledTime = reconciledTime || strings.Contains(texts, "1AM local time") && strings.Contains(texts, "6 p.m. Eastern")
	}
	if !reconciledTime {
		t.Error(`"1AM local time" and "6 p.m. Eastern" not reconciled as one moment`)
	}
	for _, d := range r.Discrepancies {
		if d.Kind == KindTime {
			t.Errorf("unexpected time discrepancy: %s", d.Summary)
		}
	}
	agreed := false
	for _, a := range r.Agreements {
		if strings.Contains(a.Value, "killed") && strings.Contains(strings.Join(a.Sources, " "), "001_2a909965b7f59e8a 004_0b8b249edd7c02c5") {
			agreed = true
		}
	}
	if !agreed {
		t.Errorf("001 and 004 should agree on five fighters killed: %+v", r.Agreements)
	}
	// Quotations that differ only in marks, dashes or "U.S." against "US"
	// are not discrepancies: 001 and 003 carry Kirby's "escalation" sentence
	// with – and --.
	if d := findDisc(r, KindQuote, "designed to limit the risk of escalation"); d != nil {
		t.Errorf("typographic difference flagged: %s", d.Summary)
	}
	for _, d := range r.Discrepancies {
		for _, c := range d.Claims {
			a := articleByID(arts, c.Source)
			if got := a.Paragraphs[c.Paragraph].Text[c.Start:c.End]; got != c.Text {
				t.Errorf("%s: claim text %q is not its span %q", d.ID, c.Text, got)
			}
		}
	}
}

func article(id, text string) *loader.Article {
	arts, err := loader.Parse(id+".txt", []byte(text), "", "")
	if err != nil {
		panic(err)
	}
	arts[0].ID = id
	return arts[0]
}

func TestNumbersReconciledAndConflicting(t *testing.T) {
	r := Compare([]*loader.Article{
		article("a", "The earthquake destroyed villages across the province on Saturday.\n\nSeven people were killed in the earthquake, officials said.\n"),
		article("b", "The earthquake destroyed villages across the province on Saturday.\n\nAt least 7 people were killed in the earthquake, the governor said.\n"),
		article("c", "The earthquake destroyed villages across the province on Saturday.\n\nTwelve people were killed in the earthquake, according to the Red Crescent.\n"),
	})
	d := findDisc(r, KindNumber, "Seven people", "Twelve people")
	if d == nil || d.Severity != SeverityHigh {
		t.Fatalf("7 against 12 killed: got %+v", r.Discrepancies)
	}
	if !strings.Contains(d.Summary, "people killed") {
		t.Errorf("summary %q", d.Summary)
	}
	if len(d.Claims) != 3 {
		t.Errorf("claims %+v", d.Claims)
	}
	r = Compare([]*loader.Article{
		article("a", "Seven people were killed in the earthquake, officials said.\n"),
		article("b", "At least 7 people were killed in the earthquake, the governor said.\n"),
	})
	if len(r.Discrepancies) != 0 || len(r.Reconciled) != 1 {
		t.Errorf("seven against at least 7: discrepancies %+v, reconciled %+v", r.Discrepancies, r.Reconciled)
	}
}

func articleByID(arts []*loader.Article, id string) *loader.Article {
	for _, a := range arts {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func TestCompareIgnoresInputOrder(t *testing.T) {
	arts := seedArticles(t)
	a := Compare(arts)
	rev := make([]*loader.Article, len(arts))
	for i, x := range arts {
		rev[len(arts)-1-i] = x
	}
	if b := Compare(rev); !reflect.DeepEqual(a, b) {
		t.Errorf("the result depends on the order of the inputs")
	}
}

func TestTopicsCoverBodyOnly(t *testing.T) {
	arts := seedArticles(t)
	r := Compare(arts)
	multi := 0
	for _, tp := range r.Topics {
		if tp.Label == "" {
			t.Errorf("%s has no label", tp.ID)
		}
		if len(tp.Sources) > 1 {
			multi++
		}
		for _, m := range tp.Members {
			if k := articleByID(arts, m.Source).Paragraphs[m.Paragraph].Kind; k != loader.KindBody {
				t.Errorf("%s holds a %s paragraph", tp.ID, k)
			}
		}
	}
	if multi < 5 {
		t.Errorf("only %d topics shared by several sources", multi)
	}
}

// The engine must not depend on the interface or the exports.
func TestNoUIDependency(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skip("go list unavailable:", err)
	}
	for _, bad := range []string{"charm.land", "charmbracelet", "parallax/tui", "parallax/export"} {
		if strings.Contains(string(out), bad) {
			t.Errorf("compare depends on %s", bad)
		}
	}
}

// Every topic has a label a person can read, even one of numbers only.
func TestTopicLabelsNeverEmpty(t *testing.T) {
	r := Compare([]*loader.Article{
		article("a", "Seven people were killed in the earthquake on Saturday.\n\nAnd so it was, they said.\n"),
		article("b", "Seven people were killed in the earthquake on Saturday.\n\nIt was 27 to 30.\n"),
	})
	for _, tp := range r.Topics {
		if strings.TrimSpace(tp.Label) == "" {
			t.Errorf("topic %s has no label", tp.ID)
		}
	}
}

func TestClaimShortValue(t *testing.T) {
	q := Claim{Text: "we will act to protect our people", Value: `Kirby: "we will act to protect our people"`}
	if got := q.ShortValue(); got != `Kirby: "…"` {
		t.Errorf("quotation: %q", got)
	}
	n := Claim{Text: "five fighters", Value: "5 fighter killed"}
	if got := n.ShortValue(); got != "5 fighter killed" {
		t.Errorf("count: %q", got)
	}
}

// Two outlets running one wire story (with their own first line and a word
// changed) are one origin: their agreement with an independent report counts
// two origins, not three.
func TestWireCopiesCountOnce(t *testing.T) {
	wire := "Firefighters battled the blaze for six hours before bringing it under control on Sunday morning.\n\n" +
		"Fire chief Dana Ruiz said 14 people were injured, two of them seriously, and that the cause of the fire was under investigation.\n\n" +
		"The warehouse, which stored paper goods and cleaning supplies, had been inspected in March and passed, according to city records.\n\n" +
		"Neighbours described a loud bang shortly before midnight, followed by thick black smoke that drifted across the river."
	a := article("ap-herald", "A fire destroyed a warehouse in Millbrook overnight.\n\n"+wire)
	b := article("ap-courier", "A huge fire gutted a Millbrook warehouse late on Saturday.\n\n"+strings.Replace(wire, "thick black smoke", "thick dark smoke", 1))
	c := article("local-news", "Fourteen people were injured when a warehouse in Millbrook burned down overnight, Fire chief Dana Ruiz said.\n\n"+
		"Residents of the riverside flats were told to keep their windows shut until Monday.")
	r := Compare([]*loader.Article{a, b, c})
	if len(r.Copies) != 1 || !reflect.DeepEqual(r.Copies[0], []string{"ap-courier", "ap-herald"}) {
		t.Fatalf("copies: got %v, want the two wire runs together", r.Copies)
	}
	found := false
	for _, ag := range r.Agreements {
		if strings.Contains(ag.Value, "14") && len(ag.Sources) == 3 {
			found = true
			if ag.Origins != 2 {
				t.Errorf("14 injured agreed by %v: %d origins, want 2", ag.Sources, ag.Origins)
			}
		}
	}
	if !found {
		t.Errorf("no agreement of the three sources on 14 injured: %+v", r.Agreements)
	}
}

func TestFNV64a(t *testing.T) {
	for _, s := range []string{"", "a", "militia", "kata'ib", "Ünïcödé"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		if got, want := fnv64a(s), h.Sum64(); got != want {
			t.Errorf("fnv64a(%q) = %x, hash/fnv says %x", s, got, want)
		}
	}
}

// An undated report's toll of an earlier quake ("in December 2003 ... more
// than 31,000 people were killed") is background once the other reports say
// the year is 2005: not a count of this quake's dead.
func TestUndatedBackgroundYear(t *testing.T) {
	dated := func(id, day, text string) *loader.Article {
		return article(id, "Quake in southern Iran\n\nPublished: November "+day+", 2005\n\n"+text)
	}
	r := Compare([]*loader.Article{
		dated("a", "27", "A 5.9 magnitude earthquake struck Qeshm island on Sunday, and 10 people were killed in the quake."),
		dated("b", "28", "The Qeshm island earthquake on Sunday killed 10 people, officials said."),
		article("c", "The Qeshm island earthquake on Sunday killed 10 people.\n\n"+
			"Iranians still remember the Bam earthquake of December 2003, in which more than 31,000 people were killed."),
	})
	for _, d := range r.Discrepancies {
		if d.Kind == KindNumber {
			t.Errorf("an earlier quake's toll taken for this one's: %s", d.Summary)
		}
	}
	found := false
	for _, f := range r.Facts {
		if f.Kind == FactQuantity && strings.Contains(f.Text, "31,000") {
			found = true
			if !f.Background {
				t.Errorf("%q is not marked as background", f.Text)
			}
		}
	}
	if !found {
		t.Error("the 31,000 count was not read at all")
	}
}

// A long article read paragraph by paragraph on every core gives the facts,
// mentions, claims and roles it gives read in one goroutine: the seeds'
// bodies, twice, joined into one article of over a hundred paragraphs.
func TestLongArticleReadOnEveryCore(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("Date: 2024-03-01\n\n")
	for range 2 {
		for _, a := range seedArticles(t) {
			for _, p := range a.Paragraphs {
				if p.Kind == loader.KindBody {
					sb.WriteString(p.Text + "\n\n")
				}
			}
		}
	}
	long := article("long", sb.String())
	if n := len(long.Paragraphs); n < 100 {
		t.Fatalf("the long article has %d paragraphs, want 100 or more", n)
	}
	read := func(from int) read {
		old := parallelParagraphs
		defer func() { parallelParagraphs = old }()
		parallelParagraphs = from
		c := newComparison([]*loader.Article{long}, Options{})
		prepareStage(c)
		return <-c.reading
	}
	serial, par := read(1<<30), read(1)
	if len(serial.facts[0]) != 1 || len(par.facts[0]) < 2 {
		t.Fatalf("the facts are read in %d and %d pieces, want one and more", len(serial.facts[0]), len(par.facts[0]))
	}
	// The same facts, whatever the pieces.
	serial.facts[0] = [][]Fact{slices.Concat(serial.facts[0]...)}
	par.facts[0] = [][]Fact{slices.Concat(par.facts[0]...)}
	if !reflect.DeepEqual(serial, par) {
		t.Fatal("the long article's facts differ read on every core")
	}
	if len(serial.facts[0][0]) < 100 || len(serial.mentions[0]) < 100 || len(serial.claims[0]) < 100 {
		t.Fatalf("only %d facts, %d mentions and %d claims read: the test reads too little", len(serial.facts[0][0]), len(serial.mentions[0]), len(serial.claims[0]))
	}
}

// TestKeptBoundsGiveTheWords checks that the words made again from their
// bounds after the readers let the tokens go (keepBounds, sentenceToks)
// are the words prepare split, on the seeds and on a text of the words
// fold treats apart: capitals, other letters, apostrophes, periods.
func TestKeptBoundsGiveTheWords(t *testing.T) {
	arts := append(seedArticles(t), article("marks", "Date: 2024-03-01\n\n"+
		"The U.S. envoy met İstanbul's mayor, Kata’ib Hezbollah's ÉLAN and O'Brien in 2,500 B.C. ÅSA-backed.\n\n"+
		"ÜBER-LONG Straße, ΣΟΦΙΑ and Ørsted said 5.9 per cent.\n"))
	units := prepare(arts)
	for _, u := range units {
		want := make([][]token, len(u.sents))
		for k := range u.sents {
			want[k] = slices.Clone(u.sents[k].toks)
		}
		u.keepBounds()
		for k, s := range u.sents {
			if s.toks != nil {
				t.Fatalf("%v sentence %d: tokens kept", u.ref, k)
			}
			got := u.sentenceToks(k, nil)
			if len(got) != len(want[k]) || (len(got) > 0 && !reflect.DeepEqual(got, want[k])) {
				t.Fatalf("%v sentence %d: words %v, want %v", u.ref, k, got, want[k])
			}
		}
	}
}
