package compare

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// goldDiscrepancy is a pair of sentences where two articles give different
// numbers (or times) for the same annotated thing.
type goldDiscrepancy struct {
	Type   string `json:"type"` // numeric_conflict or numeric_approx
	Chain  string `json:"chain"`
	DocA   string `json:"doc_a"`
	SidA   int    `json:"sid_a"`
	DocB   string `json:"doc_b"`
	SidB   int    `json:"sid_b"`
	ValueA string `json:"value_a"`
	ValueB string `json:"value_b"`
}

// goldEquivalent is a pair that states one value in two forms: flagging it
// is a false alarm.
type goldEquivalent struct {
	Descriptor string `json:"descriptor"`
	DocA       string `json:"doc_a"`
	SidA       int    `json:"sid_a"`
	DocB       string `json:"doc_b"`
	SidB       int    `json:"sid_b"`
}

// flaggedPairs runs the whole engine on a cluster and returns, for every
// discrepancy, the (doc, sid) pairs its claims join, with its kind and
// severity; and the pairs the engine reconciled.
func (c *evalCluster) flaggedPairs() (map[[2]pkey]Discrepancy, map[[2]pkey]bool) {
	res := Compare(c.arts)
	out := map[[2]pkey]Discrepancy{}
	rec := map[[2]pkey]bool{}
	for _, r := range res.Reconciled {
		for i, a := range r.Claims {
			for _, b := range r.Claims[i+1:] {
				sa, okA := c.sidOf[pkey{a.Source, a.Paragraph}]
				sb, okB := c.sidOf[pkey{b.Source, b.Paragraph}]
				if okA && okB && a.Source != b.Source {
					rec[pairKey(pkey{a.Source, sa}, pkey{b.Source, sb})] = true
				}
			}
		}
	}
	for _, d := range res.Discrepancies {
		for i, a := range d.Claims {
			for _, b := range d.Claims[i+1:] {
				sa, okA := c.sidOf[pkey{a.Source, a.Paragraph}]
				sb, okB := c.sidOf[pkey{b.Source, b.Paragraph}]
				if okA && okB && a.Source != b.Source {
					out[pairKey(pkey{a.Source, sa}, pkey{b.Source, sb})] = d
				}
			}
		}
	}
	return out, rec
}

// TestDiscrepanciesECBPlus measures discrepancy detection on the annotated
// ECB+ pairs: recall on gold_discrepancies.json (a conflict counts when the
// engine joins the two sentences in one discrepancy, told apart right when
// that finding is not of low severity; a rounding is told apart right when
// the engine reconciles the two, or flags them at low severity only), and
// false alarms on equivalents.json, which must be none.
func TestDiscrepanciesECBPlus(t *testing.T) {
	clusters := loadEval(t)
	byName := map[string]*evalCluster{}
	for _, c := range clusters {
		byName[c.name] = c
	}
	type tally struct{ n, found, right int }
	byType := map[string]*tally{}
	byChain := map[string]*tally{}
	flagged := map[string]map[[2]pkey]Discrepancy{}
	reconciled := map[string]map[[2]pkey]bool{}
	flags := func(c *evalCluster) map[[2]pkey]Discrepancy {
		if flagged[c.name] == nil {
			flagged[c.name], reconciled[c.name] = c.flaggedPairs()
		}
		return flagged[c.name]
	}
	var missed []string
	for _, c := range clusters {
		path := filepath.Join(evalDir, c.name, "gold_discrepancies.json")
		if _, err := os.Stat(path); err != nil {
			continue
		}
		var gold []goldDiscrepancy
		readJSON(t, path, &gold)
		for _, g := range gold {
			tt, ok := byType[g.Type]
			if !ok {
				tt = &tally{}
				byType[g.Type] = tt
			}
			tc, ok := byChain[g.Chain]
			if !ok {
				tc = &tally{}
				byChain[g.Chain] = tc
			}
			tt.n++
			tc.n++
			k := pairKey(pkey{g.DocA, g.SidA}, pkey{g.DocB, g.SidB})
			d, found := flags(c)[k]
			rec := reconciled[c.name][k]
			if g.Type == "numeric_approx" {
				if found || rec {
					tt.found++
					tc.found++
				}
				if rec || !found || d.Severity == SeverityLow {
					tt.right++
					tc.right++
				} else {
					t.Logf("rounding flagged %s: %s | %s: %s", d.Severity, g.ValueA, g.ValueB, d.Summary)
				}
				continue
			}
			if !found {
				missed = append(missed, g.Chain+": "+g.ValueA+" | "+g.ValueB)
				continue
			}
			tt.found++
			tc.found++
			if d.Severity != SeverityLow {
				tt.right++
				tc.right++
			}
		}
	}
	var names []string
	for k := range byType {
		names = append(names, k)
	}
	sort.Strings(names)
	total := tally{}
	for _, k := range names {
		v := byType[k]
		total.n += v.n
		total.found += v.found
		total.right += v.right
		t.Logf("%-17s %2d pairs: found %2d (recall %.2f), told apart right %2d", k, v.n, v.found, float64(v.found)/float64(v.n), v.right)
	}
	t.Logf("all gold pairs    %2d: found %2d (recall %.2f), told apart right %2d", total.n, total.found, float64(total.found)/float64(max(1, total.n)), total.right)
	names = names[:0]
	for k := range byChain {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		t.Logf("  chain %-24s %2d pairs, found %2d", k, byChain[k].n, byChain[k].found)
	}
	sort.Strings(missed)
	t.Logf("missed (first 12): %s", strings.Join(missed[:min(12, len(missed))], " ‖ "))

	// False alarms on the equivalents: the documents' clusters are named by
	// their topic number: "1_10ecbplus" is in 01_ecbplus.
	var eq []goldEquivalent
	readJSON(t, filepath.Join(evalDir, "equivalents.json"), &eq)
	alarms := 0
	for _, e := range eq {
		c := byName[clusterOf(e.DocA)]
		if c == nil {
			continue
		}
		if d, ok := flags(c)[pairKey(pkey{e.DocA, e.SidA}, pkey{e.DocB, e.SidB})]; ok {
			alarms++
			t.Errorf("false alarm on %s: %s", e.Descriptor, d.Summary)
		}
	}
	t.Logf("equivalents: %d pairs, %d false alarms", len(eq), alarms)
	// Floors at the shipped settings (issue 10: conflict recall 0.60 or
	// more, the roundings told apart, no equivalent flagged).
	conf, approx := byType["numeric_conflict"], byType["numeric_approx"]
	if conf == nil || float64(conf.found) < 0.6*float64(conf.n) || conf.right < conf.found {
		t.Errorf("numeric conflicts: %+v, want recall 0.60 or more, each told apart from a rounding", conf)
	}
	if approx == nil || approx.right < approx.n {
		t.Errorf("roundings: %+v, want every one reconciled or flagged low", approx)
	}
}

// clusterOf names the folder of a document: "1_10ecbplus" → "01_ecbplus".
func clusterOf(doc string) string {
	topic, rest, ok := strings.Cut(doc, "_")
	if !ok {
		return ""
	}
	kind := "ecb"
	if strings.HasSuffix(rest, "ecbplus") {
		kind = "ecbplus"
	}
	if len(topic) == 1 {
		topic = "0" + topic
	}
	return topic + "_" + kind
}
