package compare

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// labelTopics names every topic by a short phrase from its members' own
// words, in their order: the few consecutive words of one member that carry
// most of what the topic's paragraphs share ("F-16s in the operation", "five
// militia fighters were killed"). A topic of one source's own paragraphs is
// "only in" that source. Labels are unique across the comparison.
func labelTopics(c *comparison) {
	used := map[string]bool{}
	for t := range c.res.Topics {
		tp := &c.res.Topics[t]
		if tp.Own {
			tp.Label = "only in " + tp.Sources[0]
			used[tp.Label] = true
			continue
		}
		tp.Label = c.topicPhrase(c.topicUnits[t], used)
		used[tp.Label] = true
	}
}

// topicPhrase finds the phrase for one topic's units that no other topic
// has taken.
func (c *comparison) topicPhrase(members []int32, used map[string]bool) string {
	// What the members share: each engine term's weight summed over the
	// members, for the terms of two sources or more.
	weight := map[uint64]float64{}
	srcs := map[uint64]map[int]bool{}
	for _, x := range members {
		u := c.units[x]
		for _, e := range u.eng {
			if e.kind == termClass {
				continue
			}
			weight[e.id] += e.w
			if srcs[e.id] == nil {
				srcs[e.id] = map[int]bool{}
			}
			srcs[e.id][u.src] = true
		}
	}
	for id, s := range srcs {
		if len(s) < 2 {
			weight[id] *= 0.1 // one source's word: a weak sign of the topic
		}
	}
	type cand struct {
		text  string
		score float64
	}
	var cands []cand
	st := newStemmer(c.stems)
	for _, x := range members {
		u := c.units[x]
		for _, s := range u.sents {
			text := s.text(u.text)
			keys := make([]uint64, len(s.toks))
			for i, w := range s.toks {
				f := w.folded
				switch {
				case isNumberToken(f):
					keys[i] = fnv64a(numberPrefix + strings.ReplaceAll(f, ",", ""))
				case isStop(f) || len(f) < 2:
				default:
					keys[i] = fnv64a(st.stem(w.text))
				}
			}
			for i := range s.toks {
				if keys[i] == 0 || weight[keys[i]] == 0 {
					continue
				}
				seen := map[uint64]bool{}
				score := 0.0
				for j := i; j < len(s.toks) && j < i+labelWords; j++ {
					if j > i && strings.ContainsAny(text[s.toks[j-1].end:s.toks[j].start], ",.;:\"“”()") {
						break // a phrase does not run over a clause's end or a quotation mark
					}
					if k := keys[j]; k != 0 && !seen[k] {
						seen[k] = true
						score += weight[k]
					}
					if keys[j] == 0 || weight[keys[j]] == 0 {
						continue // a phrase ends on a word that counts
					}
					phrase := tidyLabel(text[s.toks[i].start:s.toks[j].end])
					// Shorter phrases read faster: a word more must earn its place.
					cands = append(cands, cand{phrase, score / (1 + 0.08*float64(j-i))})
				}
			}
		}
	}
	best := cand{}
	for _, cd := range cands {
		if used[cd.text] {
			continue
		}
		if cd.score > best.score || cd.score == best.score && best.text != "" && cd.text < best.text {
			best = cd
		}
	}
	if best.text != "" {
		return best.text
	}
	// Every phrase taken, or no shared word: the first member's first
	// words, numbered if need be.
	u := c.units[members[0]]
	base := tidyLabel(firstWords(u.text, labelWords))
	label := base
	for k := 2; used[label]; k++ {
		label = fmt.Sprintf("%s (%d)", base, k)
	}
	return label
}

// labelWords is the longest label, in words: a label is read at a glance.
const labelWords = 6

// tidyLabel lowers a sentence's capital opening on a common word and trims
// the marks around the phrase.
func tidyLabel(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '$' })
	first, _, _ := strings.Cut(s, " ")
	if isStop(fold(first)) || sentenceOpeners()[fold(first)] {
		r, size := utf8.DecodeRuneInString(s)
		s = string(unicode.ToLower(r)) + s[size:]
	}
	return s
}

func firstWords(s string, n int) string {
	ws := strings.Fields(s)
	if len(ws) > n {
		return strings.Join(ws[:n], " ") + " …"
	}
	return strings.Join(ws, " ")
}
