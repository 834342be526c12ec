package compare

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// The pair scorer's training command:
//
//	go test ./compare -run TestFitPairModel -fit
//
// fits the weights on the ECB+ development clusters, measures them by
// cluster-wise cross-validation (each ECB+ topic held out in turn, its two
// clusters together, so that no fold sees its own event), chooses the link
// threshold on the held-out scores, and writes model.json.
// strictShare is the share of the ranking's training pairs drawn from the
// strict split (a secondary event shared or not); the rest come from the
// loose split (any event shared or none). Held out, 0.3 gave loose F1
// 0.821 at the shipped gain, 0.4 0.880 (but its curve under the baseline's
// at two recalls), 0.6 0.880, 0.7 0.877; 0.5 gives 0.880.
const strictShare = 0.5

// minGain is the strict recall the shipped point must gain over the
// baseline at the same precision (issue 11).
const minGain = 0.05

var fitModel = flag.Bool("fit", false, "fit the pair scorer on ECB+ dev and write model.json")

// fitPair is one training pair: its transformed features and labels.
type fitPair struct {
	x             []float64
	loose, strict bool
	topic         string
	cluster       int
	key           [2]pkey
}

// level orders pairs for ranking: a shared secondary event above a shared
// main event above nothing shared.
func (p fitPair) level() int {
	switch {
	case p.strict:
		return 2
	case p.loose:
		return 1
	}
	return 0
}

// fitData is every validated pair of the clusters with its engine features
// (pairs that are no candidate have none: never linked) and baseline score.
type fitData struct {
	pairs     []fitPair // candidates
	all       []scored  // every validated pair, its score filled by a model
	candidate []int     // per all[k], its index in pairs, or -1
	baseline  []scored
	clusters  []*evalCluster
}

func loadFitData(t testing.TB) *fitData {
	d := &fitData{clusters: loadEval(t)}
	for ci, c := range d.clusters {
		feats := c.engineFeatures()
		base := c.baselineScores()
		for _, p := range c.pairs() {
			bsc := base[p.key]
			if bsc == 0 {
				bsc = math.Inf(-1) // no word shared: the cosine says nothing
			}
			d.baseline = append(d.baseline, scored{score: bsc, loose: p.loose, strict: p.strict, cluster: ci})
			d.all = append(d.all, scored{loose: p.loose, strict: p.strict, cluster: ci})
			f, ok := feats[p.key]
			if !ok {
				d.candidate = append(d.candidate, -1)
				continue
			}
			v := f.values()
			x := v[:]
			d.candidate = append(d.candidate, len(d.pairs))
			d.pairs = append(d.pairs, fitPair{x: x, loose: p.loose, strict: p.strict, topic: c.topic, cluster: ci, key: p.key})
		}
	}
	return d
}

// trainRanking fits weights w so that w·x orders pairs by level: stochastic
// gradient descent on the logistic loss of pairwise differences, the pairs
// drawn half from (secondary event, not) and half from (any event, none), a
// fixed seed making it repeatable.
func trainRanking(ps []fitPair) []float64 {
	var byLevel [3][]int
	for i, p := range ps {
		byLevel[p.level()] = append(byLevel[p.level()], i)
	}
	hiStrict, loStrict := byLevel[2], append(slices.Clone(byLevel[0]), byLevel[1]...)
	hiLoose, loLoose := append(slices.Clone(byLevel[1]), byLevel[2]...), byLevel[0]
	w := make([]float64, len(features))
	if len(hiStrict) == 0 || len(loLoose) == 0 {
		return w
	}
	rng := rand.New(rand.NewPCG(7, 11))
	const (
		rate = 0.05
		l2   = 1e-4
	)
	steps := 160 * len(hiStrict)
	// The weights returned are the mean of the iterates over the second
	// half of the steps (Polyak averaging): a fixed rate leaves the last
	// iterate wandering with the last pairs drawn, the mean does not. The
	// last iterate gave held-out loose F1 0.878 at gain 0.050, the mean
	// 0.880 at 0.052.
	avg := make([]float64, len(features))
	for step := range steps {
		var a, b int
		if rng.Float64() < strictShare {
			a, b = hiStrict[rng.IntN(len(hiStrict))], loStrict[rng.IntN(len(loStrict))]
		} else {
			a, b = hiLoose[rng.IntN(len(hiLoose))], loLoose[rng.IntN(len(loLoose))]
		}
		z := 0.0
		for k := range w {
			z += w[k] * (ps[a].x[k] - ps[b].x[k])
		}
		g := -1 / (1 + math.Exp(math.Max(-30, math.Min(30, z))))
		for k := range w {
			w[k] -= rate * (g*(ps[a].x[k]-ps[b].x[k]) + l2*w[k])
		}
		if step >= steps/2 {
			for k := range w {
				avg[k] += w[k]
			}
		}
	}
	for k := range avg {
		avg[k] /= float64(steps - steps/2)
	}
	return avg
}

// fitScale fits p = σ(a·s + b) to the loose labels (Newton's method on the
// log-likelihood, pair i weighing weight[i]), so that a ranking score reads
// as a chance.
func fitScale(raw []float64, loose []bool, weight []float64) (a, b float64) {
	a, b = 1, 0
	for range 50 {
		var ga, gb, haa, hab, hbb float64
		for i, s := range raw {
			p := 1 / (1 + math.Exp(-(a*s + b)))
			y := 0.0
			if loose[i] {
				y = 1
			}
			c := weight[i]
			ga += c * (p - y) * s
			gb += c * (p - y)
			w := c * p * (1 - p)
			haa += w * s * s
			hab += w * s
			hbb += w
		}
		det := haa*hbb - hab*hab
		if det <= 1e-12 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		a, b = a-da, b-db
		if math.Abs(da)+math.Abs(db) < 1e-9 {
			break
		}
	}
	return a, b
}

// fitModelOn fits the weights and the scale on some pairs.
func fitModelOn(ps []fitPair) *model {
	w := trainRanking(ps)
	m := &model{Weights: w}
	for _, f := range features {
		m.Features = append(m.Features, f.name)
	}
	raw := make([]float64, len(ps))
	loose := make([]bool, len(ps))
	for i, p := range ps {
		raw[i], loose[i] = dotX(w, p.x), p.loose
	}
	m.Scale, m.Bias = fitScale(raw, loose, topicWeights(ps))
	return m
}

// topicWeights weighs each pair so that every ECB+ topic weighs the same in
// the scale's fit, whatever its number of pairs: the topics differ tenfold
// in size, and one held 59% of the pairs that share no event, which then
// set the chance a score reads as for all. The held-out scores of the
// folds are pooled, so each fold's scale must read alike: with every pair
// weighing the same, the held-out curve fell under the baseline's at 7 of
// its 10 recalls and the loose F1 at the shipped gain to 0.658 (0.880
// with the topics weighing the same).
func topicWeights(ps []fitPair) []float64 {
	per := map[string]int{}
	for _, p := range ps {
		per[p.topic]++
	}
	out := make([]float64, len(ps))
	for i, p := range ps {
		out[i] = float64(len(ps)) / float64(len(per)*per[p.topic])
	}
	return out
}

func dotX(w, x []float64) float64 {
	s := 0.0
	for k := range w {
		s += w[k] * x[k]
	}
	return s
}

func (m *model) scoreX(x []float64) float64 {
	return 1 / (1 + math.Exp(-(m.Scale*dotX(m.Weights, x) + m.Bias)))
}

// scoresOf fills every validated pair's score under per-pair models (one
// model for all, or the held-out fold's).
func (d *fitData) scoresOf(modelFor func(p fitPair) *model) []scored {
	out := slices.Clone(d.all)
	for k := range out {
		i := d.candidate[k]
		if i < 0 {
			out[k].score = math.Inf(-1)
			continue
		}
		out[k].score = modelFor(d.pairs[i]).scoreX(d.pairs[i].x)
	}
	return out
}

// crossValidated scores every pair by the model fitted without its topic.
func (d *fitData) crossValidated() []scored {
	models := map[string]*model{}
	for _, p := range d.pairs {
		if _, ok := models[p.topic]; ok {
			continue
		}
		var train []fitPair
		for _, q := range d.pairs {
			if q.topic != p.topic {
				train = append(train, q)
			}
		}
		models[p.topic] = fitModelOn(train)
	}
	return d.scoresOf(func(p fitPair) *model { return models[p.topic] })
}

// operatingPoint is a threshold with what it gives under both rules.
type operatingPoint struct {
	Threshold      float64 `json:"threshold"`
	StrictP        float64 `json:"strict_precision"`
	StrictR        float64 `json:"strict_recall"`
	BaselineR      float64 `json:"baseline_recall_at_that_precision"`
	Gain           float64 `json:"strict_recall_gain"`
	LooseF1        float64 `json:"loose_f1"`
	BaselineLoose  float64 `json:"baseline_best_loose_f1"`
	BaselineStrict float64 `json:"baseline_best_strict_f1"`
}

// chooseThreshold is the shipping rule: of the thresholds at which the
// strict recall gains at least minGain over the baseline's at the same
// precision, the one of highest loose F1 (the lowest of them: the loose F1
// rises as the threshold falls); failing any, the one of largest gain.
func chooseThreshold(eng, base []scored) operatingPoint {
	es, el := prCurve(eng, true), prCurve(eng, false)
	bs, bl := prCurve(base, true), prCurve(base, false)
	bestLoose, _ := bl.bestF1()
	bestStrict, _ := bs.bestF1()
	var best operatingPoint
	found := false
	for _, p := range es {
		lp := el.at(p.threshold)
		lf := f1(lp.precision, lp.recall)
		gain := p.recall - bs.recallAt(p.precision)
		op := operatingPoint{p.threshold, p.precision, p.recall, bs.recallAt(p.precision), gain, lf, bestLoose, bestStrict}
		switch {
		case gain >= minGain && (!found || best.Gain < minGain || lf > best.LooseF1):
			best, found = op, true
		case !found || best.Gain < minGain && gain > best.Gain:
			best, found = op, true
		}
	}
	return best
}

// tenRecalls are the recalls a curve is printed and compared at: nine
// tenths and the highest recall the baseline reaches.
func tenRecalls(base curve) []float64 {
	rs := []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}
	return append(rs, math.Floor(base.maxRecall()*1000)/1000)
}

func TestFitPairModel(t *testing.T) {
	if !*fitModel {
		t.Skip("fits only with -fit")
	}
	d := loadFitData(t)
	cv := d.crossValidated()
	op := chooseThreshold(cv, d.baseline)
	m := fitModelOn(d.pairs)
	for k := range m.Weights {
		m.Weights[k] = math.Round(m.Weights[k]*10000) / 10000
	}
	m.Scale, m.Bias = math.Round(m.Scale*10000)/10000, math.Round(m.Bias*10000)/10000
	m.Threshold = math.Round(op.Threshold*10000) / 10000
	bs, cvs := prCurve(d.baseline, true), prCurve(cv, true)
	bl, cvl := prCurve(d.baseline, false), prCurve(cv, false)
	rs := tenRecalls(bs)
	pointsOf := func(c curve) []float64 {
		var out []float64
		for _, r := range rs {
			out = append(out, math.Round(c.precisionAt(r)*1000)/1000)
		}
		return out
	}
	report := map[string]any{
		"trained_on":        fmt.Sprintf("%d candidate pairs of %d validated pairs in %d ECB+ dev clusters", len(d.pairs), len(d.all), len(d.clusters)),
		"cross_validation":  "leave one ECB+ topic out (both its clusters), 20 folds; figures are the pooled held-out scores",
		"held_out_point":    op,
		"recalls":           rs,
		"held_out_strict":   pointsOf(cvs),
		"baseline_strict":   pointsOf(bs),
		"held_out_loose":    pointsOf(cvl),
		"baseline_loose":    pointsOf(bl),
		"threshold_rule":    "of the held-out thresholds whose strict recall gains at least 0.05 over the baseline at equal precision, the one of highest loose F1",
		"weights_are_for":   "features transformed as in model.go",
		"fitted_by_command": "go test ./compare -run TestFitPairModel -fit",
	}
	raw, _ := json.Marshal(report)
	m.Report = raw
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("model.json", append(out, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("held-out point: %+v", op)
	t.Logf("%s", table("strict, held out", cvs, rs))
	t.Logf("%s", table("strict, baseline", bs, rs))
	t.Logf("%s", table("loose, held out", cvl, rs))
	t.Logf("%s", table("loose, baseline", bl, rs))
	t.Logf("weights %v scale %.3f bias %.3f threshold %.4f", m.Weights, m.Scale, m.Bias, m.Threshold)
}
