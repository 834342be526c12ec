package compare

import (
	"math"
	"strconv"
	"strings"
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

// quantities finds the counted numbers of a sentence: "at least five militia
// fighters were killed", "2,500 US soldiers are deployed", "$184 million",
// "a child was killed". Years, days of the month, times of day and model
// numbers ("F-16") are not quantities.
func quantities(text string) []quantityAt { return quantitiesOf(text, words(text)) }

// quantitiesOf is quantities with the sentence's words already split.
func quantitiesOf(text string, toks []token) []quantityAt {
	var out []quantityAt
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		f := tk.folded
		value, ordinal, n := parseNumber(toks, i)
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
		if n == 0 {
			// "a child was killed": one person, when an outcome follows.
			if (f == "a" || f == "an") && i+1 < len(toks) {
				if _, person := personClasses()[toks[i+1].folded]; person {
					// "a child and three other civilians have been injured":
					// the outcome may follow a coordinated phrase.
					if out2, ok := outcomeNear(toks, i+1, 8, 0); ok {
						counted := singular(toks[i+1].folded)
						out = append(out, quantityAt{q: Quantity{Low: 1, High: 1, Counted: counted, Class: classOf(counted), Outcome: out2, Indefinite: true}, start: tk.start, end: toks[i+1].end})
					}
				}
			}
			continue
		}
		end := i + n // tokens [i, end) are the number
		if isDateOrTime(text, toks, i, end, value) {
			i = end - 1
			continue
		}
		q := Quantity{Low: value, High: value, Ordinal: ordinal}
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
		if end < len(toks) && (toks[end].folded == "percent" || toks[end].folded == "per") {
			q.Unit = "%"
		}
		// The qualifier: one of the listed phrases just before.
		if qual, kind, qstart := qualifierBefore(toks, i); qual != "" {
			q.Qualifier = qual
			start = qstart
			switch kind {
			case "min":
				q.High = math.Inf(1)
			case "max":
				q.Low = 0
			case "approx":
				q.Low, q.High = q.Low*0.9, q.High*1.1
			}
		}
		// What is counted: the noun phrase after the number.
		last := end
		for j := end; j < len(toks) && j < end+4; j++ {
			w := toks[j].folded
			if strings.ContainsAny(text[toks[j-1].end:toks[j].start], ",;:()") {
				break // "wounding 70, Iranian officials said": the count ends at the comma
			}
			if w == "magnitude" || countModifiers()[w] || isCapitalised(toks[j].text) && j+1 < len(toks) && !isStop(toks[j+1].folded) {
				continue // "three other people", "2,500 US soldiers", "a 5.9 magnitude quake"
			}
			if isStop(w) || outcomes()[w] != "" || commonVerbs()[w] || !isAlpha(w) || strings.HasSuffix(w, "ed") && len(w) > 4 {
				break
			}
			if notCounted()[w] {
				break // "arrested four times", "five days": how often or how long, not how many
			}
			q.Counted = singular(w)
			last = j + 1
		}
		q.Class = classOf(q.Counted)
		if o, ok := outcomeAround(text, toks, i, last, q.Counted); ok && q.Unit == "" {
			q.Outcome = o
		}
		// "Ten people were killed and about 50 hurt": an elided noun is the
		// one the sentence counted just before.
		if q.Counted == "" && q.Outcome != "" && q.Unit == "" && len(out) > 0 {
			if prev := out[len(out)-1].q; prev.Counted != "" && prev.Unit == "" {
				q.Counted, q.Class = prev.Counted, prev.Class
			}
		}
		out = append(out, quantityAt{q: q, start: start, end: toks[last-1].end})
		i = last - 1
	}
	return out
}

// parseNumber reads the number starting at token i: digits ("2,500",
// "5.9", "184M"), number words ("seven", "twenty-five", "a dozen"), or an
// ordinal ("third", "3rd"). It returns the value, whether it is an ordinal,
// and how many tokens it took (0 when there is no number).
func parseNumber(toks []token, i int) (float64, bool, int) {
	f := toks[i].folded
	if f == "a" && i+1 < len(toks) && toks[i+1].folded == "dozen" {
		return 12, false, 2
	}
	if v, ok := numberWords()[f]; ok {
		if f == "one" && i+1 < len(toks) && toks[i+1].folded == "of" {
			return 0, false, 0 // "one of the facilities" is a selection, not a count
		}
		return v, false, 1
	}
	if v, ok := ordinalWords()[f]; ok {
		return v, true, 1
	}
	if parts := strings.Split(f, "-"); len(parts) == 2 {
		tens, ok1 := numberWords()[parts[0]]
		ones, ok2 := numberWords()[parts[1]]
		if ok1 && ok2 && tens >= 20 && ones < 10 {
			return tens + ones, false, 1
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
		if next == "am" || next == "pm" || next == "gmt" || next == "utc" || next == "bst" {
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
		ws := strings.Fields(q.words)
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
	// Back over a qualifier or "other" to the verb: "killing at least 10",
	// "wounding other 70".
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if strings.ContainsAny(text[toks[j].end:toks[j+1].start], ",;:") {
			break
		}
		if o := outcomes()[toks[j].folded]; fits(o) {
			return o, true
		}
		if !qualifierWord()[toks[j].folded] && !countModifiers()[toks[j].folded] {
			break
		}
	}
	for j := last; j < len(toks) && j < last+6; j++ {
		if strings.ContainsAny(text[toks[j-1].end:toks[j].start], ",;:") {
			break
		}
		w := toks[j].folded
		if o := outcomes()[w]; fits(o) {
			return o, true
		}
		if _, _, n := parseNumber(toks, j); n > 0 && w != "a" && w != "an" {
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
	case w == "people" || w == "men" || w == "women" || w == "children" || w == "militiamen" || w == "gunmen":
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// classOf groups a counted noun with its synonyms: the people-counting
// nouns by class, others by themselves.
func classOf(counted string) string {
	if c, ok := personClasses()[counted]; ok {
		return c
	}
	if c, ok := eventNouns()[counted]; ok {
		return c
	}
	return counted
}

// describe renders a quantity for people: "at least 5 fighter killed".
func (q Quantity) describe() string {
	var b strings.Builder
	if q.Qualifier != "" {
		b.WriteString(q.Qualifier + " ")
	}
	if q.Unit == "$" || q.Unit == "£" || q.Unit == "€" {
		b.WriteString(q.Unit)
	}
	b.WriteString(formatNumber(q.nominal()))
	if q.Ordinal {
		b.WriteString(" (ordinal)")
	}
	if q.Unit == "%" {
		b.WriteString("%")
	}
	if q.Counted != "" {
		b.WriteString(" " + q.Counted)
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
		return math.Round((q.Low/0.9)*1000) / 1000
	}
	return q.Low
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
