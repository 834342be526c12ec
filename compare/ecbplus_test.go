package compare

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// The ECB+ development clusters (../shared/eval/ecbplus-dev): real news
// grouped by event, with human sentence alignments. See that folder's README
// for the loose and strict rules.

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
	topic     string // the ECB+ topic number: its ecb and ecbplus clusters share one
	arts      []*loader.Article
	docs      map[string]evalDoc
	validated []pkey // validated sentences that are body text, as (doc, sid)
	loose     map[[2]pkey]bool
	strict    map[[2]pkey]bool
	sidOf     map[pkey]int // (doc, paragraph index) → sid
	excluded  int          // validated sentences that are not body text
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
	slices.Sort(dirs)
	var out []*evalCluster
	for _, dir := range dirs {
		name := filepath.Base(dir)
		topic, _, _ := strings.Cut(name, "_")
		c := &evalCluster{name: name, topic: topic, loose: map[[2]pkey]bool{}, strict: map[[2]pkey]bool{}}
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
		// text: headlines and datelines are outside the alignment by design,
		// and are left out for the baseline too.
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
		slices.SortFunc(c.validated, func(a, b pkey) int {
			if a.doc != b.doc {
				return strings.Compare(a.doc, b.doc)
			}
			return a.sid - b.sid
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

func byID(arts []*loader.Article, id string) *loader.Article {
	for _, a := range arts {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// mapSentences finds each annotated sentence's paragraph in the loaded
// article: the corpus numbers sentences from 0 in some clusters and from 1 in
// others, so the text decides.
func (c *evalCluster) mapSentences() {
	c.sidOf = map[pkey]int{}
	for doc, d := range c.docs {
		a := byID(c.arts, doc)
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

// evalPair is one pair of validated body sentences of a cluster, with its
// gold labels.
type evalPair struct {
	key           [2]pkey
	loose, strict bool
}

// pairs lists the validated pairs of different articles.
func (c *evalCluster) pairs() []evalPair {
	var out []evalPair
	for i, a := range c.validated {
		for _, b := range c.validated[i+1:] {
			if a.doc != b.doc {
				k := pairKey(a, b)
				out = append(out, evalPair{k, c.loose[k], c.strict[k]})
			}
		}
	}
	return out
}

// unitKey names a unit by its (doc, sid), when it is an annotated sentence.
func (c *evalCluster) unitKey(u *unit) (pkey, bool) {
	sid, ok := c.sidOf[pkey{u.ref.Source, u.ref.Paragraph}]
	return pkey{u.ref.Source, sid}, ok
}

// engineFeatures runs the engine's preparation and candidate search on the
// cluster and returns the features of every candidate pair, by gold key.
func (c *evalCluster) engineFeatures() map[[2]pkey]pairFeatures {
	us := prepare(c.arts)
	ix := buildIndex(us)
	ix.vectorise(us)
	out := map[[2]pkey]pairFeatures{}
	var mu sync.Mutex
	candidates(us, ix, 0, func(_ int, p *pair) {
		a, okA := c.unitKey(us[p.i])
		b, okB := c.unitKey(us[p.j])
		if okA && okB {
			mu.Lock()
			out[pairKey(a, b)] = p.f
			mu.Unlock()
		}
	})
	return out
}

// baselineScores is a plain TF-IDF cosine over the cluster's sentences (lower
// case words, stop words out, no stemming, no weights), one score per
// validated pair.
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
	for _, p := range c.pairs() {
		a, b := vecs[p.key[0]], vecs[p.key[1]]
		if len(a) > len(b) {
			a, b = b, a
		}
		s := 0.0
		for t, v := range a {
			s += v * b[t]
		}
		out[p.key] = s
	}
	return out
}

// scored is a pair's score with its gold labels, for curves.
type scored struct {
	score         float64
	loose, strict bool
	cluster       int
}

// curve is a precision-recall curve over pooled pairs: one point per
// distinct score, from the highest.
type curve []prPoint

type prPoint struct {
	threshold, precision, recall float64
	tp, fp, fn                   int
}

// prCurve sorts the pairs by score and sweeps the threshold. Pairs at
// -Inf (never scored) are never predicted.
func prCurve(ps []scored, strict bool) curve {
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(a, b scored) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	pos := 0
	for _, p := range ps {
		if p.label(strict) {
			pos++
		}
	}
	var out curve
	tp, fp := 0, 0
	for i, p := range ps {
		if math.IsInf(p.score, -1) {
			break
		}
		if p.label(strict) {
			tp++
		} else {
			fp++
		}
		if i+1 < len(ps) && ps[i+1].score == p.score {
			continue
		}
		out = append(out, prPoint{threshold: p.score, precision: float64(tp) / float64(tp+fp),
			recall: float64(tp) / float64(max(1, pos)), tp: tp, fp: fp, fn: pos - tp})
	}
	return out
}

func (p scored) label(strict bool) bool {
	if strict {
		return p.strict
	}
	return p.loose
}

// precisionAt is the interpolated precision at recall r: the best precision
// of any threshold that reaches r (0 when none does).
func (c curve) precisionAt(r float64) float64 {
	best := 0.0
	for _, p := range c {
		if p.recall >= r-1e-12 {
			best = math.Max(best, p.precision)
		}
	}
	return best
}

// recallAt is the best recall of any threshold whose precision is at least p.
func (c curve) recallAt(p float64) float64 {
	best := 0.0
	for _, pt := range c {
		if pt.precision >= p-1e-12 {
			best = math.Max(best, pt.recall)
		}
	}
	return best
}

// maxRecall is the recall of the lowest threshold.
func (c curve) maxRecall() float64 {
	if len(c) == 0 {
		return 0
	}
	return c[len(c)-1].recall
}

// bestF1 is the curve's best F1 and its point.
func (c curve) bestF1() (float64, prPoint) {
	best, at := 0.0, prPoint{}
	for _, p := range c {
		if f := f1(p.precision, p.recall); f > best {
			best, at = f, p
		}
	}
	return best, at
}

// at is the point of the curve at a threshold: the lowest threshold at or
// above it.
func (c curve) at(th float64) prPoint {
	out := prPoint{}
	for _, p := range c {
		if p.threshold >= th {
			out = p
		}
	}
	return out
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// table prints ten points of a curve: the interpolated precision at ten
// recalls, the last the highest recall the baseline reaches.
func table(name string, c curve, recalls []float64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-28s", name)
	for _, r := range recalls {
		fmt.Fprintf(&b, " %.3f", c.precisionAt(r))
	}
	return b.String()
}
