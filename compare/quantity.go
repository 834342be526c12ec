package compare

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// months, before a number, make it a day of the month, not a count.
var months = toSet(`january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec`)

// quantityAt holds a quantity found in a sentence, with its span relative to
// the sentence.
type quantityAt struct {
	q          Quantity
	start, end int
}

// quantities finds the counted numbers of a sentence.
func quantities(text string) []quantityAt { return quantitiesOf(text, words(text)) }

// quantitiesOf finds the counted numbers of a sentence whose words are
// split: "at least five militia fighters were killed", "2,500 US soldiers
// are deployed", "$2.3 million in income", "a 40-page ruling", "passed
// 230-195", "25 percent of voters", "Mattis, 68", "a child was killed".
// Years, days of the month, clock times, ordinals and model numbers
// ("F-16") are not quantities; nor is a bare "one" ("one way", "one of").
func quantitiesOf(text string, toks []token) []quantityAt {
	var out []quantityAt
	shapes := numberWordShapes() // once, not through the sync.Once for every word
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		f := tk.folded
		if !mayCount(f, shapes) {
			continue // most words: none of the readings below can start at them
		}
		if v, ok := hyphenMagnitude(f); ok {
			// "magnitude-5.9", "a 5.9-magnitude quake": one token.
			q := Quantity{Low: v, High: v, Unit: "magnitude", Class: "earthquake"}
			endTok := i
			if i+1 < len(toks) {
				if c, ok := eventNouns()[toks[i+1].folded]; ok {
					q.Counted, q.Class, endTok = toks[i+1].folded, c, i+1
				}
			}
			out = append(out, quantityAt{q: q, start: tk.start, end: toks[endTok].end})
			i = endTok
			continue
		}
		if a, b, ok := tally(f); ok && !isDateOrTime(text, toks, i, i+1, a) {
			// "passed 230-195", "a 52-48 vote".
			q := Quantity{Low: a, High: a, Against: b, Unit: "votes", Counted: "vote", Class: "vote"}
			out = append(out, quantityAt{q: q, start: tk.start, end: tk.end})
			continue
		}
		if v, noun, ok := fusedCount(f); ok {
			// "a 40-page ruling", "a five-year term", "a 21-year veteran",
			// "a 66-year-old man": the count describes the noun after it.
			q := Quantity{Low: v, High: v, Counted: singular(noun), Modifier: true}
			end := tk.end
			if i+1 < len(toks) && !isStop(toks[i+1].folded) && isAlpha(toks[i+1].folded) && !strings.ContainsAny(text[tk.end:toks[i+1].start], ",;:") {
				q.Of = singular(toks[i+1].folded)
				end = toks[i+1].end
			}
			if noun == "year-old" {
				q.Counted, q.Unit = "age", "years"
			} else if durationUnits()[q.Counted] {
				q.Unit = q.Counted
			}
			q.Class = classOf(q.Counted)
			out = append(out, quantityAt{q: q, start: tk.start, end: end})
			continue
		}
		value, ordinal, n := parseNumber(toks, i)
		if n == 0 {
			// "a child was killed": one person, when an outcome follows.
			if (f == "a" || f == "an") && i+1 < len(toks) {
				if _, person := personClasses()[toks[i+1].folded]; person {
					if o, ok := outcomeNear(toks, i+1, 8, 0); ok {
						counted := singular(toks[i+1].folded)
						out = append(out, quantityAt{q: Quantity{Low: 1, High: 1, Counted: counted, Class: classOf(counted), Outcome: o, Indefinite: true},
							start: tk.start, end: toks[i+1].end})
					}
				}
			}
			continue
		}
		end := i + n // tokens [i, end) are the number
		if ordinal || isDateOrTime(text, toks, i, end, value) {
			i = end - 1
			continue
		}
		q := Quantity{Low: value, High: value}
		start := tk.start
		// The unit: a currency sign before, a scale or unit word after.
		if tk.start > 0 && strings.ContainsAny(text[tk.start-1:tk.start], "$£€") {
			q.Unit = text[tk.start-1 : tk.start]
			start--
		}
		if magnitudeBefore(toks, i) || end < len(toks) && toks[end].folded == "magnitude" || richterAfter(toks, end) {
			q.Unit = "magnitude"
		}
		if end < len(toks) {
			if s, ok := scaleWords()[toks[end].folded]; ok && (q.Unit != "" || toks[end].folded != "m") {
				q.Low *= s
				q.High *= s
				end++
			}
		}
		if end < len(toks) && (toks[end].folded == "percent" || toks[end].folded == "per" && end+1 < len(toks) && toks[end+1].folded == "cent") ||
			strings.HasPrefix(text[toks[end-1].end:], "%") {
			q.Unit = "%"
			if end < len(toks) && toks[end].folded == "percent" {
				end++
			} else if end+1 < len(toks) && toks[end].folded == "per" {
				end += 2
			}
		}
		// The qualifier: one of the listed phrases just before.
		if qual, kind, qstart := qualifierBefore(toks, i); qual != "" {
			q.Qualifier = qual
			start = qstart
			widen(&q, kind)
		} else if end+1 < len(toks) && toks[end].folded == "or" && (toks[end+1].folded == "older" || toks[end+1].folded == "more") {
			q.Qualifier, q.High = "or more", math.Inf(1) // "21 or older", "10 or more"
		}
		// What is counted: the head of the noun phrase after the number, or
		// what a share is of ("25 percent of voters").
		last := end
		switch {
		case q.Unit == "%":
			q.Of = shareOf(toks, end)
			q.Whose = holderOf(text, toks, i, end)
			q.Among = populationOf(toks)
		case isCurrency(q.Unit):
			q.Of = sumOf(text, toks, i, end)
		default:
			last = countedNoun(text, toks, end, &q)
			if lengthUnits[q.Counted] {
				q.Of = distanceFrom(text, toks, last)
			}
			if q.Counted == "" && end+2 < len(toks) && toks[end].folded == "of" && (toks[end+1].folded == "its" || toks[end+1].folded == "their" || toks[end+1].folded == "the") {
				// "seven of its villages": the noun after the possessive.
				last = countedNoun(text, toks, end+2, &q)
			}
			if end+1 < len(toks) && toks[end].folded == "of" && partitive[toks[end+1].folded] {
				// "four of those killed": a part of a count given before.
				q.Anaphoric = true
			}
		}
		if q.Unit == "" && q.Counted == "" && i > 0 && toks[i-1].folded != "to" {
			// "Mattis, 68, said": an age in commas after a name.
			if age(text, toks, i, end) {
				q.Counted, q.Unit = "age", "years"
			}
		}
		q.Class = classOf(q.Counted)
		q.Purpose = purposeAfter(toks, max(last, end))
		q.Rest = end < len(toks) && (toks[end].folded == "other" || toks[end].folded == "others" || toks[end].folded == "more")
		if q.Outcome == "" {
			if o, ok := outcomeAround(text, toks, i, last, q.Counted); ok && (q.Unit == "" || q.Unit == "%") {
				q.Outcome = o
			}
		}
		// "Ten people were killed and about 50 hurt", "six arrests Wednesday,
		// compared to 47 the previous night": an elided noun is the one the
		// sentence counted just before.
		if q.Counted == "" && q.Unit == "" && len(out) > 0 {
			prev := out[len(out)-1].q
			if prev.Counted != "" && prev.Unit == "" && (q.Outcome != "" || comparedTo(toks, i)) {
				q.Counted, q.Class = prev.Counted, prev.Class
				if q.Outcome == "" {
					q.Outcome = prev.Outcome
				}
			}
		}
		// "50 were injured": people, when what befell them is what befalls
		// people.
		if q.Counted == "" && q.Unit == "" && (q.Outcome == "killed" || q.Outcome == "injured") {
			q.Counted, q.Class = "people", "people"
		}
		// "apprehensions have fallen to 400,000": the noun is the subject of
		// the change.
		if q.Counted == "" && q.Unit == "" {
			if noun := changedSubject(text, toks, i); noun != "" {
				q.Counted, q.Class = noun, classOf(noun)
				if fate, ok := fateNouns[noun+"s"]; ok {
					q.Counted, q.Class, q.Outcome = "people", "people", fate
				}
			}
		}
		// "No one was hurt" counts no one.
		if toks[i].folded == "one" && i > 0 && (toks[i-1].folded == "no" || toks[i-1].folded == "not") {
			continue
		}
		// A bare "one" counts nothing a reader checks: "one way", "one point".
		if value == 1 && q.Unit == "" && q.Outcome == "" && !strings.ContainsAny(toks[i].text, "0123456789") {
			i = last - 1
			continue
		}
		// "the two states", "both men": a few things named before, not a count.
		if value <= 5 && q.Unit == "" && i > 0 && anaphoric[toks[i-1].folded] && q.Qualifier == "" {
			q.Anaphoric = true
		}
		out = append(out, quantityAt{q: q, start: start, end: toks[max(last, end)-1].end})
		i = max(last, end) - 1
	}
	return out
}

// mayCount reports a word at which quantitiesOf may read a count: one with
// a digit first or a hyphen (a magnitude, a tally, a fused count, "twenty-
// five"), "a", "an" or "half" (an indefinite person, "a dozen", "half a
// dozen"), or one that may be a number or ordinal word (numberWordShapes).
// Every word of a sentence is tried, and few are any of these: the test
// spares most of them the readings' map lookups.
func mayCount(f string, shapes *wordShapes) bool {
	if f == "" {
		return false
	}
	if isDigit(f[0]) || f == "a" || f == "an" || f == "half" || shapes.may(f) {
		return true
	}
	for j := range len(f) { // words are short: no call to strings.IndexByte
		if f[j] == '-' {
			return true
		}
	}
	return false
}

// wordShapes is a filter on a set of lower-case ASCII words by their
// length, first and last letters: a word it rejects is not in the set.
type wordShapes [16][26]uint32

func (ws *wordShapes) may(f string) bool {
	a, z := f[0]-'a', f[len(f)-1]-'a'
	return len(f) < len(ws) && a < 26 && z < 26 && ws[len(f)][a]&(1<<z) != 0
}

// numberWordShapes are the shapes of the one-word number and ordinal words.
var numberWordShapes = sync.OnceValue(func() *wordShapes {
	var ws wordShapes
	for _, m := range []map[string]float64{numberWords(), ordinalWords()} {
		for w := range m {
			if strings.Contains(w, " ") {
				continue // "a dozen": no one word
			}
			a, z := w[0]-'a', w[len(w)-1]-'a'
			if len(w) >= len(ws) || a >= 26 || z >= 26 {
				panic("number word " + w + " is not a short lower-case ASCII word")
			}
			ws[len(w)][a] |= 1 << z
		}
	}
	return &ws
})

// purposeAfter reads what a figure is needed for, from the words after it:
// "votes (needed|necessary|required) to block", "to overcome". The verb is
// given as written, folded; "" when the figure is not followed by a
// purpose.
func purposeAfter(toks []token, at int) string {
	i := at
	if i < len(toks) && thresholdWords[toks[i].folded] {
		i++
	}
	if i+1 < len(toks) && toks[i].folded == "to" && isAlpha(toks[i+1].folded) && !isStop(toks[i+1].folded) {
		return toks[i+1].folded
	}
	return ""
}

// thresholdWords stand between a figure and what it is needed for.
var thresholdWords = map[string]bool{"needed": true, "necessary": true, "required": true, "enough": true}

// widen turns an exact figure into the range its qualifier gives.
func widen(q *Quantity, kind string) {
	switch kind {
	case "min":
		q.High = math.Inf(1)
	case "max":
		q.Low = 0
	case "approx":
		// A tenth either side, written so that 50 gives 45 and 55 exactly.
		d := q.Low / 10
		q.Low, q.High = q.Low-d, q.High+d
	}
}

// countedNoun reads the noun a number counts: the head of the noun phrase
// after it ("19 separate actions" counts actions, "2,500 US soldiers"
// soldiers), stopping at a verb, a participle or a clause's end. It
// returns the token after the phrase.
func countedNoun(text string, toks []token, end int, q *Quantity) int {
	last := end
	reach := end + 4
	for j := end; j < len(toks) && j < reach; j++ {
		w := toks[j].folded
		if strings.ContainsAny(text[toks[j-1].end:toks[j].start], ",;:()—–") {
			break // "wounding 70, Iranian officials said": the count ends at the comma
		}
		// "three operational and weapons storage facilities", "five
		// one-way unmanned aerial vehicle attacks": a modifier, then the
		// plural it belongs to.
		modifying := modifierBefore(toks, j, q.Counted)
		if modifying {
			reach = j + 5
			if w == "and" || w == "or" {
				continue
			}
		}
		if w == "magnitude" || countModifiers()[w] || isCapitalised(toks[j].text) && j+1 < len(toks) && !isStop(toks[j+1].folded) {
			continue // "three other people", "2,500 US soldiers", "a 5.9 magnitude quake"
		}
		if fate, ok := fateNouns[w]; ok && j == end {
			// "520,000 arrests", "26 deaths": people, and what befell them.
			q.Counted, q.Outcome = "people", fate
			return j + 1
		}
		if isStop(w) || outcomes()[w] != "" || commonVerbs()[w] || !isAlpha(w) && !modifying || strings.HasSuffix(w, "ed") && len(w) > 4 && !modifying ||
			strings.HasSuffix(w, "ing") && len(w) > 5 && j > end {
			break
		}
		if notCounted()[w] {
			if durationUnits()[singular(w)] && q.Unit == "" && j == end {
				// "for 12 years", "35 days": a duration.
				q.Unit, q.Counted = singular(w), singular(w)
				return j + 1
			}
			break // "arrested four times": how often, not how many
		}
		q.Counted = singular(w)
		last = j + 1
		// A plural ends the phrase: "two helicopters began", "three Texas
		// landowners whose property".
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !nounBefore(toks, j) || irregularPlurals[w] {
			break
		}
	}
	return last
}

// nounBefore: a plural that modifies the plural after it ("weapons" in
// "weapons storage facilities"): a word, then a plural, no small word.
func nounBefore(toks []token, j int) bool {
	for k := j + 1; k < len(toks) && k <= j+2; k++ {
		w := toks[k].folded
		if isStop(w) || commonVerbs()[w] || !isAlpha(w) || outcomes()[w] != "" {
			return false
		}
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			return true
		}
	}
	return false
}

// modifierBefore: the word counted so far is a modifier of a plural a few
// words on, past "and" or other modifiers, with no mark or small word
// between: "operational" in "operational and weapons storage facilities",
// "one-way" in "one-way unmanned aerial vehicle attacks".
func modifierBefore(toks []token, j int, counted string) bool {
	if counted == "" || strings.HasSuffix(counted, "s") {
		return false
	}
	if w := toks[j].folded; w != "and" && w != "or" && !strings.Contains(counted, "-") {
		return false
	}
	for k := j; k < len(toks) && k < j+4; k++ {
		w := toks[k].folded
		if isStop(w) && w != "and" && w != "or" || !isAlpha(strings.ReplaceAll(w, "-", "")) {
			return false
		}
		if k > j && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			return true
		}
	}
	return false
}

var irregularPlurals = toSet(`people men women children militiamen gunmen congressmen police`)

// fateNouns are the nouns that count people by what befell them.
var fateNouns = map[string]string{
	"deaths": "killed", "fatalities": "killed", "killings": "killed", "casualties": "killed",
	"injuries": "injured", "arrests": "arrested", "apprehensions": "arrested", "detentions": "arrested",
}

// durationUnits are the units of a length of time (lexicon/duration-units).
var durationUnits = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(durationDays()))
	for u := range durationDays() {
		m[u] = true
	}
	return m
})

// lengthInDays is the shortest and longest a length of time can be, in days:
// "three months" is 84 to 93 days.
func (q Quantity) lengthInDays() (lo, hi float64) {
	d := durationDays()[q.Unit]
	return q.nominal() * d[0], q.nominal() * d[1]
}

// inDays is a length of time told in days, each unit at the middle of its
// span: a month at 29.5 days.
func (q Quantity) inDays() Quantity {
	d := durationDays()[q.Unit]
	mid := (d[0] + d[1]) / 2
	q.Low, q.High, q.Unit, q.Counted = q.Low*mid, q.High*mid, "day", "day"
	return q
}

// shareOf is the group a share is of: "25 percent of voters" is of voters,
// "11 percent among Tea Party supporters" of supporters.
func shareOf(toks []token, end int) string {
	if end >= len(toks) || toks[end].folded != "of" && toks[end].folded != "among" {
		return ""
	}
	head := ""
	for j := end + 1; j < len(toks) && j < end+6; j++ {
		w := toks[j].folded
		if isStop(w) && w != "all" {
			if head != "" {
				break
			}
			continue
		}
		if strings.HasSuffix(w, "ed") && len(w) > 4 || commonVerbs()[w] {
			break
		}
		head = singular(w)
	}
	return head
}

// lengthUnits are the nouns a distance is counted in.
var lengthUnits = toSet(`mile kilometer kilometre km foot feet meter metre yard block`)

// compassWords stand between a distance and the place it is measured from:
// "seven miles southwest of Nationals Park".
var compassWords = toSet(`north south east west northeast northwest southeast southwest north-east north-west south-east south-west away outside inland offshore`)

// distanceFrom is the place a distance is measured from: the phrase after
// "of" or "from", past a compass word. "" when the sentence does not say.
func distanceFrom(text string, toks []token, at int) string {
	j := at
	if j < len(toks) && compassWords[toks[j].folded] {
		j++
	}
	if j+1 < len(toks) && (toks[j].folded == "of" || toks[j].folded == "from") {
		return phraseWords(text, toks, j+1)
	}
	return ""
}

// sumOf is what a sum is for, from or of: the head of the phrase after it
// ("$3.6 billion from military construction projects" → "project"), else
// the noun the sum is given for before it ("the construction budget, to the
// tune of $3.5 billion" → "budget").
func sumOf(text string, toks []token, i, end int) string {
	if end < len(toks) {
		switch toks[end].folded {
		case "for", "from", "in", "to", "on", "of", "toward", "towards":
			return phraseWords(text, toks, end+1)
		}
		if w := toks[end].folded; !isStop(w) && isAlpha(w) && !commonVerbs()[w] && !strings.ContainsAny(text[toks[end-1].end:toks[end].start], ",;:") {
			return phraseWords(text, toks, end) // "a $2.6 trillion trust fund"
		}
	}
	if i >= 4 && toks[i-1].folded == "of" && toks[i-2].folded == "tune" {
		// "the military construction budget, to the tune of $3.5 billion"
		j := i - 4
		for j >= 0 && isStop(toks[j].folded) {
			j--
		}
		k := j
		for k > 0 && j-k < 3 && !isStop(toks[k-1].folded) && isAlpha(toks[k-1].folded) {
			k--
		}
		if j >= 0 {
			return phraseWords(text, toks[k:j+1], 0)
		}
	}
	return ""
}

// phraseWords is the noun phrase from token i, its content words only, the
// head last: "military construction project".
func phraseWords(text string, toks []token, i int) string {
	var ws []string
	for j := i; j < len(toks) && j < i+6; j++ {
		w := toks[j].folded
		if j > i && strings.ContainsAny(text[toks[j-1].end:toks[j].start], ",;:()—–") {
			break
		}
		if isStop(w) {
			if len(ws) > 0 {
				break
			}
			continue
		}
		if commonVerbs()[w] || !isAlpha(w) || strings.HasSuffix(w, "ed") && len(w) > 4 && len(ws) > 0 {
			break
		}
		ws = append(ws, w)
	}
	if len(ws) > 0 {
		ws[len(ws)-1] = singular(ws[len(ws)-1])
	}
	return strings.Join(ws, " ")
}

// holderOf is the name a share is given for, just before it ("Gingrich at
// 11 percent", "Palin, 10 percent") or just after ("11 percent for
// Gingrich"), or "".
func holderOf(text string, toks []token, i, end int) string {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if isCapitalised(toks[j].text) && j > 0 {
			return fold(toks[j].text)
		}
		if f := toks[j].folded; f != "at" && f != "with" && f != "had" && f != "has" && f != "got" && f != "was" && f != "is" {
			break
		}
	}
	if end+1 < len(toks) && (toks[end].folded == "for" || toks[end].folded == "to") && isCapitalised(toks[end+1].text) {
		return fold(toks[end+1].text)
	}
	return ""
}

// populationOf is the population a sentence's shares are counted in: the
// words after "among" up to a mark or a verb ("among Tea Party
// supporters"), "" when it names none or only the whole electorate
// (generalPopulations).
func populationOf(toks []token) string {
	for i, t := range toks {
		if t.folded != "among" {
			continue
		}
		var ws []string
		for j := i + 1; j < len(toks) && j <= i+populationWords; j++ {
			f := toks[j].folded
			if j > i+1 && (isStop(f) || commonVerbs()[f] || isNumberToken(f)) {
				break
			}
			if !isStop(f) {
				ws = append(ws, f)
			}
		}
		if len(ws) == 0 || len(ws) == 1 && generalPopulations[singular(ws[0])] {
			return ""
		}
		return strings.Join(ws, " ")
	}
	return ""
}

// generalPopulations are the whole of a poll's sample: a share "among
// voters" is as good as one that names no population.
var generalPopulations = toSet(`voter respondent people adult american resident`)

// age reports a number set off by commas after a name: "Mattis, 68,".
func age(text string, toks []token, i, end int) bool {
	if i == 0 || toks[i].folded[0] < '0' || toks[i].folded[0] > '9' {
		return false
	}
	before := text[toks[i-1].end:toks[i].start]
	after := ""
	if end < len(toks) {
		after = text[toks[end-1].end:toks[end].start]
	} else {
		after = text[toks[end-1].end:]
	}
	v, _ := strconv.Atoi(toks[i].folded)
	return strings.TrimSpace(before) == "," && strings.HasPrefix(strings.TrimSpace(after), ",") && isCapitalised(toks[i-1].text) && v > 0 && v < 120
}

// changedSubject is the noun a figure of change measures: "arrests fell
// to 400,000", "apprehensions have actually fallen, to 400,000".
func changedSubject(text string, toks []token, i int) string {
	if i < 2 || toks[i-1].folded != "to" && toks[i-1].folded != "from" {
		return ""
	}
	for v := i - 2; v >= 0 && v >= i-8; v-- {
		if !changeVerbs[toks[v].folded] {
			continue
		}
		for s := v - 1; s >= 0 && s >= v-4; s-- {
			w := toks[s].folded
			if strings.HasSuffix(w, "ly") || w == "have" || w == "has" || w == "had" || w == "been" {
				continue
			}
			if isStop(w) || !isAlpha(w) {
				return ""
			}
			return singular(w)
		}
	}
	return ""
}

// partitive words after "N of" make the figure a part of another: "four of
// those killed", "two of them".
var partitive = toSet(`those them these whom which`)

// anaphoric words before a small number make it point back at things
// named before ("the two states", "these three men").
var anaphoric = toSet(`the these those both his her their its our`)

// comparedTo reports a figure set against the one before it: "compared to
// 47", "up from 40", "versus 12".
func comparedTo(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch toks[j].folded {
		case "compared", "versus", "vs", "against":
			return true
		case "from":
			return j > 0 && (toks[j-1].folded == "up" || toks[j-1].folded == "down")
		}
	}
	return false
}

// changeVerbs say a figure moved: the subject is what it counts.
var changeVerbs = toSet(`fell fallen rose risen dropped climbed grew grown increased decreased declined
reached totaled totalled numbered jumped soared plunged doubled`)

// tally reads a vote tally written as two numbers with a hyphen or a
// dash: "230-195", "52–48".
func tally(f string) (float64, float64, bool) {
	if f == "" || !isDigit(f[0]) {
		return 0, 0, false // no count before the dash (a word begins with no sign)
	}
	a, b, ok := strings.Cut(strings.ReplaceAll(f, "–", "-"), "-")
	if !ok {
		return 0, 0, false
	}
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || x < y || x > 1000 || y > 1000 || len(a) > 4 || len(b) > 4 {
		return 0, 0, false
	}
	return float64(x), float64(y), true
}

// fusedCount reads a count fused with the noun it counts into a modifier:
// "40-page", "five-year", "21-year", "66-year-old", "two-dozen" (then the
// noun is ""). It returns the value and the noun.
func fusedCount(f string) (float64, string, bool) {
	num, noun, ok := strings.Cut(f, "-")
	if !ok || noun == "" {
		return 0, "", false
	}
	v, isNum := numberValue(num)
	if !isNum || noun == "" || noun[0] >= '0' && noun[0] <= '9' {
		return 0, "", false
	}
	if noun == "dozen" {
		return 0, "", false // "two-dozen" is read as a number
	}
	if _, ok := numberWords()[noun]; ok {
		return 0, "", false // "twenty-five"
	}
	if noun == "year-old" || isAlpha(noun) && !strings.Contains(noun, "-") {
		return v, noun, true
	}
	return 0, "", false
}

// numberValue reads one word as a number: digits or a number word.
func numberValue(s string) (float64, bool) {
	if v, ok := numberWords()[s]; ok {
		return v, true
	}
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// parseNumber reads the number starting at token i: digits ("2,500",
// "5.9", "184M"), number words ("seven", "twenty-five", "a dozen",
// "two-dozen"), or an ordinal ("third", "3rd"). It returns the value,
// whether it is an ordinal, and how many tokens it took (0 when there is
// no number).
func parseNumber(toks []token, i int) (float64, bool, int) {
	f := toks[i].folded
	if f == "a" && i+1 < len(toks) && toks[i+1].folded == "dozen" {
		return 12, false, 2
	}
	if f == "half" && i+2 < len(toks) && toks[i+1].folded == "a" && toks[i+2].folded == "dozen" {
		return 6, false, 3
	}
	if numberWordShapes().may(f) {
		if v, ok := numberWords()[f]; ok {
			if f == "one" && i+1 < len(toks) && (toks[i+1].folded == "of" || toks[i+1].folded == "another") {
				return 0, false, 0 // "one of the facilities" is a selection, not a count
			}
			if i+1 < len(toks) && toks[i+1].folded == "dozen" {
				return v * 12, false, 2 // "two dozen"
			}
			return v, false, 1
		}
		if v, ok := ordinalWords()[f]; ok {
			return v, true, 1
		}
	}
	if first, second, ok := strings.Cut(f, "-"); ok && !strings.Contains(second, "-") {
		tens, ok1 := numberWords()[first]
		ones, ok2 := numberWords()[second]
		if ok1 && ok2 && tens >= 20 && ones < 10 {
			return tens + ones, false, 1
		}
		if ok1 && second == "dozen" {
			return tens * 12, false, 1 // "two-dozen"
		}
	}
	if f == "" || f[0] < '0' || f[0] > '9' {
		return 0, false, 0
	}
	digits := strings.TrimRightFunc(f, unicode.IsLetter)
	suffix := f[len(digits):]
	v, err := strconv.ParseFloat(strings.ReplaceAll(digits, ",", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false, 0
	}
	switch suffix {
	case "":
		return v, false, 1
	case "st", "nd", "rd", "th":
		return v, true, 1
	case "m":
		return v * 1e6, false, 1
	case "bn", "b":
		return v * 1e9, false, 1
	case "k":
		return v * 1e3, false, 1
	case "s":
		return 0, false, 0 // "the 1970s", "F-16s"
	}
	return 0, false, 0 // "1AM", "6pm", "15km": handled as times or not counts
}

// isDateOrTime reports numbers that are dates or clock times: a year, a day
// after a month name, an hour before a.m./p.m.
func isDateOrTime(text string, toks []token, i, end int, v float64) bool {
	f := toks[i].folded
	if i > 0 && months[toks[i-1].folded] {
		return true
	}
	if end < len(toks) && months[toks[end].folded] {
		return true // "27 June"
	}
	if end < len(toks) {
		next := toks[end].folded
		if next == "am" || next == "pm" || next == "gmt" || next == "utc" || next == "bst" || next == "a.m" || next == "p.m" {
			return true
		}
	}
	if strings.Contains(f, ":") {
		return true
	}
	if v >= 1900 && v <= 2100 && v == math.Trunc(v) && !strings.Contains(f, ",") {
		return true // a year; counts this size are written with a separator
	}
	return false
}

func qualifierBefore(toks []token, i int) (string, string, int) {
	for _, q := range qualifiers() {
		ws := q.split
		if i < len(ws) {
			continue
		}
		match := true
		for k, w := range ws {
			if toks[i-len(ws)+k].folded != w {
				match = false
				break
			}
		}
		if match {
			return q.words, q.kind, toks[i-len(ws)].start
		}
	}
	return "", "", 0
}

// hyphenMagnitude reads "magnitude-5.9" and "5.9-magnitude".
func hyphenMagnitude(f string) (float64, bool) {
	num, ok := strings.CutPrefix(f, "magnitude-")
	if !ok {
		if num, ok = strings.CutSuffix(f, "-magnitude"); !ok {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v < 0 || v > 10 {
		return 0, false
	}
	return v, true
}

// magnitudeBefore reports "magnitude 5.9", "a magnitude of at least 5.9".
func magnitudeBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		switch w := toks[j].folded; {
		case w == "magnitude":
			return true
		case w == "of" || qualifierWord()[w]:
		default:
			return false
		}
	}
	return false
}

// richterAfter reports "6.1 on the Richter scale".
func richterAfter(toks []token, end int) bool {
	for j := end; j < len(toks) && j < end+3; j++ {
		if toks[j].folded == "richter" {
			return true
		}
	}
	return false
}

// outcomeAround finds what happened to the counted tokens [i, last): a verb
// just before the number ("killing 10 persons", "leveled seven villages")
// first, else one after the noun phrase within its clause ("five people were
// killed"); a comma, a semicolon or another number ends the clause. An
// outcome that cannot befall the counted thing is another noun's: a village
// is destroyed, never killed ("destruction in seven villages and killing 10
// people").
func outcomeAround(text string, toks []token, i, last int, counted string) (string, bool) {
	fits := func(o string) bool {
		return o != "" && !(inanimate()[counted] && (o == "killed" || o == "injured"))
	}
	// "five villages had been badly hit": what hits a place damages it.
	outcomeOf := func(w string) string {
		if (w == "hit" || w == "struck") && inanimate()[counted] {
			return "damaged"
		}
		return outcomes()[w]
	}
	// Back over a qualifier or "other" to the verb: "killing at least 10",
	// "wounding other 70".
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if strings.ContainsAny(text[toks[j].end:toks[j+1].start], ",;:") {
			break
		}
		if o := outcomeOf(toks[j].folded); fits(o) {
			return o, true
		}
		if !qualifierWord()[toks[j].folded] && !countModifiers()[toks[j].folded] {
			break
		}
	}
	limit := last + 6
	for j := last; j < len(toks) && j < limit; j++ {
		if strings.ContainsAny(text[toks[j-1].end:toks[j].start], ",;:") {
			// "Six people, including two congressmen, …, were injured": past
			// the aside to the verb.
			if (toks[j].folded == "including" || toks[j].folded == "among") && limit == last+6 {
				limit = j + 24
				continue
			}
			if limit > last+6 && (toks[j].folded == "were" || toks[j].folded == "was" || toks[j].folded == "are" || toks[j].folded == "had" || toks[j].folded == "have") {
				limit = j + 4 // past the aside: the verb follows
				continue
			}
			if limit == last+6 {
				break
			}
		}
		if limit > last+6+4 {
			// Inside the aside, its own counts ("two congressmen") are not
			// the clause's.
			if o := outcomeOf(toks[j].folded); fits(o) {
				return o, true
			}
			continue
		}
		w := toks[j].folded
		if o := outcomeOf(w); fits(o) {
			return o, true
		}
		if _, _, n := parseNumber(toks, j); n > 0 && w != "a" && w != "an" {
			break
		}
		// "gunned down two women and leaving a man wounded": a clause of
		// its own, with its own victims.
		if w == "and" && j+1 < len(toks) && strings.HasSuffix(toks[j+1].folded, "ing") {
			break
		}
	}
	return "", false
}

// outcomeNear finds an outcome word within after tokens after token i, or
// before tokens before it ("killing five fighters").
func outcomeNear(toks []token, i, after, before int) (string, bool) {
	for j := i + 1; j < len(toks) && j <= i+after; j++ {
		if o := outcomes()[toks[j].folded]; o != "" {
			return o, true
		}
	}
	for j := i - 1; j >= 0 && j >= i-before; j-- {
		if o := outcomes()[toks[j].folded]; o != "" {
			return o, true
		}
	}
	return "", false
}

func isAlpha(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return w != ""
}

// singular reduces an English plural noun to its singular for comparison.
func singular(w string) string {
	switch {
	case w == "people" || w == "men" || w == "women" || w == "children" || w == "militiamen" || w == "gunmen" || w == "congressmen":
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// pluralNoun writes a counted noun, kept singular as its key, in the
// plural a count of more than one takes.
func pluralNoun(w string) string {
	switch {
	case w == "" || irregularPlurals[w] || strings.HasSuffix(w, "men") || strings.HasSuffix(w, "people"):
		return w
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

// classOf groups a counted noun with its synonyms: the people-counting
// nouns by class, the nouns of one kind of event by its event class
// ("arrests", "apprehensions"), others by themselves.
func classOf(counted string) string {
	if c, ok := personClasses()[counted]; ok {
		return c
	}
	if c, ok := eventNouns()[counted]; ok {
		return c
	}
	if c, ok := eventClasses()[counted]; ok {
		return "@" + c
	}
	if c, ok := eventClasses()[counted+"s"]; ok {
		return "@" + c
	}
	return counted
}

// describe renders a quantity for people: "at least 5 fighter killed".
func (q Quantity) describe() string {
	var b strings.Builder
	if q.Unit == "votes" {
		return formatNumber(q.Low) + "–" + formatNumber(q.Against) + " vote"
	}
	if q.Qualifier != "" && q.Qualifier != "or more" {
		b.WriteString(q.Qualifier + " ")
	}
	if q.Unit == "$" || q.Unit == "£" || q.Unit == "€" {
		b.WriteString(q.Unit)
	}
	b.WriteString(groupThousands(formatNumber(q.nominal())))
	if q.Qualifier == "or more" {
		b.WriteString(" or more")
	}
	if q.Ordinal {
		b.WriteString(" (ordinal)")
	}
	if q.Unit == "%" {
		b.WriteString("%")
		if q.Of != "" {
			b.WriteString(" of " + q.Of)
		}
	}
	if q.Counted != "" {
		c := q.Counted
		if q.nominal() != 1 && !q.Modifier && (q.Unit == "" || q.Unit == q.Counted) {
			c = pluralNoun(c) // "5 fighters killed", not "5 fighter killed"
		}
		b.WriteString(" " + c)
	}
	if q.Modifier && q.Of != "" {
		b.WriteString(" " + q.Of)
	}
	if q.Outcome != "" {
		b.WriteString(" " + q.Outcome)
	}
	if q.Unit == "magnitude" {
		return "magnitude " + b.String()
	}
	return b.String()
}

// nominal is the number as written, before a qualifier widened it.
func (q Quantity) nominal() float64 {
	switch {
	case math.IsInf(q.High, 1):
		return q.Low
	case q.Low == 0 && q.High != 0:
		return q.High
	case q.Low != q.High:
		return (q.Low + q.High) / 2
	}
	return q.Low
}

// groupThousands writes a whole number of five digits or more with its
// thousands set apart, as news copy does: "520,000", not "520000"; a year
// or a smaller count stays as it is.
func groupThousands(s string) string {
	if len(s) < 5 || strings.ContainsAny(s, ". ") {
		return s
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return s
		}
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func formatNumber(v float64) string {
	switch {
	case v >= 1e9 && math.Mod(v, 1e7) == 0:
		return strconv.FormatFloat(v/1e9, 'f', -1, 64) + " billion"
	case v >= 1e6 && math.Mod(v, 1e4) == 0:
		return strconv.FormatFloat(v/1e6, 'f', -1, 64) + " million"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
