package compare

import (
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/loader"
)

// Who said a quotation. News copy credits a quotation in its own sentence
// ("…,” Boehner said; Trump told the Times it was “…”; according to the
// Pentagon, “…”), or by a pronoun or a title whose antecedent is a person
// named before ("he said", "the senator said"), or not at all when a
// paragraph of quotation goes on from the last. A speaker is a person or an
// organisation; a newspaper, a channel or a social network that carried
// the words is the Via, never the speaker; weekdays, months, places and
// party tags ("R-Ohio") are never speakers.

// attribution is who said a quotation and who carried it.
type attribution struct {
	speaker  string // a person's full name when the article gives it, an organisation, or a described source
	via      string // the outlet or person the words were said to
	occasion string // "written" or "spoken" when the cue tells, else ""
}

// attributor follows one article's people and speakers from paragraph to
// paragraph.
type attributor struct {
	people  map[string]string // a surname's key → the person's full name
	titles  map[string]string // a title ("president") → the last person named with it
	last    string            // the last speaker
	lastAt  int               // the paragraph of the last speaker
	subject string            // the last person named at the head of a sentence
	// recent lists people as they were named, the latest last: subjects
	// and speakers in heads, every mention in all (remember).
	heads, all []string
	gender     map[string]byte // a person's gender, from a first name or an honorific
	// clock counts sentences; subjectAt and lastClock say when the subject
	// and the last speaker were seen, so that a pronoun takes the later.
	clock, subjectAt, lastClock int
	// pending is a speaker announced at the end of a paragraph ("Trump
	// tweeted:") whose words the next paragraph holds.
	pending string
	open    string // the speaker of a quotation left open at the paragraph's end
	par     int
	// source is the last body or described source credited ("a US defence
	// official confirmed"), for "they" and "it".
	source   string
	sourceAt int
	// addressee is the person a speaker last asked, whose answer may follow.
	addressee string
	// affiliation is the body a person speaks for, when the article names
	// it before the title ("Pentagon Press Secretary John Kirby").
	affiliation map[string]string
	queries     map[string]personQuery // person's reading of each name asked (personOf)
}

func newAttributor() *attributor {
	return &attributor{people: map[string]string{}, titles: map[string]string{}, gender: map[string]byte{},
		affiliation: map[string]string{}, queries: map[string]personQuery{}, lastAt: -10}
}

// paragraph credits the quotations of one paragraph, in order. plain is
// its text with the quotations blanked (outsideQuotes), named what its
// sentences' names tell alone (readNamed), one per sentence, and
// occasions its quotations' (quoteOccasions).
func (a *attributor) paragraph(plain string, sents []sentence, named [][]namedRun, occasions []string, quotes []quoteAt) []attribution {
	a.par++
	out := make([]attribution, len(quotes))
	learnt := 0
	for k, q := range quotes {
		// The sentences up to the quotation's are read first: the people
		// they name are the antecedents of its pronouns.
		for learnt < len(sents) && sents[learnt].span.Start <= q.start {
			a.learn(sents[learnt].text(plain), sents[learnt].toks, named[learnt])
			learnt++
		}
		var at attribution
		si := sentenceAt(sents, q.start)
		sj := sentenceAt(sents, max(q.start, q.end-1))
		// The cue after the quotation, then the one before it. Both read
		// the head of the words before it (headOf), from one state.
		var head headRead
		if sj >= 0 {
			at = a.after(plain, sents[sj], q, quotes, &head)
		}
		if at.speaker == "" && sj >= 0 && sj+1 < len(sents) && q.end+3 >= sents[sj].span.End {
			// “…!” Mr. Calderón told CNBC. — the cue split off as a
			// sentence of its own after a quotation's closing mark.
			if next := sents[sj+1]; len(next.toks) <= 12 {
				at = a.after(plain, sentence{span: loader.Sentence{Start: q.end, End: next.span.End}, toks: nil}, q, quotes, &head)
			}
		}
		if at.speaker == "" && si >= 0 {
			at = a.before(plain, sents[si], q, quotes, &head)
		}
		switch {
		case at.speaker != "":
		case k == 0 && q.start <= 1 && a.open != "":
			at.speaker = a.open // the quotation goes on from the last paragraph
		case k == 0 && q.start <= 1 && a.pending != "":
			at.speaker = a.pending // "Trump tweeted:" and then the tweet
		case k > 0 && out[k-1].speaker != "" && si == sentenceAt(sents, quotes[k-1].start):
			at.speaker = out[k-1].speaker // one sentence, two quotations
		}
		if occasions != nil { // none without the paragraph's sentences
			at.occasion = occasions[k]
		}
		out[k] = at
	}
	// A quotation with no cue in a paragraph where another has one: the
	// paragraph's speaker ("“…,” he said. “…”").
	for k := range out {
		if out[k].speaker != "" {
			continue
		}
		for _, d := range []int{-1, 1} {
			if j := k + d; j >= 0 && j < len(out) && out[j].speaker != "" {
				out[k].speaker = out[j].speaker
				break
			}
		}
		if out[k].speaker == "" && quotes[k].start <= 1 && a.last != "" && a.par-a.lastAt <= 1 {
			// A paragraph that opens on a quotation goes on with the last
			// speaker's words.
			out[k].speaker = a.last
		}
	}
	for ; learnt < len(sents); learnt++ {
		a.learn(sents[learnt].text(plain), sents[learnt].toks, named[learnt])
	}
	for k, at := range out {
		if at.speaker != "" {
			a.last, a.lastAt, a.lastClock = at.speaker, a.par, a.clock
			a.heads = remember(a.heads, at.speaker)
		}
		if k == len(out)-1 {
			a.open = ""
			if quotes[k].open {
				a.open = at.speaker
			}
		}
	}
	if len(quotes) == 0 {
		a.open = ""
	}
	a.pending = a.announced(plain, sents, quotes)
	return out
}

// remember appends a person to a list of the latest named, which keeps
// only the pronounReach last: nothing reads further back, and one long
// article names people by the hundred thousand. (The list is cut when it
// is four times that long, so that its copying is seldom.)
func remember(list []string, person string) []string {
	if len(list) >= 4*pronounReach {
		list = list[:copy(list, list[len(list)-pronounReach:])]
	}
	return append(list, person)
}

// sentenceAt is the index of the sentence holding byte offset at, or -1.
func sentenceAt(sents []sentence, at int) int {
	for i, s := range sents {
		if at >= s.span.Start && at < s.span.End {
			return i
		}
	}
	if len(sents) > 0 && at >= sents[len(sents)-1].span.End {
		return len(sents) - 1
	}
	return -1
}

// namedRun is what a sentence's name run tells on its own, before the
// article's people are known (learn adds what they make of it): read with
// the paragraph, on every core, since it is most of learn's cost (0.4
// CPU-s of one 10 MB article, which the attributor reads in order). What
// its words tell is shared by every run of those words (namedMemo).
type namedRun struct {
	*namedWords
	subject bool // it may be the sentence's subject: no possessive, at the head of a clause
	// app is the noun of an apposition after the run ("Mr. Trump, the
	// presumptive Republican nominee, said"), with the run as written;
	// nil when there is none.
	app *apposition
}

// namedWords is what a name run's words alone tell (namedOf).
type namedWords struct {
	run personQuery // the run less a possessive and a place after "of"
	// own is the person the run itself names ("Donald Trump", "President
	// Trump"), its surname's key ownKey, or "" when it names none; a
	// titled single name (titled) names one only while its key names
	// no one else.
	own, ownKey string
	titled      bool
	title       string // its last title word ("secretary"), or ""
	org         string // the body named before the title (affiliationOf)
	gender      byte   // from an honorific
}

// apposition is a noun that stands for the person its run names.
type apposition struct {
	person personQuery
	noun   string
}

// namedMemo is what namedOf read of each name run, by its text, for one
// goroutine: a long article names the same people again and again, each
// time split, stripped of titles, keyed and tested for a place. Each
// reading is held once, and every run of its words points to it: held by
// value, each run copied it from the memo, and the memo's lookups moved
// readings of a dozen fields.
type namedMemo map[string]*namedWords

// namedOf is what a name run's words alone tell of it.
func namedOf(text string) *namedWords {
	r := &namedWords{}
	run := trimOfPlace(strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "’s"))
	full := stripTitles(run)
	ws := strings.Fields(full)
	isPerson := len(ws) >= 2 && personName(ws)
	same := strings.TrimSuffix(strings.TrimSuffix(run, "'s"), "’s") == run // person(run) reads the same words
	if same {
		r.run = personOfWords(full, ws, isPerson)
	} else {
		r.run = personOf(run)
	}
	// Most runs hold no title: then they have no title word and no
	// body named before one.
	titled := hasTitleWord(run)
	if titled {
		r.title = titleOf(run)
	}
	switch {
	case isPerson:
		r.own = full
	case len(ws) == 1 && r.title != "" && !notSpeaker(ws):
		// "President Trump": a title before one name makes a person.
		r.own, r.titled = full, true
	}
	if r.own != "" {
		r.ownKey = r.run.key // the key of its last word
		if !same {
			r.ownKey = nameKey(ws[len(ws)-1])
		}
		if titled {
			r.org = affiliationOf(run)
		}
		r.gender = honorificGender(run)
	}
	return r
}

// readNamed reads a sentence's names for learn: text is the sentence with
// its quotations blanked, toks its words, ns its names (namesOf).
func readNamed(text string, toks []token, ns []nameAt, memo namedMemo) []namedRun {
	if len(ns) == 0 {
		return nil
	}
	out := make([]namedRun, len(ns))
	for i, n := range ns {
		r := &out[i]
		nw, ok := memo[n.text]
		if !ok {
			nw = namedOf(n.text)
			memo[n.text] = nw
		}
		r.namedWords = nw
		if n.end < len(text) {
			rest := strings.TrimLeft(text[n.end:], " ")
			if strings.HasPrefix(rest, ",") {
				rest = strings.TrimSpace(rest[1:])
				lead, _, _ := strings.Cut(rest, " ")
				if l := strings.ToLower(lead); l == "the" || l == "a" || l == "an" {
					if end := strings.IndexAny(rest, ",;."); end > 0 {
						if app := strings.Fields(rest[:end]); len(app) >= 2 && len(app) <= 6 {
							r.app = &apposition{person: personOf(n.text), noun: fold(app[len(app)-1])}
						}
					}
				}
			}
		}
		// "Trump's approach alienated Bloomberg", "the remarks prompted
		// Vieira": no subject. (Without a possessive, the run is the
		// name less a place.)
		r.subject = !strings.HasSuffix(n.text, "'s") && !strings.HasSuffix(n.text, "’s") && opensClause(text, n.start)
	}
	return out
}

// learn remembers the people a sentence names with a first name or a
// title, so that a later surname, title or pronoun finds them. named is
// what its names tell alone (readNamed).
func (a *attributor) learn(text string, toks []token, named []namedRun) {
	for i := range named {
		n := &named[i]
		full := n.own
		if n.titled && a.people[n.ownKey] != "" {
			full = ""
		}
		if full != "" {
			a.people[n.ownKey] = full
			if n.title != "" {
				a.titles[n.title] = full
			}
			if n.org != "" {
				a.affiliation[full] = n.org
			}
			if n.gender != 0 {
				a.gender[full] = n.gender
			}
		}
		if p := a.resolve(n.run); p != "" {
			a.all = remember(a.all, p)
		}
		// "Mr. Trump, the presumptive Republican nominee, said": the
		// apposition's noun stands for the person from now on.
		if n.app != nil {
			if p := a.resolve(n.app.person); p != "" {
				a.titles[n.app.noun] = p
			}
		}
	}
	// A source credited at the head of the sentence ("A US defence official
	// confirmed …", "The ministry said …"): the antecedent of "they".
	for v := 1; v < len(toks) && v <= 8; v++ {
		if t := toks[v]; !isCreditVerb(t.folded) || isCapitalised(t.text) {
			continue
		}
		if sp := a.subjectOf(text, toks, v, ""); sp != "" && !pronouns[fold(sp)] {
			a.source, a.sourceAt = sp, a.par
		}
		break
	}
	// The person at the head of the sentence is the likeliest antecedent
	// of the pronouns that follow: a name, or a title that stands for one
	// ("The president opted …").
	a.clock++
	if len(toks) > 1 && (toks[0].folded == "the") {
		if p, ok := a.titles[toks[1].folded]; ok {
			a.subject, a.subjectAt = p, a.clock
			a.heads = remember(a.heads, p)
			return
		}
	}
	for i := range named {
		if !named[i].subject {
			continue
		}
		if p := a.resolve(named[i].run); p != "" {
			a.subject, a.subjectAt = p, a.clock
			a.heads = remember(a.heads, p)
			break
		}
	}
}

// opensClause reports a name at the head of its sentence, or right after an
// opening phrase and its comma ("On Tuesday, Trump said"): where subjects
// stand.
func opensClause(text string, at int) bool {
	before := strings.TrimSpace(text[:at])
	if before == "" || strings.EqualFold(before, "the") {
		return true
	}
	if strings.HasSuffix(before, ",") && !strings.Contains(before[:len(before)-1], ",") && len(strings.Fields(before)) <= 5 {
		return true
	}
	return strings.HasSuffix(before, "—") || strings.HasSuffix(before, "--")
}

// trimOfPlace drops a place after "of" from a name run: "Prime Minister
// Benjamin Netanyahu of Israel" is Benjamin Netanyahu.
func trimOfPlace(run string) string {
	if i := strings.LastIndex(run, " of "); i > 0 && places()[strings.TrimSpace(run[i+4:])] {
		return run[:i]
	}
	return run
}

// affiliationOf is the body named before a person's title in a name run:
// "Pentagon" in "Pentagon Press Secretary John Kirby", "White House" in
// "White House Press Secretary Sarah Sanders"; "" when none.
func affiliationOf(run string) string {
	ws := strings.Fields(run)
	for i, w := range ws {
		if titleWords()[strings.ToLower(strings.Trim(w, "."))] {
			if i == 0 {
				return ""
			}
			org := strings.Join(ws[:i], " ")
			if notSpeaker(ws[:i]) || personName(ws[:i]) {
				return ""
			}
			return org
		}
	}
	return ""
}

// honorificGender is the gender an honorific tells: "Mr." a man, "Ms." and
// "Mrs." a woman.
func honorificGender(run string) byte {
	first, _, _ := strings.Cut(run, " ")
	switch strings.ToLower(strings.TrimSuffix(first, ".")) {
	case "mr":
		return 'm'
	case "ms", "mrs":
		return 'f'
	}
	return 0
}

// titleOf is the last title word of a name run ("Defense Secretary James
// Mattis" → "secretary"), or "".
func titleOf(name string) string {
	out := ""
	for _, w := range strings.Fields(name) {
		l := strings.ToLower(strings.Trim(w, "."))
		if titleWords()[l] && !honorifics[l] {
			out = l
		}
	}
	return out
}

// honorifics are titles that say nothing of a role: "Mr. Trump".
var honorifics = toSet(`mr mrs ms dr`)

// person resolves a name as written to the person it names in this
// article ("Mr. Trump", "Trump" → "Donald Trump"), or "" when it is no
// person's name.
func (a *attributor) person(name string) string {
	// The words of a name tell the same each time: the cues and pronouns
	// of a long article ask for the same names again and again.
	q, ok := a.queries[name]
	if !ok {
		q = personOf(name)
		a.queries[name] = q
	}
	return a.resolve(q)
}

// personQuery is what person reads from a name's words alone; resolve
// adds the people the article named before.
type personQuery struct {
	full  string // the name less a possessive and its titles
	key   string // the key of its last word
	words int    // how many words full has
	named bool   // its words name a person, whoever the article named
}

func personOf(name string) personQuery {
	full := stripTitles(strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s"))
	ws := strings.Fields(full)
	return personOfWords(full, ws, len(ws) >= 2 && personName(ws))
}

// personOfWords is personOf of a name less its possessive and titles,
// full, its words ws, and whether they name a person (personName).
func personOfWords(full string, ws []string, isPerson bool) personQuery {
	if len(ws) == 0 {
		return personQuery{}
	}
	return personQuery{full: full, key: nameKey(ws[len(ws)-1]), words: len(ws), named: isPerson && !notSpeaker(ws)}
}

// resolve is the person a name stands for (person).
func (a *attributor) resolve(q personQuery) string {
	if q.words == 0 {
		return ""
	}
	// A surname the article gave with a first name is that person, even
	// when it is also an outlet's name (Michael Bloomberg, Vicente Fox).
	if p, ok := a.people[q.key]; ok && q.words <= 3 && (q.words == 1 || strings.HasSuffix(p, q.full)) {
		return p
	}
	if q.named {
		return q.full
	}
	return ""
}

// personName reports a run of words that names a person: two or three
// capitalised words that are no organisation's or place's.
func personName(ws []string) bool {
	if len(ws) < 2 || !isPersonLike(ws) || hasPartyTag(ws) {
		return false
	}
	if places()[strings.Join(ws, " ")] || places()[ws[0]] || places()[ws[len(ws)-1]] {
		return false
	}
	return true
}

// genderOf is the gender a person's first name tells: 'm', 'f', or 0.
func genderOf(full string) byte {
	first, _, _ := strings.Cut(full, " ")
	m, f := maleNames().has(first), femaleNames().has(first)
	switch {
	case m && !f:
		return 'm'
	case f && !m:
		return 'f'
	}
	return 0
}

// knownGender is a person's gender from an honorific the article used or
// the first name, or 0.
func (a *attributor) knownGender(person string) byte {
	if g := a.gender[person]; g != 0 {
		return g
	}
	return genderOf(person)
}

// agrees reports a person a pronoun may stand for.
func (a *attributor) agrees(pronoun, person string) bool {
	switch g := a.knownGender(person); {
	case g == 0:
		return true
	case pronoun == "he":
		return g == 'm'
	case pronoun == "she":
		return g == 'f'
	}
	return true
}

// speakerName turns the words credited with a quotation into a speaker: a
// known person by full name, a pronoun or title by its antecedent, an
// organisation by its name, a described source as written.
func (a *attributor) speakerName(np string, sentenceHead string) string {
	np = tidySpeaker(np)
	if np == "" {
		return ""
	}
	f := strings.ToLower(np)
	switch f {
	case "he", "she":
		// The sentence's own subject, if it names a person before the
		// pronoun ("Moore lashed out at what he called …"), else the later
		// of the last speaker and the last person at the head of a
		// sentence, of the pronoun's gender when the first name tells.
		if sentenceHead != "" && a.agrees(f, sentenceHead) {
			return sentenceHead
		}
		cands := []string{a.subject, a.last}
		if a.lastClock >= a.subjectAt {
			cands[0], cands[1] = a.last, a.subject
		}
		for _, c := range cands {
			if c != "" && a.agrees(f, c) {
				return c
			}
		}
		// Neither agrees: the latest person of the pronoun's gender, heads
		// of sentences before other mentions.
		for _, list := range [][]string{a.heads, a.all} {
			for i := len(list) - 1; i >= 0 && i >= len(list)-pronounReach; i-- {
				if a.knownGender(list[i]) != 0 && a.agrees(f, list[i]) {
					return list[i]
				}
			}
		}
		return ""
	case "they", "it":
		// A source described or named as a body ("A US defence official
		// confirmed …", "the ministry said"), a paragraph or two back.
		if a.source != "" && a.par-a.sourceAt <= 2 {
			return a.source
		}
		return ""
	case "we", "i", "you":
		return ""
	}
	ws := strings.Fields(np)
	// "the president", "the senator", "the presumptive nominee": the last
	// person named so.
	if len(ws) <= 6 && (ws[0] == "the" || ws[0] == "The") {
		if p, ok := a.titles[strings.ToLower(ws[len(ws)-1])]; ok {
			return p
		}
	}
	if lead := fold(ws[0]); lead == "a" || lead == "an" || lead == "the" {
		// A described source ("a US defence official", kept as written),
		// or an organisation, named without its article ("the Pentagon").
		if len(ws) == 1 || notSpeaker(ws[1:]) {
			return ""
		}
		if lead == "the" && isCapitalised(ws[1]) && isCapitalised(ws[len(ws)-1]) {
			return strings.Join(ws[1:], " ")
		}
		if sourceNouns()[fold(ws[len(ws)-1])] || titleWords()[fold(ws[len(ws)-1])] {
			return np
		}
		return ""
	}
	if p := a.person(np); p != "" {
		return p
	}
	full := stripTitles(np)
	fw := strings.Fields(full)
	if len(fw) == 0 || notSpeaker(fw) || !isCapitalised(fw[0]) {
		return ""
	}
	return full
}

// tidySpeaker trims what is not the speaker's name from the words credited:
// a parenthesis and what follows ("John Thune (R-S.D."), a place after "of"
// ("Mike Thompson of California"), the connectives before ("But Williams",
// "Despite Trump") and the lower-case words after ("Gowdy also").
func tidySpeaker(np string) string {
	np = strings.TrimSpace(strings.Trim(strings.TrimSpace(np), ",.;:"))
	if i := strings.IndexAny(np, "(["); i >= 0 {
		np = strings.TrimSpace(np[:i])
	}
	np = trimOfPlace(np)
	ws := strings.Fields(np)
	for len(ws) > 1 {
		f := fold(ws[0])
		if f == "a" || f == "an" || f == "the" || !(isStop(f) || sentenceOpeners()[f] || prepositions[f] || f == "plus" || f == "despite") {
			break
		}
		ws = ws[1:]
	}
	for len(ws) > 1 && !isCapitalised(ws[len(ws)-1]) && !sourceNouns()[fold(ws[len(ws)-1])] && !titleWords()[fold(ws[len(ws)-1])] {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws, " ")
}

// notSpeaker reports words that never name a speaker: days and months, an
// outlet or a social network, a place, a party tag.
func notSpeaker(ws []string) bool {
	all := true
	for _, w := range ws {
		if l := fold(w); !(weekdays[l] || months[l] || sentenceOpeners()[l] || isStop(l)) {
			all = false
			break
		}
	}
	if all {
		return true
	}
	name := strings.Join(ws, " ")
	if hasPartyTag(ws) || carrier(name) {
		return true
	}
	if places()[name] || len(ws) == 1 && (places()[ws[0]] || orgWords()[fold(ws[0])]) {
		return true
	}
	// "Democratic-leaning", "Mexican-born": an adjective, not a name.
	if len(ws) == 1 && strings.Contains(ws[0], "-") && !isCapitalised(ws[0][strings.LastIndex(ws[0], "-")+1:]) {
		return true
	}
	// A shouted word ("SECRET") is no name; an acronym ("NRA", "FBI") may be.
	if len(ws) == 1 && len(ws[0]) > 5 && ws[0] == strings.ToUpper(ws[0]) {
		return true
	}
	// "Republican of Nebraska": a party and a place describe a member, whom
	// the name before them names.
	if len(ws) >= 3 && ws[1] == "of" && titleWords()[fold(ws[0])] {
		return true
	}
	return false
}

// hasPartyTag reports a party and state tag such as "R-Ohio" or "D-N.Y.".
func hasPartyTag(ws []string) bool {
	for _, w := range ws {
		if len(w) > 2 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' {
			return true
		}
	}
	return false
}

// carrier reports a name that is a news outlet or a social network: what
// carries words, not who says them.
func carrier(name string) bool {
	last := ""
	for w := range eachWord(name) {
		if socialNetworks()[w.folded] {
			return true
		}
		last = w.folded
	}
	// An outlet's name ends in an outlet word ("Fox News", "The New York
	// Times", "CNN"); a person who shares one ("Vicente Fox") has a first
	// name that is none.
	return last != "" && outletWords()[last]
}

// after reads the cue that follows a quotation in its sentence: "…,”
// Boehner said; "…,” said Sen. Smith, R-Ohio; "…,” he told the Times.
// all is the paragraph's quotations (wordsIn), hr the quotation's head as
// read so far.
func (a *attributor) after(plain string, s sentence, q quoteAt, all []quoteAt, hr *headRead) attribution {
	end := s.span.Start + len(s.text(plain))
	if q.end >= end {
		return attribution{}
	}
	rest := plain[q.end:end]
	// The cue must follow the closing marks at once.
	trimmed := strings.TrimLeftFunc(rest, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",.!?—–-”\"’'", r)
	})
	if len(rest)-len(trimmed) > 6 {
		return attribution{}
	}
	toks := wordsIn(plain, s, all, end-len(trimmed), end)
	if len(toks) == 0 {
		return attribution{}
	}
	head := a.headBefore(hr, plain, s, all, s.span.Start, max(s.span.Start, q.start))
	// "said X": the verb first.
	if saysVerb(toks[0]) {
		np := nounPhrase(trimmed, toks, 1)
		return attribution{speaker: a.speakerName(np, head), via: a.viaAfter(trimmed, toks)}
	}
	// "X, the former mayor of New York, said": a name, an aside, the verb.
	if np := nounPhrase(trimmed, toks, 0); np != "" && isCapitalised(np) {
		n := len(words(np))
		if n < len(toks) && strings.HasPrefix(strings.TrimSpace(trimmed[toks[n-1].end:]), ",") {
			for v := n; v < len(toks) && v < n+25; v++ {
				if saysVerb(toks[v]) && strings.ContainsAny(trimmed[toks[v-1].end:toks[v].start], ",") {
					if sp := a.speakerName(np, head); sp != "" {
						return attribution{speaker: sp, via: a.viaAfter(trimmed, toks[v:])}
					}
				}
			}
		}
	}
	// "X said", "the statement read".
	for v := 1; v < len(toks) && v <= 7; v++ {
		if !saysVerb(toks[v]) && !(toks[v].folded == "read" && toks[v-1].folded == "statement") {
			continue
		}
		np := trimmed[toks[0].start:toks[v-1].end]
		if strings.ContainsAny(np, ";") {
			return attribution{}
		}
		sp := a.speakerName(np, head)
		if toks[v].folded == "read" {
			sp = a.last
		}
		return attribution{speaker: sp, via: a.viaAfter(trimmed, toks[v:])}
	}
	return attribution{}
}

// saysVerb reports a verb of saying as written: lower case, since "States"
// in "the United States" is a name.
func saysVerb(t token) bool {
	return reportVerbs()[t.folded] && !isCapitalised(t.text)
}

// nounPhrase is the phrase after token i: up to a comma, a clause's end or
// a lower-case word that is no article ("said Sen. Rob Portman, R-Ohio,
// who …" → "Sen. Rob Portman").
func nounPhrase(text string, toks []token, i int) string {
	if i >= len(toks) {
		return ""
	}
	j := i
	for j < len(toks) && j < i+6 {
		if j > i && strings.ContainsAny(text[toks[j-1].end:toks[j].start], ",;:()") {
			break
		}
		w := toks[j].text
		if j > i && !isCapitalised(w) && !nameConnectors()[toks[j].folded] {
			break
		}
		j++
	}
	return text[toks[i].start:toks[j-1].end]
}

// headRead is the head (headOf) of the words before one quotation in its
// sentence, once read: both its cues, after it and before it, ask for it,
// and nothing they do between changes what the attributor knows.
type headRead struct {
	lo, hi int // the words' span in the paragraph
	head   string
	read   bool
}

// headBefore is the head of plain[lo:hi], a span of sentence s in a
// paragraph quoting all, as h read it or read now.
func (a *attributor) headBefore(h *headRead, plain string, s sentence, all []quoteAt, lo, hi int) string {
	if !h.read || h.lo != lo || h.hi != hi {
		*h = headRead{lo: lo, hi: hi, head: a.headOf(plain[lo:hi], wordsIn(plain, s, all, lo, hi)), read: true}
	}
	return h.head
}

// wordsIn is words(plain[lo:hi]) for a span of sentence s, plain being the
// paragraph's text with its quotations, quotes, blanked (outsideQuotes):
// the sentence's own words in the span less its quotations' words, their
// offsets made the span's, since blanking a quotation changes no word
// outside it. The cues around each quotation read the words before and
// after it, which the sentence's reading split once: split again, each
// span's, they were most of the article's serial pass. A word that
// straddles an end of the span or of a quotation, a span outside the
// sentence and a sentence without its words are split again.
func wordsIn(plain string, s sentence, quotes []quoteAt, lo, hi int) []token {
	toks := s.toks
	if toks == nil || lo < s.span.Start || hi > s.span.End {
		return words(plain[lo:hi])
	}
	again := func() []token { return words(plain[lo:hi]) }
	from, to := lo-s.span.Start, hi-s.span.Start // the sentence's offsets
	i := 0
	for i < len(toks) && toks[i].end <= from {
		i++
	}
	j := i
	for j < len(toks) && toks[j].end <= to {
		j++
	}
	if i < len(toks) && toks[i].start < from || j < len(toks) && toks[j].start < to {
		return again()
	}
	quoted := false // a quotation meets the span
	for _, q := range quotes {
		if q.start < hi && q.end > lo {
			quoted = true
			break
		}
	}
	if !quoted && from == 0 {
		return toks[:j:j]
	}
	out := make([]token, 0, j-i)
	for _, t := range toks[i:j] {
		start, end := s.span.Start+t.start, s.span.Start+t.end
		inside := false
		for _, q := range quotes {
			if quoted && start < q.end && end > q.start {
				if start < q.start || end > q.end {
					return again() // cut by the blanking
				}
				inside = true
				break
			}
		}
		if !inside {
			t.start, t.end = t.start-from, t.end-from
			out = append(out, t)
		}
	}
	return out
}

// headOf is the person a sentence's words before a quotation open with:
// the antecedent of a pronoun inside the same sentence. toks is the words
// of before.
func (a *attributor) headOf(before string, toks []token) string {
	if len(toks) > 0 && (toks[0].folded == "he" || toks[0].folded == "she") {
		// "She doubled down, telling CNN: …": the sentence's subject is
		// the pronoun's antecedent.
		return a.speakerName(toks[0].text, "")
	}
	for _, n := range namesOf(before, toks) {
		if afterPreposition(before, n.start) {
			continue // "Of Obama, he said": no subject
		}
		if p := a.person(n.text); p != "" {
			return p
		}
		if pronouns[fold(n.text)] {
			return ""
		}
	}
	return ""
}

// afterPreposition reports a name that a preposition governs ("of Obama",
// "to Trump"): an object, not the sentence's subject.
func afterPreposition(text string, at int) bool {
	before := strings.TrimRight(text[:at], " ")
	i := strings.LastIndexAny(before, " ,;:(\"“")
	w := strings.ToLower(before[i+1:])
	return prepositions[w]
}

var prepositions = toSet(`of about to for with at on in from by against into over under after before toward towards than`)

// before reads the cue that opens a quotation's sentence: "Trump told the
// Times it was “…”", "Pentagon spokesman John Kirby said: “…”",
// "according to the Pentagon, “…”", "Axelrod's comment that “…”". all
// and hr are as after's.
func (a *attributor) before(plain string, s sentence, q quoteAt, all []quoteAt, hr *headRead) attribution {
	start := s.span.Start
	// Back to the end of the quotation before, if it is in this sentence.
	for _, o := range all {
		if o.end <= q.start && o.end > start {
			start = o.end
		}
	}
	ctx := plain[start:q.start]
	toks := wordsIn(plain, s, all, start, q.start)
	if len(toks) == 0 {
		return attribution{}
	}
	head := a.headBefore(hr, plain, s, all, s.span.Start, q.start)
	// "His response: “…”" after "Vieira asked Trump …": the one asked.
	for i := len(toks) - 1; i > 0; i-- {
		if answerNouns[toks[i].folded] && (toks[i-1].folded == "his" || toks[i-1].folded == "her") && a.addressee != "" {
			return attribution{speaker: a.addressee}
		}
	}
	// "X's comment that …": the possessor, when the noun introduces the
	// quotation: the words stand next to it, or in its "that" clause
	// ("Axelrod's comment on Sunday that House Republicans are under a
	// “reign of terror”"); not "Rice's comments came as Netanyahu turned
	// down …, saying “…”" nor "Ginsburg's statements could lead a
	// “reasonable person” …", whose words are another's.
	thatAfter := false // a "that" follows toks[i]: carried as i goes back, where each i searched the words after it
	for i := len(toks) - 1; i > 0; i-- {
		thatAfter = thatAfter || i+1 < len(toks) && toks[i+1].folded == "that"
		introduces := len(toks)-i <= speechNounReach || thatAfter
		for j := i - 2; j >= 0 && j >= i-4 && !introduces; j-- {
			introduces = toks[j].folded == "according" // "According to the NYPD's statement, …"
		}
		if !introduces {
			continue
		}
		if speechNouns()[toks[i].folded] && strings.HasSuffix(toks[i-1].text, "'s") || speechNouns()[toks[i].folded] && strings.HasSuffix(toks[i-1].text, "’s") {
			name := strings.TrimSuffix(strings.TrimSuffix(toks[i-1].text, "'s"), "’s")
			if p := a.speakerName(name, head); p != "" {
				return attribution{speaker: p}
			}
		}
	}
	// "according to X".
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].folded == "according" && toks[i+1].folded == "to" {
			np := nounPhrase(ctx, toks, i+2)
			if sp := a.speakerName(np, head); sp != "" {
				return attribution{speaker: sp}
			}
			if carrier(np) {
				return attribution{via: stripArticle(np)}
			}
		}
	}
	// The reporting verb nearest the quotation, and its subject; who was
	// asked is remembered for the answer to come.
	for v := len(toks) - 1; v >= 0; v-- {
		w := toks[v].folded
		if w == "asked" && v+1 < len(toks) && isCapitalised(toks[v+1].text) {
			if p := a.person(nounPhrase(ctx, toks, v+1)); p != "" {
				a.addressee = p
			}
		}
		if !saysVerb(toks[v]) && !cueVerbs[w] || isCapitalised(toks[v].text) {
			continue
		}
		via := a.viaAfter(ctx, toks[v:])
		if strings.HasSuffix(w, "ing") && v > 0 && strings.ContainsAny(ctx[toks[v-1].end:toks[v].start], ",") && head != "" {
			// "…, saying it was “…”": the participle's subject is the
			// clause's, the nearest one's ("Rice's comments came as
			// Netanyahu turned down …, saying").
			sp := head
			for j := v - 1; j >= 0; j-- {
				if clauseOpeners[toks[j].folded] {
					if h := a.headOf(ctx[toks[j].end:toks[v].start], wordsIn(plain, s, all, start+toks[j].end, start+toks[v].start)); h != "" {
						sp = h
					}
					break
				}
			}
			return attribution{speaker: sp, via: via}
		}
		if v+1 < len(toks) && (w == "said" || w == "says") && !pronouns[toks[v+1].folded] && isCapitalised(toks[v+1].text) &&
			!strings.ContainsAny(ctx[toks[v].end:toks[v+1].start], ",") && !(v > 0 && pronouns[toks[v-1].folded]) {
			// "said Kirby: “…”"; not "He said Obama “doesn't have a
			// doctrine”", whose name is the reported clause's subject.
			if sp := a.speakerName(nounPhrase(ctx, toks, v+1), head); sp != "" {
				return attribution{speaker: sp, via: via}
			}
		}
		return attribution{speaker: a.subjectOf(ctx, toks, v, head), via: via}
	}
	// "Biden was quick to retort: “…”": a colon hands the sentence's words
	// to its head.
	if strings.HasSuffix(strings.TrimRight(ctx, " \"“‘'"), ":") && head != "" {
		return attribution{speaker: head}
	}
	return attribution{}
}

// clauseOpeners open a clause of its own subject inside a sentence.
var clauseOpeners = toSet(`as because after before when while until since although though whereas`)

// pronouns that stand for a speaker named before.
var pronouns = toSet(`he she they it`)

// answerNouns name the answer to a question put to someone.
var answerNouns = toSet(`response reply answer retort`)

// cueVerbs introduce words without being verbs of saying in the narrow
// sense: "what he called “…”", "telling CNN: “…”".
var cueVerbs = toSet(`called calling telling saying adding writing tweeting describing dubbed deemed
branded labeled labelled charged`)

// subjectOf finds who did the verb at toks[v]: the pronoun, name or
// described source just before it, past adverbs, times and asides; else the
// sentence's head.
func (a *attributor) subjectOf(ctx string, toks []token, v int, head string) string {
	for j := v - 1; j >= 0 && j >= v-8; j-- {
		w := toks[j]
		f := w.folded
		switch {
		case pronouns[f]:
			return a.speakerName(w.text, head)
		case (f == "saying" || f == "telling" || f == "adding" || f == "writing" || f == "calling") && j == v:
		case strings.HasSuffix(w.text, "'s") || strings.HasSuffix(w.text, "’s"):
			continue // a possessor is no subject: "contrasted it with Trump's, saying"
		case f == "and" || f == "but" || f == "or" || f == "who" || f == "which":
			// "X criticized Democrats, but argued …", "X, who added": a
			// verb whose subject is the clause's head.
			if head != "" {
				return head
			}
			continue
		case isStop(f) && f != "the" && f != "a" && f != "an" || skippable(f):
			continue
		}
		if sourceNouns()[f] {
			// A described source: back to its article ("a US defence official").
			for k := j - 1; k >= 0 && k >= j-5; k-- {
				if strings.ContainsAny(ctx[toks[k].end:toks[k+1].start], ",;:()") {
					break
				}
				if g := toks[k].folded; g == "a" || g == "an" || g == "the" {
					if sp := a.speakerName(ctx[toks[k].start:toks[j].end], head); sp != "" {
						return sp
					}
					break
				}
			}
		}
		if isCapitalised(w.text) || sourceNouns()[f] || titleWords()[f] {
			// The phrase that ends here.
			k := j
			for k > 0 && j-k < 5 && !strings.ContainsAny(ctx[toks[k-1].end:toks[k].start], ",;:()") &&
				(isCapitalised(toks[k-1].text) || nameConnectors()[toks[k-1].folded] || titleWords()[toks[k-1].folded] ||
					sourceNouns()[toks[k-1].folded] || toks[k-1].folded == "the" || toks[k-1].folded == "a" || toks[k-1].folded == "an" ||
					isAdjectiveOfSource(toks[k-1].folded)) {
				k--
			}
			if sp := a.speakerName(ctx[toks[k].start:toks[j].end], head); sp != "" {
				return sp
			}
			j = k // not a speaker ("Republican of Nebraska"): on before it
			continue
		}
		break
	}
	return head
}

// skippable words stand between a subject and its verb without being
// either: adverbs, times, days ("Trump swiftly responded Tuesday, telling").
func skippable(f string) bool {
	return strings.HasSuffix(f, "ly") || weekdays[f] || months[f] || timeAdverbs[f]
}

var timeAdverbs = toSet(`also then later earlier again late early still yesterday today tonight morning
afternoon evening night week month year ago last this next previously recently responded said`)

// isAdjectiveOfSource: the lower-case words of a described source ("a
// senior administration official").
func isAdjectiveOfSource(f string) bool {
	return f == "senior" || f == "former" || f == "top" || f == "administration" || f == "campaign" || f == "state" || f == "federal"
}

// viaAfter finds who the words were told to, after a verb: "told the
// Times", "telling CNN", "in an interview with PBS", "on Twitter".
func (a *attributor) viaAfter(text string, toks []token) string {
	for i := 0; i < len(toks) && i < 9; i++ {
		f := toks[i].folded
		var np string
		switch {
		case (f == "told" || f == "telling" || f == "tells") && i+1 < len(toks):
			np = nounPhrase(text, toks, i+1)
			if np == "" && i+2 < len(toks) {
				np = nounPhrase(text, toks, i+2)
			}
			if toks[i+1].folded == "the" && i+2 < len(toks) {
				np = nounPhrase(text, toks, i+2)
			}
		case (f == "with" || f == "on" || f == "to") && i+1 < len(toks):
			j := i + 1
			if toks[j].folded == "the" && j+1 < len(toks) {
				j++
			}
			np = nounPhrase(text, toks, j)
			if !carrier(np) {
				np = ""
			}
		}
		if np != "" && isCapitalised(strings.TrimSpace(np)) {
			return stripArticle(np)
		}
	}
	return ""
}

func stripArticle(s string) string {
	for _, a := range []string{"the ", "The ", "a ", "an "} {
		s = strings.TrimPrefix(s, a)
	}
	return strings.TrimSpace(s)
}

// announced is a speaker a paragraph announces at its end for the words of
// the next ("Trump tweeted:", "he wrote on Twitter."), when it quotes
// nothing itself after the cue.
func (a *attributor) announced(plain string, sents []sentence, quotes []quoteAt) string {
	if len(sents) == 0 {
		return ""
	}
	s := sents[len(sents)-1]
	text := strings.TrimSpace(s.text(plain))
	for _, q := range quotes {
		if q.end > s.span.Start {
			return ""
		}
	}
	toks := s.toks
	if len(toks) == 0 {
		return ""
	}
	colon := strings.HasSuffix(text, ":")
	for v := range toks {
		w := toks[v].folded
		if isCapitalised(toks[v].text) {
			continue
		}
		if w == "tweeted" || w == "wrote" || w == "posted" || colon && (saysVerb(toks[v]) || cueVerbs[w]) {
			// No quotation stands in the sentence: its words in plain are its own.
			return a.subjectOf(s.text(plain), toks, v, a.headOf(s.text(plain), toks))
		}
	}
	return ""
}

// quoteOccasions is the occasion of each quotation of a paragraph, read
// from the sentences that hold it (occasionOf), or "" when none does:
// what the text alone tells, read with the paragraph on every core.
func quoteOccasions(plain string, sents []sentence, quotes []quoteAt) []string {
	if len(quotes) == 0 {
		return nil
	}
	out := make([]string, len(quotes))
	for k, q := range quotes {
		si, sj := sentenceAt(sents, q.start), sentenceAt(sents, max(q.start, q.end-1))
		if si >= 0 && sj >= 0 {
			out[k] = occasionOf(plain[sents[si].span.Start:sents[sj].span.End])
		}
	}
	return out
}

// occasionOf reads from a quotation's sentence, its words blanked, whether
// the words were written (a letter, a statement, a tweet) or spoken (an
// interview, a broadcast, a speech): one speaker's words from two
// occasions are two quotations.
func occasionOf(cue string) string {
	determiner := false // the word before is "a", "the", "his", …
	for t := range eachWord(cue) {
		f := t.folded
		if determiner {
			switch {
			case writtenNouns[f]:
				return "written"
			case spokenNouns[f]:
				return "spoken"
			}
		}
		switch {
		case writtenVerbs[f] && !isCapitalised(t.text):
			return "written"
		case spokenVerbs[f] && !isCapitalised(t.text):
			return "spoken"
		}
		determiner = f == "a" || f == "an" || f == "the" || f == "his" || f == "her" || f == "their"
	}
	return ""
}

var (
	writtenVerbs = toSet(`wrote writes writing tweeted tweets tweeting posted posts emailed texted`)
	writtenNouns = toSet(`letter statement tweet post email e-mail memo op-ed column filing release essay`)
	spokenVerbs  = toSet(`told tells telling interview interviewed`)
	spokenNouns  = toSet(`interview broadcast speech rally hearing press news conference podcast`)
)
