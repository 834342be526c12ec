package compare

import (
	"math"
	"sync/atomic"
	"testing"
)

// A ranking score under the model's cut has a chance below its threshold,
// however close under it and whatever the threshold, scale and bias; and
// on a thousand ECB+ articles' candidate pairs passing says what the
// chance and the threshold say.
func TestPassingCut(t *testing.T) {
	models := []*model{shippedModel()}
	for _, th := range []float64{0.01, 0.3, 0.5, 0.7016, 0.99} {
		for _, scale := range []float64{0.25, 1, 4} {
			for _, bias := range []float64{-3, 0, 2} {
				models = append(models, &model{Threshold: th, Scale: scale, Bias: bias})
			}
		}
	}
	for _, m := range models {
		cut := m.cut()
		raw := math.Nextafter(cut, math.Inf(-1))
		for k := 0; k < 200000; k++ {
			if s := m.chance(raw); s >= m.Threshold {
				t.Fatalf("threshold %v scale %v bias %v: raw %v under the cut %v has chance %v", m.Threshold, m.Scale, m.Bias, raw, cut, s)
			}
			raw = math.Nextafter(raw, math.Inf(-1))
			if k%1000 == 999 {
				raw -= 1e-9
			}
		}
	}
	c := newComparison(ecbArticles(t, 1000), Options{})
	prepareStage(c)
	m := c.model
	cut := m.cut()
	var pairs, passed, wrong atomic.Int64
	candidates(c.units, c.ix, candidateFloor, func(_ int, p *pair) {
		pairs.Add(1)
		s, ok := m.passing(&p.f, cut)
		want := m.chance(m.raw(&p.f))
		if ok {
			passed.Add(1)
		}
		if ok != (want >= m.Threshold) || ok && s != want {
			wrong.Add(1)
		}
	})
	if wrong.Load() > 0 || passed.Load() == 0 || passed.Load() == pairs.Load() {
		t.Fatalf("%d of %d pairs passed; passing and the chance disagreed on %d", passed.Load(), pairs.Load(), wrong.Load())
	}
}
