package compare

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sync"
)

// The pair scorer: a logistic model over a few measures of two paragraphs,
// fitted on the ECB+ development clusters by `go test ./compare -run
// TestFitPairModel -fit` (fit_test.go), which writes model.json: the
// weights, the shipped threshold, and the figures of the held-out folds of
// its cluster-wise cross-validation. The weights are learnt for ranking
// (pairs that share an event above those that do not; pairs that share a
// secondary event above those that share only the main one), then scaled
// so that the score reads as the chance that the two paragraphs speak of
// the same happening.

// feature is one input of the pair scorer: its name in model.json and what
// it measures (pairFeatures.values computes them all, transformed to a
// scale the weights suit).
type feature struct {
	name  string
	about string
}

// features are the scorer's inputs, in model.json's order. Cosines enter as
// square roots (their low end is where pairs differ), counts capped at 3.
var features = [...]feature{
	{"plain", "the square root of the plain TF-IDF cosine"},
	{"engine", "the square root of the cosine of stems, names, numbers and event classes"},
	{"classes", "event classes shared that are not the main event's (of 3)"},
	{"mainClasses", "event classes shared that most paragraphs have (of 3)"},
	{"mainWords", "the cosine of the main event's vocabulary alone"},
	{"names", "names shared that are not the main event's (of 3)"},
	{"lede", "both paragraphs open their articles"},
	{"centrality", "the lower of the two paragraphs' mean cosine with the other sources' paragraphs"},
	{"sources", "the square root of the cosine of the two paragraphs' whole articles"},
}

// values are the pair's features, transformed, in the order of features:
// computed in one call, as the scorer weighs every candidate pair (a
// function per feature, called through the table, was half the scoring).
func (f *pairFeatures) values() [len(features)]float64 {
	return [len(features)]float64{
		math.Sqrt(f.plain),
		math.Sqrt(f.eng),
		capped(f.classesSub),
		capped(f.classesMain),
		f.mainCos,
		capped(f.names),
		b2f(f.lede),
		f.centrality,
		math.Sqrt(f.sources),
	}
}

func capped(n int) float64 { return float64(min(n, 3)) / 3 }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// model is model.json.
type model struct {
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
	// Scale and Bias turn the ranking score into a probability.
	Scale     float64 `json:"scale"`
	Bias      float64 `json:"bias"`
	Threshold float64 `json:"threshold"` // the shipped link threshold, a probability
	// Report is what the fit measured, for people: not read by the engine.
	Report json.RawMessage `json:"report,omitempty"`
}

//go:embed model.json
var modelJSON []byte

// shippedModel is the model the engine runs with, read once.
var shippedModel = sync.OnceValue(func() *model {
	m, err := parseModel(modelJSON)
	if err != nil {
		panic(err) // the binary's own file: a build error, which a test catches
	}
	return m
})

func parseModel(data []byte) (*model, error) {
	var m model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("model.json: %w", err)
	}
	if len(m.Features) != len(features) || len(m.Weights) != len(features) {
		return nil, fmt.Errorf("model.json: %d features and %d weights, the engine has %d features", len(m.Features), len(m.Weights), len(features))
	}
	for i, f := range features {
		if m.Features[i] != f.name {
			return nil, fmt.Errorf("model.json: feature %d is %q, the engine's is %q", i, m.Features[i], f.name)
		}
	}
	return &m, nil
}

// raw is the ranking score of a pair: the weighted sum of its features.
func (m *model) raw(f *pairFeatures) float64 {
	s := 0.0
	for i, v := range f.values() {
		s += m.Weights[i] * v
	}
	return s
}

// chance is the chance that a pair of ranking score raw speaks of the same
// happening.
func (m *model) chance(raw float64) float64 {
	return 1 / (1 + math.Exp(-(m.Scale*raw + m.Bias)))
}

// passing is the chance that a pair speaks of the same happening, when it
// reaches the threshold. A pair whose ranking score is below cut (see
// cut) is not given one: half of a thousand articles' candidate pairs
// are, and the exponential was a fifth of their scoring.
func (m *model) passing(f *pairFeatures, cut float64) (float64, bool) {
	raw := m.raw(f)
	if raw < cut {
		return 0, false
	}
	s := m.chance(raw)
	return s, s >= m.Threshold
}

// cut is a ranking score under which the chance is surely below the
// threshold: the threshold's, less a margin of 1e-6 on the scale of the
// exponent, far over the rounding of the chance's computation (some
// 1e-15). A threshold near 0 or 1, where the margin would not hold, has
// none.
func (m *model) cut() float64 {
	t := m.Threshold
	if t < 0.001 || t > 0.999 || m.Scale <= 0 {
		return math.Inf(-1)
	}
	return (math.Log(t/(1-t)) - 1e-6 - m.Bias) / m.Scale
}
