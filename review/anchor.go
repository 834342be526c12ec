package review

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/compare"
)

// How a verdict finds its finding again. A verdict is about what the
// finding says, not where the engine put it: its kind, its sources and the
// claims' words. Ids and byte offsets change with every engine version and
// every edit of an article; the words mostly do not.
const (
	// minSimilarity is the least score (see assign) at which a finding is
	// still the one a verdict was given on. Set on the cases of
	// survive_test.go: it keeps a verdict through one changed word in a
	// four-word claim of one source ("seven people were killed" → "eight
	// people were killed", 0.86 with the context), through claims the
	// engine widened ("… killed in the blast", 0.73) and through a third
	// source joining; it lets go of a look-alike in another sentence (same
	// kind and sources, other counts and surroundings: 0.49).
	minSimilarity = 0.6
	// contextWeight is the share of the score that goes to the words
	// around the claims, when both sides know them: of two findings with
	// the same words (one count given twice in an article), the verdict
	// goes to the one whose surroundings it was given on.
	contextWeight = 0.3
	// extraSourcePenalty ranks, of two findings alike on the verdict's
	// sources, the one with fewer sources it was not given on first.
	extraSourcePenalty = 0.1
	// contextWords is how many words on each side of a claim are kept.
	contextWords = 6
)

// numberWords are the English number words, with which a claim states a
// count as often as with digits: a finding whose every source now gives
// another count is another finding, however alike the other words are.
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true,
	"fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true,
	"nineteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true,
	"seventy": true, "eighty": true, "ninety": true, "hundred": true, "thousand": true,
	"million": true, "billion": true, "dozen": true, "dozens": true, "hundreds": true, "thousands": true,
}

// isNumber says whether a normalised word states a count: it holds a digit,
// or it is a number word or a hyphenated one ("twenty-one").
func isNumber(w string) bool {
	for _, part := range strings.Split(w, "-") {
		if numberWords[part] {
			return true
		}
	}
	return strings.ContainsFunc(w, unicode.IsDigit)
}

// words are a text's normalised words: lower case, letters and digits, a
// hyphen kept only between two of them ("twenty-one", "f-16s"), in order.
// Quotation marks, dashes, other punctuation and spacing no longer matter.
func words(s string) []string {
	var out []string
	var b strings.Builder
	rs := []rune(strings.ToLower(s))
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i, r := range rs {
		switch {
		case word(r):
			b.WriteRune(r)
		case r == '-' && b.Len() > 0 && i+1 < len(rs) && word(rs[i+1]):
			b.WriteRune(r)
		default:
			if b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
			}
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// anchorOf is what a discrepancy is about, with each claim's source named by
// its key. ctx gives a claim's surroundings ("" when the article is not
// known).
func anchorOf(d compare.Discrepancy, key func(id string) string, ctx func(compare.Claim) string) Anchor {
	a := Anchor{Kind: d.Kind}
	for _, c := range d.Claims {
		a.Claims = append(a.Claims, AnchorClaim{Source: key(c.Source), ID: c.Source,
			Words: strings.Join(words(c.Text), " "), Context: ctx(c)})
	}
	slices.SortFunc(a.Claims, func(x, y AnchorClaim) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Words, y.Words), cmp.Compare(x.Context, y.Context))
	})
	return a
}

// exactKey names an anchor's kind, sources and words, without the context:
// two findings with the same key say the same thing.
func (a Anchor) exactKey() string {
	var b strings.Builder
	b.WriteString(string(a.Kind))
	for _, c := range a.Claims {
		b.WriteString("\x1e" + c.Source + "\x1f" + c.Words)
	}
	return b.String()
}

// recordID names a new verdict after its anchor: two instances that give a
// verdict on the same finding make one record, which their merge joins.
func recordID(a Anchor) string {
	sum := sha256.Sum256([]byte(a.exactKey()))
	return "v" + hex.EncodeToString(sum[:8])
}

// contextAround gives the words of text just before and after [start, end).
func contextAround(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	before := words(text[:start])
	after := words(text[end:])
	before = before[max(0, len(before)-contextWords):]
	after = after[:min(len(after), contextWords)]
	return strings.Join(append(before, after...), " ")
}

// wordSets are an anchor's words and context words by source key, for
// scoring, with its exact key (sources resolved) and its counts.
type wordSets struct {
	kind        compare.Kind
	key         string // exactKey with the sources resolved
	claims, ctx map[string]map[string]bool
	nums        map[string]map[string]bool // per source, the words that state a count
	hasContext  bool
	legacy      string // a finding's version-1 fingerprint
}

func setsOf(a Anchor, resolve func(AnchorClaim) string) wordSets {
	ws := wordSets{kind: a.Kind, claims: map[string]map[string]bool{}, ctx: map[string]map[string]bool{}, nums: map[string]map[string]bool{}}
	resolved := Anchor{Kind: a.Kind, Claims: make([]AnchorClaim, len(a.Claims))}
	for i, c := range a.Claims {
		src := resolve(c)
		resolved.Claims[i] = AnchorClaim{Source: src, Words: c.Words}
		if ws.claims[src] == nil {
			ws.claims[src], ws.ctx[src], ws.nums[src] = map[string]bool{}, map[string]bool{}, map[string]bool{}
		}
		for _, w := range strings.Fields(c.Words) {
			ws.claims[src][w] = true
			if isNumber(w) {
				ws.nums[src][w] = true
			}
		}
		for _, w := range strings.Fields(c.Context) {
			ws.ctx[src][w] = true
			ws.hasContext = true
		}
	}
	slices.SortFunc(resolved.Claims, func(x, y AnchorClaim) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Words, y.Words))
	})
	ws.key = resolved.exactKey()
	return ws
}

// overlap is how alike two sets of words are: the mean of their Jaccard
// index (shared words over all words) and their containment (shared words
// over the smaller set), so that a claim the engine widened or narrowed
// around the same words stays close, and a changed word still counts.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	jaccard := float64(common) / float64(len(a)+len(b)-common)
	containment := float64(common) / float64(min(len(a), len(b)))
	return (jaccard + containment) / 2
}

// similarity says how much of a verdict's anchor x a finding y still holds:
// the mean, over x's sources, of the overlap of their claims' words (a
// source y lacks counts 0), the same of the context, and the share of y's
// sources that x does not have. recounted says that every source the two
// share states a count, and in each it is another count.
func similarity(x, y wordSets) (claims, context, extra float64, recounted bool) {
	if len(x.claims) == 0 {
		return 0, 0, 0, false
	}
	shared, changed := 0, 0
	for s, xw := range x.claims {
		yw := y.claims[s]
		if yw == nil {
			continue
		}
		claims += overlap(xw, yw)
		context += overlap(x.ctx[s], y.ctx[s])
		shared++
		if xn, yn := x.nums[s], y.nums[s]; len(xn) > 0 && len(yn) > 0 && !maps.Equal(xn, yn) {
			changed++
		}
	}
	n := float64(len(x.claims))
	others := 0
	for s := range y.claims {
		if x.claims[s] == nil {
			others++
		}
	}
	if len(y.claims) > 0 {
		extra = float64(others) / float64(len(y.claims))
	}
	return claims / n, context / n, extra, shared > 0 && changed == shared
}

// assign pairs verdicts with findings, one to one, in three rounds, each
// taking the best pairs first: a version-1 fingerprint that matches; the
// same kind, sources and words (of several such, the one whose
// surroundings match best); then, for the verdicts and findings left,
// among findings of the same kind that do not give other counts in every
// source, the similarity of the claims' words and of their surroundings.
// The first two rounds go through maps, so that a review of unchanged
// articles attaches in time linear in its size; only what changed is
// compared pair by pair. It returns, per finding index, the record id given
// to it.
func assign(discs []wordSets, recs []*Record, recSets []wordSets) map[int]string {
	type pair struct {
		score float64
		rec   int
		disc  int
	}
	out := map[int]string{}
	used := map[int]bool{}
	take := func(pairs []pair) {
		slices.SortFunc(pairs, func(a, b pair) int {
			return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(recs[a.rec].ID, recs[b.rec].ID), cmp.Compare(a.disc, b.disc))
		})
		for _, p := range pairs {
			if _, taken := out[p.disc]; taken || used[p.rec] {
				continue
			}
			out[p.disc] = recs[p.rec].ID
			used[p.rec] = true
		}
	}
	byLegacy, byKey := map[string][]int{}, map[string][]int{}
	for di, ds := range discs {
		byLegacy[ds.legacy] = append(byLegacy[ds.legacy], di)
		byKey[ds.key] = append(byKey[ds.key], di)
	}
	legacy := func(r *Record) bool { return r.Legacy != "" && len(r.Anchor.Claims) == 0 }
	var pairs []pair
	for ri, r := range recs {
		if legacy(r) {
			for _, di := range byLegacy[r.Legacy] {
				pairs = append(pairs, pair{1, ri, di})
			}
		}
	}
	take(pairs)
	pairs = pairs[:0]
	for ri, r := range recs {
		if used[ri] || legacy(r) {
			continue
		}
		for _, di := range byKey[recSets[ri].key] {
			if _, taken := out[di]; !taken {
				_, ctx, _, _ := similarity(recSets[ri], discs[di])
				pairs = append(pairs, pair{ctx, ri, di})
			}
		}
	}
	take(pairs)
	pairs = pairs[:0]
	for ri, r := range recs {
		rs := recSets[ri]
		if used[ri] || legacy(r) {
			continue
		}
		for di, ds := range discs {
			if _, taken := out[di]; taken || rs.kind != ds.kind {
				continue
			}
			c, ctx, extra, recounted := similarity(rs, ds)
			if recounted {
				continue
			}
			score := c
			if rs.hasContext && ds.hasContext {
				score = (1-contextWeight)*c + contextWeight*ctx
			}
			if score < minSimilarity {
				continue
			}
			pairs = append(pairs, pair{score - extraSourcePenalty*extra, ri, di})
		}
	}
	take(pairs)
	return out
}

// Fingerprint is how version 1 of the review file named a discrepancy: its
// kind and its claims' sources, paragraphs and text. It is kept to read
// those files: a version-1 verdict finds its finding by it until it is
// given again.
func Fingerprint(d compare.Discrepancy) string {
	claims := make([]string, 0, len(d.Claims))
	for _, c := range d.Claims {
		claims = append(claims, fmt.Sprintf("%s\x1f%d\x1f%s", c.Source, c.Paragraph, c.Text))
	}
	slices.Sort(claims)
	sum := sha256.Sum256([]byte(string(d.Kind) + "\x1e" + strings.Join(claims, "\x1e")))
	return hex.EncodeToString(sum[:])[:20]
}
