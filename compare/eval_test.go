package compare

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// The evaluation on ../shared/eval/ecbplus-dev: real news clusters with
// human sentence alignments. See that folder's README for the two rules.

const evalDir = "../../shared/eval/ecbplus-dev"

type evalDoc struct {
	Sentences []struct {
		Sid       int    `json:"sid"`
		Text      string `json:"text"`
		Validated bool   `json:"validated"`
	} `json:"sentences"`
}

type goldPair struct {
	DocA   string            `json:"doc_a"`
	SidA   int               `json:"sid_a"`
	DocB   string            `json:"doc_b"`
	SidB   int               `json:"sid_b"`
	Events map[string]string `json:"events"`
}

// evalCluster is one cluster ready to score.
type evalCluster struct {
	name      string
	arts      []*loader.Article
	docs      map[string]evalDoc
	validated []pkey // validated sentences, as (doc, sid)
	loose     map[[2]pkey]bool
	strict    map[[2]pkey]bool
	sidOf     map[pkey]int // (doc, paragraph index) → sid
	excluded  int          // validated sentences that are not body text
}

func byID(arts []*loader.Article, id string) *loader.Article {
	for _, a := range arts {
		if a.ID == id {
			return a
		}
	}
	return nil
}

type pkey struct {
	doc string
	sid int
}

func pairKey(a, b pkey) [2]pkey {
	if b.doc < a.doc || b.doc == a.doc && b.sid < a.sid {
		a, b = b, a
	}
	return [2]pkey{a, b}
}

func loadEval(t testing.TB) []*evalCluster {
	dirs, _ := filepath.Glob(filepath.Join(evalDir, "*_ecb*"))
	if len(dirs) == 0 {
		t.Skip("no ../shared/eval/ecbplus-dev")
	}
	sort.Strings(dirs)
	var out []*evalCluster
	for _, dir := range dirs {
		c := &evalCluster{name: filepath.Base(dir), loose: map[[2]pkey]bool{}, strict: map[[2]pkey]bool{}}
		res, err := loader.Load(context.Background(), []string{filepath.Join(dir, "articles")}, loader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		c.arts = res.Articles
		readJSON(t, filepath.Join(dir, "docs.json"), &c.docs)
		var gold []goldPair
		readJSON(t, filepath.Join(dir, "gold_alignments.json"), &gold)
		c.mapSentences()
		// The universe is the validated sentences the loader reads as body
		// text: headlines and datelines are outside the engine's alignment
		// by design, and are left out for the baseline too.
		body := map[pkey]bool{}
		for k, sid := range c.sidOf {
			if a := byID(c.arts, k.doc); a != nil && a.Paragraphs[k.sid].Kind == loader.KindBody {
				body[pkey{k.doc, sid}] = true
			}
		}
		for doc, d := range c.docs {
			for _, s := range d.Sentences {
				if s.Validated {
					if body[pkey{doc, s.Sid}] {
						c.validated = append(c.validated, pkey{doc, s.Sid})
					} else {
						c.excluded++
					}
				}
			}
		}
		sort.Slice(c.validated, func(i, j int) bool {
			a, b := c.validated[i], c.validated[j]
			return a.doc < b.doc || a.doc == b.doc && a.sid < b.sid
		})
		// The main event: the chain most pairs share.
		freq := map[string]int{}
		for _, g := range gold {
			for chain := range g.Events {
				freq[chain]++
			}
		}
		main, best := "", -1
		for chain, n := range freq {
			if n > best || n == best && chain < main {
				main, best = chain, n
			}
		}
		for _, g := range gold {
			k := pairKey(pkey{g.DocA, g.SidA}, pkey{g.DocB, g.SidB})
			c.loose[k] = true
			for chain := range g.Events {
				if chain != main {
					c.strict[k] = true
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// mapSentences finds each annotated sentence's paragraph in the loaded
// article: the corpus numbers sentences from 0 in some clusters and from 1 in
// others, so the text decides.
func (c *evalCluster) mapSentences() {
	c.sidOf = map[pkey]int{}
	byID := map[string]*loader.Article{}
	for _, a := range c.arts {
		byID[a.ID] = a
	}
	for doc, d := range c.docs {
		a := byID[doc]
		if a == nil {
			continue
		}
		next := 0
		for _, s := range d.Sentences {
			want := foldText(s.Text)
			for i := next; i < len(a.Paragraphs); i++ {
				if foldText(a.Paragraphs[i].Text) == want {
					c.sidOf[pkey{doc, i}] = s.Sid
					next = i + 1
					break
				}
			}
		}
	}
}

func readJSON(t testing.TB, path string, v any) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

type prf struct{ tp, fp, fn int }

func (s prf) String() string {
	p := float64(s.tp) / math.Max(1, float64(s.tp+s.fp))
	r := float64(s.tp) / math.Max(1, float64(s.tp+s.fn))
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f", p, r, f)
}

func (s prf) f1() float64 {
	p := float64(s.tp) / math.Max(1, float64(s.tp+s.fp))
	r := float64(s.tp) / math.Max(1, float64(s.tp+s.fn))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// score counts predicted pairs against the gold over all pairs of validated
// sentences from different articles.
func (c *evalCluster) score(pred map[[2]pkey]bool, gold map[[2]pkey]bool, s *prf) {
	for i, a := range c.validated {
		for _, b := range c.validated[i+1:] {
			if a.doc == b.doc {
				continue
			}
			k := pairKey(a, b)
			switch {
			case pred[k] && gold[k]:
				s.tp++
			case pred[k]:
				s.fp++
			case gold[k]:
				s.fn++
			}
		}
	}
}

// enginePairs runs the engine's alignment on a cluster and returns the linked
// pairs as (doc, sid); in ECB+ a paragraph is a sentence, so sid is the
// paragraph index.
func (c *evalCluster) enginePairs() map[[2]pkey]bool {
	ss := prepare(c.arts)
	ix := buildIndex(ss)
	ix.vectorise(ss)
	pred := map[[2]pkey]bool{}
	for _, l := range link(ss, ix) {
		a, okA := c.sidOf[pkey{l.A.Source, l.A.Paragraph}]
		b, okB := c.sidOf[pkey{l.B.Source, l.B.Paragraph}]
		if okA && okB {
			pred[pairKey(pkey{l.A.Source, a}, pkey{l.B.Source, b})] = true
		}
	}
	return pred
}

// baselineScores is plain TF-IDF cosine over the validated sentences (lower
// case words, stop words out, no stemming, no weights), one score per pair.
func (c *evalCluster) baselineScores() map[[2]pkey]float64 {
	vecs := map[pkey]map[string]float64{}
	df := map[string]int{}
	for doc, d := range c.docs {
		for _, s := range d.Sentences {
			tf := map[string]float64{}
			for _, w := range words(s.Text) {
				f := strings.ToLower(w.text)
				if !isStop(f) {
					tf[f]++
				}
			}
			for t := range tf {
				df[t]++
			}
			vecs[pkey{doc, s.Sid}] = tf
		}
	}
	n := float64(len(vecs))
	for _, v := range vecs {
		norm := 0.0
		for t, tf := range v {
			v[t] = tf * (math.Log((n+1)/float64(df[t]+1)) + 1)
			norm += v[t] * v[t]
		}
		for t := range v {
			v[t] /= math.Sqrt(norm)
		}
	}
	out := map[[2]pkey]float64{}
	for i, a := range c.validated {
		for _, b := range c.validated[i+1:] {
			if a.doc != b.doc {
				out[pairKey(a, b)] = cosine(vecs[a], vecs[b])
			}
		}
	}
	return out
}

// engineScores is the engine's alignment score for every pair of validated
// sentences (paragraph level: the best score of their sentences).
func (c *evalCluster) engineScores() map[[2]pkey]float64 {
	ss := prepare(c.arts)
	ix := buildIndex(ss)
	ix.vectorise(ss)
	out := map[[2]pkey]float64{}
	for i, a := range ss {
		for _, b := range ss[i+1:] {
			if a.src == b.src {
				continue
			}
			sa, okA := c.sidOf[pkey{a.ref.Source, a.ref.Paragraph}]
			sb, okB := c.sidOf[pkey{b.ref.Source, b.ref.Paragraph}]
			if !okA || !okB {
				continue
			}
			k := pairKey(pkey{a.ref.Source, sa}, pkey{b.ref.Source, sb})
			out[k] = math.Max(out[k], cosine(a.vec, b.vec))
		}
	}
	return out
}

// TestAlignmentECBPlus measures topic alignment on the ECB+ development
// clusters under both rules of their README, against a plain TF-IDF cosine
// baseline at its best threshold. It reports the engine at its product
// threshold (the links it keeps) and its score at its own best threshold,
// which compares ranking quality with the baseline on equal terms.
func TestAlignmentECBPlus(t *testing.T) {
	clusters := loadEval(t)
	var loose, strict prf
	var baseScores, engScores []map[[2]pkey]float64
	excluded, kept := 0, 0
	for _, c := range clusters {
		excluded += c.excluded
		kept += len(c.validated)
		pred := c.enginePairs()
		c.score(pred, c.loose, &loose)
		c.score(pred, c.strict, &strict)
		baseScores = append(baseScores, c.baselineScores())
		engScores = append(engScores, c.engineScores())
	}
	bestFor := func(scores []map[[2]pkey]float64, rule func(*evalCluster) map[[2]pkey]bool) (prf, float64) {
		var best prf
		bestT := 0.0
		for th := 0.01; th < 0.9; th += 0.01 {
			var s prf
			for i, c := range clusters {
				pred := map[[2]pkey]bool{}
				for k, v := range scores[i] {
					if v >= th {
						pred[k] = true
					}
				}
				c.score(pred, rule(c), &s)
			}
			if s.f1() > best.f1() {
				best, bestT = s, th
			}
		}
		return best, bestT
	}
	looseRule := func(c *evalCluster) map[[2]pkey]bool { return c.loose }
	strictRule := func(c *evalCluster) map[[2]pkey]bool { return c.strict }
	baseLoose, bl := bestFor(baseScores, looseRule)
	baseStrict, bs := bestFor(baseScores, strictRule)
	engLoose, el := bestFor(engScores, looseRule)
	engStrict, es := bestFor(engScores, strictRule)
	t.Logf("%d validated body sentences in %d clusters (%d validated headlines and datelines left out)", kept, len(clusters), excluded)
	t.Logf("loose rule:  engine links (threshold %.2f) %v", linkThreshold, loose)
	t.Logf("loose rule:  engine score at best threshold %.2f: %v | TF-IDF baseline at best %.2f: %v", el, engLoose, bl, baseLoose)
	t.Logf("strict rule: engine links (threshold %.2f) %v", linkThreshold, strict)
	t.Logf("strict rule: engine score at best threshold %.2f: %v | TF-IDF baseline at best %.2f: %v", es, engStrict, bs, baseStrict)
	if engLoose.f1() < baseLoose.f1() {
		t.Errorf("loose rule: engine F1 %.3f falls below the baseline's %.3f", engLoose.f1(), baseLoose.f1())
	}
	// How sure the strict lead is: clusters drawn again with replacement
	// (a paired bootstrap, fixed seed), each method at its threshold above.
	perCluster := func(scores []map[[2]pkey]float64, th float64) []prf {
		out := make([]prf, len(clusters))
		for i, c := range clusters {
			pred := map[[2]pkey]bool{}
			for k, v := range scores[i] {
				if v >= th {
					pred[k] = true
				}
			}
			c.score(pred, c.strict, &out[i])
		}
		return out
	}
	engC, baseC := perCluster(engScores, es), perCluster(baseScores, bs)
	rng := rand.New(rand.NewPCG(1, 2))
	const draws = 2000
	ahead := 0
	var gains []float64
	for range draws {
		var e, b prf
		for range clusters {
			k := rng.IntN(len(clusters))
			e.tp, e.fp, e.fn = e.tp+engC[k].tp, e.fp+engC[k].fp, e.fn+engC[k].fn
			b.tp, b.fp, b.fn = b.tp+baseC[k].tp, b.fp+baseC[k].fp, b.fn+baseC[k].fn
		}
		if e.f1() > b.f1() {
			ahead++
		}
		gains = append(gains, e.f1()-b.f1())
	}
	sort.Float64s(gains)
	t.Logf("strict rule: engine ahead in %.1f%% of %d cluster resamples; gain in F1 %.3f (95%% interval %.3f to %.3f)",
		100*float64(ahead)/draws, draws, engStrict.f1()-baseStrict.f1(), gains[draws*25/1000], gains[draws*975/1000])
	// The issue asks to beat the baseline clearly under the strict rule: by
	// two points of F1 at least (the engine is 3.2 ahead when this was
	// written), so that a change that gives the lead back is caught.
	if engStrict.f1() < baseStrict.f1()+0.02 {
		t.Errorf("strict rule: engine F1 %.3f is not clearly above the baseline's %.3f", engStrict.f1(), baseStrict.f1())
	}
}
