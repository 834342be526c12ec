package compare

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

func TestZZSpeakers(t *testing.T) {
	path := os.Getenv("ZZFILE")
	if path == "" {
		t.Skip()
	}
	grep := os.Getenv("ZZGREP")
	res, err := loader.Load(context.Background(), []string{path}, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Articles[0]
	us := prepareArticle(a, 0, stemmer{})
	byPara := map[int]*unit{}
	for _, u := range us {
		byPara[u.ref.Paragraph] = u
	}
	who := newAttributor()
	cont := false
	for _, p := range a.Paragraphs {
		if p.Kind != loader.KindBody {
			continue
		}
		qs := quotations(p.Text, cont)
		cont = len(qs) > 0 && qs[len(qs)-1].open
		var sents []sentence
		if u := byPara[p.Index]; u != nil {
			sents = u.sents
		}
		at := who.paragraph(p, sents, qs)
		for i, q := range qs {
			if grep == "" || strings.Contains(p.Text, grep) {
				t.Logf("¶%d %q → %q via %q  [subj %q last %q]", p.Index, q.words[:min(50, len(q.words))], at[i].speaker, at[i].via, who.subject, who.last)
			}
		}
	}
}

func TestZZSents(t *testing.T) {
	path := os.Getenv("ZZFILE")
	if path == "" {
		t.Skip()
	}
	res, _ := loader.Load(context.Background(), []string{path}, loader.Options{})
	for _, p := range res.Articles[0].Paragraphs {
		for i := range p.Sentences {
			t.Logf("¶%d.%d %q", p.Index, i, p.SentenceText(i))
		}
	}
}

func TestZZBefore(t *testing.T) {
	text := `"I wish this was the greatest place in the world," Trump said, but he also said jobs are disappearing in the United States and that Obama has given the country "a terrible presidency."`
	a := newAttributor()
	a.people[nameKey("Trump")] = "Donald Trump"
	qs := quotations(text, false)
	plain := outsideQuotes(text, qs)
	s := sentence{span: loader.Sentence{Start: 0, End: len(text)}, toks: words(text)}
	t.Logf("%+v", a.before(plain, s, qs[1], qs))
	ctx := plain[qs[0].end:qs[1].start]
	for _, tk := range words(ctx) {
		t.Logf("%q rv=%v cue=%v", tk.text, reportVerbs()[tk.folded], cueVerbs[tk.folded])
	}
}

func TestZZQuotePair(t *testing.T) {
	ev := os.Getenv("ZZEV")
	if ev == "" {
		t.Skip()
	}
	dir := "/work/shared/eval/news-dev/" + ev + "/"
	res, _ := loader.Load(context.Background(), []string{dir + "fox.txt", dir + "huffpost.txt", dir + "nyt.txt"}, loader.Options{})
	r := Compare(res.Articles)
	pat := os.Getenv("ZZGREP")
	var qs []Fact
	for _, f := range r.Facts {
		if f.Kind == FactQuote && strings.Contains(f.Quote.Words, pat) {
			qs = append(qs, f)
			t.Logf("%s %s ¶%d [%s | via %s] %q", f.ID, f.Span.Source, f.Span.Paragraph, f.Quote.Speaker, f.Quote.Via, f.Quote.Words)
		}
	}
	for i := range qs {
		for j := i + 1; j < len(qs); j++ {
			a, b := formTokens(qs[i].Quote.Words), formTokens(qs[j].Quote.Words)
			same, ex, fs := formMatch(a, b)
			t.Logf("%s~%s same=%v excerpt=%v forms=%v run=%d/%d,%d", qs[i].ID, qs[j].ID, same, ex, fs, commonRun(a, b), contentLen(a), contentLen(b))
		}
	}
}

func TestZZForm(t *testing.T) {
	a := os.Getenv("ZZA")
	if a == "" {
		t.Skip()
	}
	b := os.Getenv("ZZB")
	fa, fb := formTokens(a), formTokens(b)
	same, ex, fs := formMatch(fa, fb)
	t.Logf("same=%v excerpt=%v forms=%v\n%+v\n%+v", same, ex, fs, fa, fb)
}

func TestZZUnits(t *testing.T) {
	ev := os.Getenv("ZZEV")
	if ev == "" {
		t.Skip()
	}
	dir := "/work/shared/eval/news-dev/" + ev + "/"
	res, _ := loader.Load(context.Background(), []string{dir + "fox.txt", dir + "huffpost.txt", dir + "nyt.txt"}, loader.Options{})
	c := newComparison(res.Articles, Options{})
	for _, s := range stages[:3] {
		s.run(c)
	}
	var qs []Fact
	for _, f := range c.res.Facts {
		if f.Kind == FactQuote {
			qs = append(qs, f)
		}
	}
	us := quoteUnits(qs, c.between)
	pat := os.Getenv("ZZGREP")
	var sel []int
	for i, u := range us {
		if strings.Contains(u.words, pat) {
			sel = append(sel, i)
			t.Logf("u%d %s %v [%s|%s|%s] %q", i, u.source, u.facts, u.speaker, u.via, u.occasion, u.words)
		}
	}
	for x, i := range sel {
		for _, j := range sel[x+1:] {
			same, ex, fs := formMatch(formTokens(us[i].words), formTokens(us[j].words))
			t.Logf("u%d~u%d same=%v ex=%v %v", i, j, same, ex, fs)
		}
	}
}

func TestZZCluster(t *testing.T) {
	name := os.Getenv("ZZCLUSTER")
	if name == "" {
		t.Skip()
	}
	res, _ := loader.Load(context.Background(), []string{evalDir + "/" + name + "/articles"}, loader.Options{})
	r := Compare(res.Articles)
	pat := os.Getenv("ZZGREP")
	for _, f := range r.Facts {
		if f.Kind == FactQuantity && strings.Contains(f.Key, pat) {
			t.Logf("F %s ¶%d %q → %s [%s] bg=%v topic=%s", f.Span.Source, f.Span.Paragraph, f.Text, f.Value, f.Key, f.Background, f.Topic)
		}
	}
	for _, d := range r.Discrepancies {
		if d.Kind == KindNumber {
			t.Logf("D %s %s", d.Severity, d.Summary)
		}
	}
}
