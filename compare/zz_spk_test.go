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
