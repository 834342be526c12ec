package compare

import (
	"math"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/loader"
)

// Alignment parameters, set once on the ECB+ development clusters
// (../shared/eval) and not per sample. The score is a cosine of term vectors
// weighted by the square root of idf (rare words count, but one rare word
// alone does not make a match), with names and numbers weighing more.
// eventShare is the share of the sentences a term must appear in to count as
// the main event's vocabulary: every sentence of a cluster mentions its
// event, so those words, kept at eventWeight, say little about sub-topics.
// linkThreshold is the score at which a link is kept for topics: it favours
// precision (0.96 on ECB+ under the loose rule), since a reviewer reads every
// link the interface shows.
const (
	linkThreshold = 0.25
	eventWeight   = 0.3
	idfPower      = 0.5
	eventShare    = 0.25
	nameWeight    = 1.5
	numberWeight  = 1.5
	// classWeight is the weight of an event class (see eventClasses): once
	// per sentence, whatever the number of its words in the class.
	classWeight = 1.5
	// maxPosting bounds the candidate pairs one term may propose: a term in
	// more sentences than this is too common to find a topic by, and
	// skipping it keeps the cost well below the square of the input.
	maxPosting = 400
)

// sent is one body sentence prepared for alignment.
type sent struct {
	ref     SentenceRef
	src     int // index of the source
	text    string
	terms   map[string]float64 // feature → weight before idf (term frequency × kind weight)
	surface map[string]string  // feature → a surface form, for labels and reasons
	vec     map[string]float64 // normalised tf-idf
	quoted  bool
	toks    []token // the sentence's words, read again by the fact readers
}

// prepare makes the sentences of every body paragraph, the articles shared
// out among the cores; the order of the result is the articles' order.
func prepare(arts []*loader.Article) []*sent {
	per := make([][]*sent, len(arts))
	parallel(len(arts), func(worker int, next func() (int, bool)) {
		st := stemmer{}
		for si, ok := next(); ok; si, ok = next() {
			per[si] = prepareArticle(arts[si], si, st)
		}
	})
	var out []*sent
	for _, ss := range per {
		out = append(out, ss...)
	}
	return out
}

func prepareArticle(a *loader.Article, si int, st stemmer) []*sent {
	var out []*sent
	for _, p := range a.Paragraphs {
		if p.Kind != loader.KindBody {
			continue
		}
		for k, sp := range p.Sentences {
			text := p.Text[sp.Start:sp.End]
			toks := words(text)
			s := &sent{
				ref:     SentenceRef{Source: a.ID, Paragraph: p.Index, Sentence: k},
				src:     si,
				text:    text,
				terms:   make(map[string]float64, len(toks)),
				surface: make(map[string]string, len(toks)),
				quoted:  strings.ContainsAny(text, "\"“”"),
				toks:    toks,
			}
			for i, w := range s.toks {
				f := w.folded
				if class, ok := eventClasses[f]; ok {
					key := classPrefix + class
					if _, seen := s.terms[key]; !seen {
						s.terms[key] = classWeight
						s.surface[key] = w.text
					}
				}
				switch {
				case isNumberToken(f):
					key := "#" + strings.ReplaceAll(f, ",", "")
					s.terms[key] += numberWeight
					s.surface[key] = w.text
				case isStop(f) || len(f) < 2:
				default:
					key := st.stem(w.text)
					weight := 1.0
					if i > 0 && isCapitalised(w.text) {
						weight = nameWeight
					}
					s.terms[key] += weight
					if _, ok := s.surface[key]; !ok {
						s.surface[key] = w.text
					}
				}
			}
			out = append(out, s)
		}
	}
	return out
}

func isNumberToken(f string) bool {
	if f == "" || f[0] < '0' || f[0] > '9' {
		return false
	}
	for _, r := range f {
		if !(r >= '0' && r <= '9' || r == ',' || r == '.') {
			return false
		}
	}
	return true
}

// index holds the sentences' document frequencies and postings.
type index struct {
	df       map[string]int
	postings map[string][]int
	n        int
}

func buildIndex(ss []*sent) *index {
	ix := &index{df: map[string]int{}, postings: map[string][]int{}, n: len(ss)}
	for i, s := range ss {
		for t := range s.terms {
			ix.df[t]++
			ix.postings[t] = append(ix.postings[t], i)
		}
	}
	return ix
}

// classPrefix marks a term that stands for an event class, not a word.
const classPrefix = "@"

// eventTerm reports a word so common that it names the main event. Event
// classes are never taken for it: the main event's own words are down
// weighted already, and a class shared by two sentences in different words
// ("died", "killed") is what ties a sub-topic across sources.
func (ix *index) eventTerm(t string) bool {
	return ix.n >= 8 && float64(ix.df[t]) > eventShare*float64(ix.n) && !strings.HasPrefix(t, classPrefix)
}

func (ix *index) idf(t string) float64 {
	return math.Log(float64(ix.n+1)/float64(ix.df[t]+1)) + 1
}

// vectorise weights each sentence's terms by idf and normalises. The main
// event's vocabulary is kept at a tenth of its weight: it ties every sentence
// to every other and would hide the sub-topics.
func (ix *index) vectorise(ss []*sent) {
	for _, s := range ss {
		s.vec = make(map[string]float64, len(s.terms))
		norm := 0.0
		for t, w := range s.terms {
			v := w * math.Pow(ix.idf(t), idfPower)
			if ix.eventTerm(t) {
				v *= eventWeight
			}
			s.vec[t] = v
			norm += v * v
		}
		norm = math.Sqrt(norm)
		for t := range s.vec {
			s.vec[t] /= norm
		}
	}
}

func cosine(a, b map[string]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	dot := 0.0
	for t, v := range a {
		dot += v * b[t]
	}
	return dot
}

// link finds the pairs of sentences of different sources that speak of the
// same thing. Scores are accumulated term by term along the inverted index,
// never by comparing every pair: a term in more than maxPosting sentences is
// left out of the sum (it is common enough to weigh little), which bounds the
// work per sentence whatever the number of articles.
func link(ss []*sent, ix *index) []Link {
	found := make([][]Link, workers())
	parallel(len(ss), func(worker int, next func() (int, bool)) {
		acc := make([]float64, len(ss))
		var touched []int
		var links []Link
		for i, ok := next(); ok; i, ok = next() {
			s := ss[i]
			touched = touched[:0]
			for t, v := range s.vec {
				post := ix.postings[t]
				if len(post) > maxPosting {
					continue
				}
				for _, j := range post {
					if j <= i || ss[j].src == s.src {
						continue
					}
					if acc[j] == 0 {
						touched = append(touched, j)
					}
					acc[j] += v * ss[j].vec[t]
				}
			}
			for _, j := range touched {
				// The sum leaves out terms past maxPosting, so it can only
				// underestimate; a kept link records the full cosine.
				if acc[j] >= linkThreshold {
					// The reasons are written later, for the links a topic keeps.
					links = append(links, Link{A: s.ref, B: ss[j].ref, Score: math.Round(cosine(s.vec, ss[j].vec)*1000) / 1000})
				}
				acc[j] = 0
			}
		}
		found[worker] = links
	})
	var links []Link
	for _, l := range found {
		links = append(links, l...)
	}
	sort.Slice(links, func(i, j int) bool { return lessLink(links[i], links[j]) })
	return links
}

func lessLink(a, b Link) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.A != b.A {
		return lessSentence(a.A, b.A)
	}
	return lessSentence(a.B, b.B)
}

func lessSentence(a, b SentenceRef) bool {
	return lessPlace(a.Source, a.Paragraph, a.Sentence, b.Source, b.Paragraph, b.Sentence)
}

// lessPlace orders places in the text: by source, paragraph, then position
// within the paragraph (a sentence index or a byte offset).
func lessPlace(srcA string, parA, posA int, srcB string, parB, posB int) bool {
	if srcA != srcB {
		return srcA < srcB
	}
	if parA != parB {
		return parA < parB
	}
	return posA < posB
}

// explain records why two sentences were linked: the shared terms that
// weigh most, the shared numbers and names. st remembers the stems of the
// event words it compares, across the links of one comparison.
func explain(a, b *sent, score float64, st stemmer) Link {
	l := Link{A: a.ref, B: b.ref, Score: score, Quote: a.quoted && b.quoted}
	type shared struct {
		key string
		w   float64
	}
	var all []shared
	for t, v := range a.vec {
		if w, ok := b.vec[t]; ok {
			all = append(all, shared{t, v * w})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].w != all[j].w {
			return all[i].w > all[j].w
		}
		return all[i].key < all[j].key
	})
	for _, s := range all {
		surface := a.surface[s.key]
		switch {
		case strings.HasPrefix(s.key, classPrefix):
			// An event told in other words: show both ("died ~ killed");
			// told in one word ("killed", "killing"), the word itself is the
			// shared term already.
			other := b.surface[s.key]
			if st.stem(surface) == st.stem(other) {
				continue
			}
			if len(l.Terms) < 5 {
				l.Terms = append(l.Terms, strings.ToLower(surface)+" ~ "+strings.ToLower(other))
			}
		case strings.HasPrefix(s.key, "#"):
			l.Numbers = append(l.Numbers, surface)
		case isCapitalised(surface):
			if len(l.Names) < 5 {
				l.Names = append(l.Names, surface)
			}
		default:
			if len(l.Terms) < 5 {
				l.Terms = append(l.Terms, strings.ToLower(surface))
			}
		}
	}
	return l
}
