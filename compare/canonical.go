package compare

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/loader"
)

// entityMention is one name in one article.
// It holds its place and words rather than the entity fact it becomes
// (canonicalNames makes that): one 10 MB article names 146,000 names, which
// as facts held 37 MB from the reading to the detectors.
type entityMention struct {
	source     string // the article's id
	paragraph  int32
	start, end int32  // byte offsets into the paragraph's text
	text       string // the paragraph's text[start:end]
	topic      string // its sentence's topic, "" if none
	surface    string // as written, less titles
}

// span is where the mention stands.
func (m *entityMention) span() Span {
	return Span{Source: m.source, Paragraph: int(m.paragraph), Start: int(m.start), End: int(m.end)}
}

// canonicalNames finds the names of every body sentence and gives each one
// canonical form for all its variants: abbreviations defined in the text
// ("Kata'ib Hezbollah (KH)"), surnames after a full name ("Kirby" after
// "John Kirby"), titles dropped, and spellings that fold to one key
// (nameKey) across sources; two spellings one article writes apart stay two
// names unless they differ only in case, accents and punctuation. It adds an
// entity fact per mention and reconciles the variant spellings.
func canonicalNames(res *Result, perArticle [][]entityMention) {
	// A story names its people again and again: each spelling's keys are
	// made once.
	nameKey, lightKey := remembered(nameKey), remembered(lightKey)
	// What each spelling as written (a mention's surface) reads, once per
	// spelling: one 10 MB article names a few thousand names 146,000
	// times, and reading each mention's surface again, name and keys took
	// a dozen lookups a mention, on the comparison's last stretch.
	type spelling struct {
		oneWord bool
		surname string // the light key of a person's surname, "" for no person's full name
		// name is the name it stands for (a lone surname its full name's),
		// key and light its keys, canonical its canonical form.
		name, key, light, canonical string
		named                       bool // name and its keys made
		article                     int  // the last article whose groups have it, by its index+1
		varied                      bool // its first mention's fact is among the variants
	}
	spellings := map[string]*spelling{}
	total := 0
	for _, ms := range perArticle {
		total += len(ms)
	}
	of := make([]*spelling, 0, total) // each mention's, in order
	// Full names by surname, from every article: "Kirby" → "John Kirby".
	fullBySurname := map[string]string{}
	for _, ms := range perArticle {
		for i := range ms {
			sp := spellings[ms[i].surface]
			if sp == nil {
				ws := strings.Fields(ms[i].surface)
				sp = &spelling{oneWord: len(ws) == 1}
				if len(ws) >= 2 && isPersonLike(ws) {
					sp.surname = lightKey(ws[len(ws)-1])
				}
				spellings[ms[i].surface] = sp
				if last := sp.surname; last != "" {
					if _, ok := fullBySurname[last]; !ok {
						fullBySurname[last] = ms[i].surface
					}
				}
			}
			of = append(of, sp)
		}
	}
	// Spelling groups: key → light spellings; a key two light spellings of
	// one article share is split. The groups are sets: each spelling is
	// added once per article.
	type group struct {
		spellings map[string]map[string]bool // light key → surface forms
		sources   map[string]map[string]bool // light key → sources
	}
	groups := map[string]*group{}
	split := map[string]bool{}
	at := 0
	for ai, ms := range perArticle {
		seen := map[string]string{} // name key → light key, in this article
		for i := range ms {
			m, sp := &ms[i], of[at+i]
			if sp.article == ai+1 {
				continue
			}
			sp.article = ai + 1
			if !sp.named {
				name := m.surface
				if sp.oneWord {
					if full, ok := fullBySurname[lightKey(name)]; ok {
						name = full
					}
				}
				sp.name, sp.key, sp.light, sp.named = name, nameKey(name), lightKey(name), true
			}
			k, lk := sp.key, sp.light
			if prev, ok := seen[k]; ok && prev != lk {
				split[k] = true
			}
			seen[k] = lk
			g := groups[k]
			if g == nil {
				g = &group{spellings: map[string]map[string]bool{}, sources: map[string]map[string]bool{}}
				groups[k] = g
			}
			if g.spellings[lk] == nil {
				g.spellings[lk], g.sources[lk] = map[string]bool{}, map[string]bool{}
			}
			g.spellings[lk][sp.name] = true
			g.sources[lk][m.source] = true
		}
		at += len(ms)
	}
	// The canonical spelling of a group: the one most sources write.
	canon := map[string]string{} // name key + light key → canonical
	keys := slices.Sorted(maps.Keys(groups))
	for _, k := range keys {
		g := groups[k]
		best, bestN := "", -1
		lights := slices.Sorted(maps.Keys(g.spellings))
		for _, lk := range lights {
			forms := slices.Sorted(maps.Keys(g.spellings[lk]))
			if n := len(g.sources[lk]); n > bestN || n == bestN && forms[0] < best {
				best, bestN = forms[0], n
			}
		}
		for _, lk := range lights {
			if split[k] || !sameSpelling(lk, lightKey(best)) {
				canon[k+"|"+lk] = slices.Sorted(maps.Keys(g.spellings[lk]))[0]
			} else {
				canon[k+"|"+lk] = best
			}
		}
	}
	for _, sp := range spellings {
		sp.canonical = canon[sp.key+"|"+sp.light]
	}
	// Entity facts, and the spellings reconciled across sources.
	variants := map[string]map[string]Fact{} // canonical → surface → first fact
	// Grown once: the facts are the comparison's, and each doubling copied them all.
	res.Facts = slices.Grow(res.Facts, total)
	var id []byte
	at = 0
	for _, ms := range perArticle {
		for i, m := range ms {
			sp := of[at+i]
			c := sp.canonical
			f := Fact{Kind: FactEntity, Span: m.span(), Text: m.text, Topic: m.topic, Value: c}
			id = strconv.AppendInt(append(id[:0], 'f'), int64(len(res.Facts)+1), 10)
			f.ID = string(id) // as fmt.Sprintf("f%d") writes it, with one allocation, not three
			res.Facts = append(res.Facts, f)
			if !sp.varied { // a spelling's canonical form is one: its first fact is its first mention's
				sp.varied = true
				if variants[c] == nil {
					variants[c] = map[string]Fact{}
				}
				variants[c][m.surface] = f
			}
		}
		at += len(ms)
	}
	cs := slices.Sorted(maps.Keys(variants))
	for _, c := range cs {
		forms := slices.Sorted(maps.Keys(variants[c]))
		if len(forms) < 2 {
			continue
		}
		var claims []Claim
		srcs := map[string]bool{}
		distinct := map[string]bool{}
		for _, form := range forms {
			f := variants[c][form]
			srcs[f.Span.Source] = true
			distinct[foldText(form)] = true
			claims = append(claims, Claim{Span: f.Span, Text: f.Text, Value: c})
		}
		if len(srcs) < 2 || len(distinct) < 2 || len(strings.Fields(c)) == 0 {
			continue
		}
		res.Reconciled = append(res.Reconciled, Reconciled{Claims: claims,
			Reason: fmt.Sprintf("one name written %d ways: %s", len(forms), strings.Join(forms, ", "))})
	}
}

// lightKey folds only case, accents and punctuation: "Kata'ib" and
// "Kataib" are one spelling, "Kait'ib" another.
func lightKey(s string) string {
	var b strings.Builder
	for _, r := range decompose(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPersonLike reports a run of two or three capitalised words with no
// digits and no organisation word: "John Kirby", not "Air Force".
func isPersonLike(ws []string) bool {
	if len(ws) > 4 {
		return false
	}
	for i, w := range ws {
		l := strings.ToLower(w)
		if i > 0 && i < len(ws)-1 && len(strings.TrimSuffix(w, ".")) == 1 {
			continue // a middle initial: "Donald J. Trump"
		}
		if !isCapitalised(w) || orgWords()[l] || months[l] || weekdays[l] || sentenceOpeners()[l] || isStop(l) ||
			strings.ContainsAny(w, "0123456789'’") || w == strings.ToUpper(w) {
			return false
		}
	}
	return true
}

var weekdays = toSet(`monday tuesday wednesday thursday friday saturday sunday`)

// sameSpelling says whether two light spellings of one skeleton are one
// name: near in letters (Gaddafi, Qadhafi; Kyiv, Kiev), and not a name and
// its demonym (Somalia, Somali).
func sameSpelling(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if utf8.RuneCountInString(b) > maxNameRunes {
		return false // no name is that long: equal or not one
	}
	if strings.HasPrefix(b, a) {
		switch b[len(a):] {
		case "a", "n", "an", "ian", "i", "ese", "ish", "s", "es":
			return false
		}
	}
	return editDistance(a, b) <= max(2, len(b)/4)
}

// appendSentenceMentions appends the mentions of one sentence's names:
// abbreviations defined in the article (abbr, filled as they are defined)
// are read as their definitions, titles are dropped (surfaces, each name
// stripped of its titles, read with its paragraph on every core: the
// mentions are appended in the article's serial pass).
func appendSentenceMentions(out []entityMention, src string, p loader.Paragraph, s loader.Sentence, ns []nameAt, surfaces []string, abbr map[string]string) []entityMention {
	text := p.Text[s.Start:s.End]
	for i, n := range ns {
		surface := surfaces[i]
		if surface == "" {
			continue
		}
		// "Kata'ib Hezbollah (KH)": KH now stands for the name.
		if i+1 < len(ns) && isAbbreviation(ns[i+1].text) && strings.TrimSpace(text[n.end:ns[i+1].start]) == "(" && initialsMatch(surface, ns[i+1].text) {
			abbr[ns[i+1].text] = surface
		}
		if full, ok := abbr[surface]; ok {
			surface = full
		}
		start, end := s.Start+n.start, s.Start+n.end
		out = append(out, entityMention{source: src, paragraph: int32(p.Index), start: int32(start), end: int32(end),
			text: p.Text[start:end], surface: surface})
	}
	return out
}

// stripTitles drops the titles before a name: "Pentagon Press Secretary
// John Kirby" is "John Kirby"; a run that is all title is no name.
func stripTitles(name string) string {
	if !hasTitleWord(name) {
		if spacedOnce(name) {
			return name
		}
		return strings.Join(strings.Fields(name), " ")
	}
	ws := strings.Fields(name)
	last := -1
	for i, w := range ws {
		if titleWords()[strings.ToLower(strings.Trim(w, "."))] {
			last = i
		}
	}
	if last >= 0 && last < len(ws)-1 {
		ws = ws[last+1:]
	} else if last == len(ws)-1 {
		return ""
	}
	return strings.Join(ws, " ")
}

// hasTitleWord reports whether any word of name is a title, lowering only
// the words that may be one (most names hold none, and stripTitles is asked
// of every name mention).
func hasTitleWord(name string) bool {
	var low [32]byte
	for w := range strings.FieldsSeq(name) {
		w = strings.Trim(w, ".")
		if len(w) > len(low) {
			if titleWords()[strings.ToLower(w)] {
				return true
			}
			continue
		}
		ascii := true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			low[i] = c
		}
		if ascii && titleWords()[string(low[:len(w)])] || !ascii && titleWords()[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// spacedOnce reports a text whose words are parted by single spaces, with
// none at its ends: what joining its fields with spaces gives back.
func spacedOnce(s string) bool {
	prevSpace := true
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && (r != ' ' || prevSpace) {
			return false
		}
		prevSpace = sp
	}
	return !prevSpace || s == ""
}

func isAbbreviation(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// initialsMatch checks that an abbreviation's letters open the name's words
// in order: IRGC for Islamic Revolutionary Guard Corps, KSS for Kata'ib
// Sayyid al-Shuhada.
func initialsMatch(name, abbr string) bool {
	var initials []rune
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		r := []rune(w)[0]
		if unicode.IsUpper(r) {
			initials = append(initials, r)
		}
	}
	i := 0
	for _, r := range abbr {
		for i < len(initials) && initials[i] != r {
			i++
		}
		if i == len(initials) {
			return false
		}
		i++
	}
	return true
}
