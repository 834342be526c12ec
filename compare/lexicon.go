package compare

import (
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The engine's word lists are data: one list per file under lexicon/, each
// opening with a header that says where it comes from. They are read once,
// when first needed, so that a program that never compares pays nothing.
// None is taken from one sample article.
//
//go:embed lexicon/*.txt
var lexiconFS embed.FS

// lexiconLines is a lexicon file's lines, without the header's comments and
// blank lines.
func lexiconLines(name string) []string {
	data, err := lexiconFS.ReadFile("lexicon/" + name + ".txt")
	if err != nil {
		panic(fmt.Sprintf("lexicon %s: %v", name, err)) // a file of the binary itself: a build error
	}
	var out []string
	for line := range strings.SplitSeq(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// wordSet is a lexicon of words, several to a line.
func wordSet(name string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool {
		lines := lexiconLines(name)
		m := make(map[string]bool, len(lines)) // sized once: the name lists hold thousands
		for _, line := range lines {
			for w := range strings.FieldsSeq(line) {
				m[w] = true
			}
		}
		return m
	})
}

// sortedSet is a long lexicon of words, one to a line, kept as a sorted
// list and searched: building a map of the given-name lists was a tenth of
// a small comparison's first run, and they are asked a few thousand times.
func sortedSet(name string) func() lexiconSet {
	return sync.OnceValue(func() lexiconSet {
		lines := lexiconLines(name)
		if !slices.IsSorted(lines) {
			slices.Sort(lines)
		}
		return lexiconSet(lines)
	})
}

// lexiconSet is a sorted list of words.
type lexiconSet []string

// has reports whether w is in the set.
func (s lexiconSet) has(w string) bool {
	_, ok := slices.BinarySearch(s, w)
	return ok
}

// phraseList is a lexicon of phrases, one to a line, in the file's order.
func phraseList(name string) func() []string {
	return sync.OnceValue(func() []string { return lexiconLines(name) })
}

// wordMap is a lexicon of "key value" lines: the key is every field but the
// last, the value the last.
func wordMap(name string) func() map[string]string {
	return sync.OnceValue(func() map[string]string {
		m := map[string]string{}
		for _, line := range lexiconLines(name) {
			fs := strings.Fields(line)
			if len(fs) < 2 {
				panic(fmt.Sprintf("lexicon %s: %q has no value", name, line))
			}
			m[strings.Join(fs[:len(fs)-1], " ")] = fs[len(fs)-1]
		}
		return m
	})
}

// numberMap is a wordMap whose values are numbers.
func numberMap(name string) func() map[string]float64 {
	words := wordMap(name)
	return sync.OnceValue(func() map[string]float64 {
		m := map[string]float64{}
		for k, v := range words() {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				panic(fmt.Sprintf("lexicon %s: %s: %v", name, k, err))
			}
			m[k] = f
		}
		return m
	})
}

// classMap is a lexicon of "class: words" lines, read as word → class.
func classMap(name string) func() map[string]string {
	return sync.OnceValue(func() map[string]string {
		m := map[string]string{}
		for _, line := range lexiconLines(name) {
			class, ws, ok := strings.Cut(line, ":")
			if !ok {
				panic(fmt.Sprintf("lexicon %s: %q has no class", name, line))
			}
			for _, w := range strings.Fields(ws) {
				if prev, dup := m[w]; dup {
					panic(fmt.Sprintf("lexicon %s: %q in %s and %s", name, w, prev, class))
				}
				m[w] = strings.TrimSpace(class)
			}
		}
		return m
	})
}

// The lexicons, each named for its file.
var (
	stopwords       = wordSet("stopwords")
	sentenceOpeners = wordSet("sentence-openers")
	notCounted      = wordSet("not-counted")
	inanimate       = wordSet("inanimate")
	countModifiers  = wordSet("count-modifiers")
	commonVerbs     = wordSet("common-verbs")
	reportVerbs     = wordSet("report-verbs")
	creditVerbs     = wordSet("credit-verbs")
	outletWords     = wordSet("outlet-words")
	sourceNouns     = wordSet("source-nouns")
	titleWords      = wordSet("titles")
	orgWords        = wordSet("org-words")
	nameConnectors  = wordSet("name-connectors")
	socialNetworks  = wordSet("social-networks")
	maleNames       = sortedSet("given-names-male")
	femaleNames     = sortedSet("given-names-female")
	speechNouns     = wordSet("speech-nouns")
	timeEvents      = wordSet("time-events")
	places          = sync.OnceValue(func() map[string]bool {
		m := map[string]bool{}
		for _, line := range lexiconLines("places") {
			m[line] = true
		}
		for p := range placeZones() {
			m[p] = true
		}
		return m
	})
	hedges        = phraseList("hedges")
	outcomes      = wordMap("outcomes")
	personClasses = wordMap("person-classes")
	eventNouns    = wordMap("event-nouns")
	placeZones    = wordMap("place-zones")
	eventClasses  = classMap("event-classes")
	statuses      = classMap("statuses")
	statusGroups  = sync.OnceValue(func() map[string]int {
		m := map[string]int{}
		for i, line := range lexiconLines("status-groups") {
			for _, s := range strings.Fields(line) {
				m[s] = i + 1
			}
		}
		return m
	})
	numberWords  = numberMap("number-words")
	ordinalWords = numberMap("ordinal-words")
	scaleWords   = numberMap("scale-words")
	// durationDays is each unit of time's shortest and longest length in
	// days.
	durationDays = sync.OnceValue(func() map[string][2]float64 {
		m := map[string][2]float64{}
		for _, line := range lexiconLines("duration-units") {
			f := strings.Fields(line)
			if len(f) != 3 {
				panic(fmt.Sprintf("lexicon duration-units: %q is not unit shortest longest", line))
			}
			m[f[0]] = [2]float64{fraction(f[1]), fraction(f[2])}
		}
		return m
	})
	qualifiers = sync.OnceValue(func() []qualifier {
		var out []qualifier
		for _, line := range lexiconLines("qualifiers") {
			kind, words, _ := strings.Cut(line, " ")
			out = append(out, qualifier{words: words, kind: kind, split: strings.Fields(words)})
		}
		return out
	})
	// qualifierWord holds the words of the qualifiers, which may stand
	// between an outcome verb and its number ("killing at least 10").
	qualifierWord = sync.OnceValue(func() map[string]bool {
		m := map[string]bool{}
		for _, q := range qualifiers() {
			for _, w := range strings.Fields(q.words) {
				m[w] = true
			}
		}
		return m
	})
)

// qualifier is a phrase that widens a figure into a range, and how: "min"
// (the figure is a floor), "max" (a ceiling) or "approx".
type qualifier struct {
	words string
	kind  string
	split []string // its words, split once: every number asks
}

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// fraction reads a lexicon's number, written n or n/d.
func fraction(s string) float64 {
	n, d, ok := strings.Cut(s, "/")
	x, err := strconv.ParseFloat(n, 64)
	if err == nil && ok {
		var y float64
		if y, err = strconv.ParseFloat(d, 64); err == nil {
			x /= y
		}
	}
	if err != nil {
		panic(fmt.Sprintf("lexicon number %q: %v", s, err))
	}
	return x
}
