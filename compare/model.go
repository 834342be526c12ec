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

// feature is one input of the pair scorer: its name in model.json, what it
// measures, and the transform that puts it on a scale the weights suit.
type feature struct {
	name  string
	about string
	value func(*pairFeatures) float64
}

// features are the scorer's inputs, in model.json's order. Cosines enter as
// square roots (their low end is where pairs differ), counts capped at 3.
var features = []feature{
	{"plain", "the square root of the plain TF-IDF cosine", func(f *pairFeatures) float64 { return math.Sqrt(f.plain) }},
	{"engine", "the square root of the cosine of stems, names, numbers and event classes", func(f *pairFeatures) float64 { return math.Sqrt(f.eng) }},
	{"classes", "event classes shared that are not the main event's (of 3)", func(f *pairFeatures) float64 { return capped(f.classesSub) }},
	{"mainClasses", "event classes shared that most paragraphs have (of 3)", func(f *pairFeatures) float64 { return capped(f.classesMain) }},
	{"mainWords", "the cosine of the main event's vocabulary alone", func(f *pairFeatures) float64 { return f.mainCos }},
	{"names", "names shared that are not the main event's (of 3)", func(f *pairFeatures) float64 { return capped(f.names) }},
	{"lede", "both paragraphs open their articles", func(f *pairFeatures) float64 { return b2f(f.lede) }},
	{"centrality", "the lower of the two paragraphs' mean cosine with the other sources' paragraphs", func(f *pairFeatures) float64 { return f.centrality }},
	{"sources", "the square root of the cosine of the two paragraphs' whole articles", func(f *pairFeatures) float64 { return math.Sqrt(f.sources) }},
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
	for i, ft := range features {
		s += m.Weights[i] * ft.value(f)
	}
	return s
}

// score is the chance that a pair speaks of the same happening.
func (m *model) score(f *pairFeatures) float64 {
	return 1 / (1 + math.Exp(-(m.Scale*m.raw(f) + m.Bias)))
}
