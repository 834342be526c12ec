package compare

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/loader"
)

// The statuses detector: what became of a person or a body, as legal and
// political reporting tells it (charged, convicted, resigned, elected, a
// bill passed). Each source's first telling of a status of one subject is
// its account; two accounts differ when their statuses exclude each other
// ("retiring" against "resigned"), when one asserts what the other denies
// ("was charged" against "was not charged"), or when one tells as done
// what the other only expects ("is expected to be charged").

// statusAt is one status told of one subject in one sentence.
type statusAt struct {
	subject string // the subject's surname, folded: the key across sources
	who     string // the subject as written
	status  string // "resigned", "charged", ...
	negated bool   // "was not charged", "denied resigning"
	expect  bool   // "is expected to resign", "would be retiring"
	span    Span
	text    string
	topic   string
	// object is what the status is of, the words after the verb ("mayor
	// of Dunmore" in "was elected mayor of Dunmore"): one role two sources
	// give two people.
	object string
}

func (s statusAt) describe() string {
	switch {
	case s.negated:
		return "not " + s.status
	case s.expect:
		return "expected: " + s.status
	}
	return s.status
}

func detectStatuses(c *comparison, out *findings) {
	// Each source's first account of each subject's status group (or of
	// each status outside the groups).
	type key struct{ source, subject, group string }
	first := map[key]statusAt{}
	var order []key
	accounts := map[string][]statusAt{} // source → every status it tells
	c.bodySentences(func(a *loader.Article, p *loader.Paragraph, _ int, sent string, s loader.Sentence, toks []token) {
		for _, st := range statusesOf(sent, toks) {
			st.object = objectAfter(sent, st.span.End)
			// The claim is the sentence: the verb alone does not say of
			// whom, and a reviewer reads the whole account.
			st.span = Span{Source: a.ID, Paragraph: p.Index, Start: s.Start, End: s.End}
			st.text = sent
			st.topic = c.topicOfRef(Ref{a.ID, p.Index})
			accounts[a.ID] = append(accounts[a.ID], st)
			k := key{a.ID, st.subject, statusGroupOf(st.status)}
			if _, ok := first[k]; !ok {
				first[k] = st
				order = append(order, k)
			}
		}
	})
	detectRoleHolders(c, accounts, out)
	// Accounts of one subject and group, source by source.
	type topicKey struct{ subject, group string }
	bySubject := map[topicKey][]statusAt{}
	var subjects []topicKey
	for _, k := range order {
		tk := topicKey{k.subject, k.group}
		if _, ok := bySubject[tk]; !ok {
			subjects = append(subjects, tk)
		}
		bySubject[tk] = append(bySubject[tk], first[k])
	}
	for _, tk := range subjects {
		acc := bySubject[tk]
		if len(acc) < 2 {
			continue
		}
		var differ []statusAt
		why := ""
		for i, a := range acc {
			for _, b := range acc[i+1:] {
				if w := statusesDiffer(a, b); w != "" {
					if !slices.ContainsFunc(differ, func(x statusAt) bool { return x.span == a.span }) {
						differ = append(differ, a)
					}
					if !slices.ContainsFunc(differ, func(x statusAt) bool { return x.span == b.span }) {
						differ = append(differ, b)
					}
					why = w
				}
			}
		}
		if len(differ) == 0 {
			continue
		}
		// Every source's account, also those that square with one side.
		d := Discrepancy{Kind: KindOutcome, Topic: acc[0].topic, Severity: SeverityHigh, Why: why}
		var parts []string
		for _, a := range acc {
			d.Claims = append(d.Claims, Claim{Span: a.span, Text: a.text, Value: a.who + ": " + a.describe()})
			parts = append(parts, fmt.Sprintf("%s (%s)", a.describe(), c.label(a.span.Source)))
		}
		d.Summary = fmt.Sprintf("what became of %s: %s", acc[0].who, strings.Join(parts, ", "))
		if strings.HasPrefix(why, "one source expects") {
			d.Severity = SeverityMedium
		}
		out.Discrepancies = append(out.Discrepancies, d)
	}
}

// objectAfter reads the words after a status verb, up to roleWords
// content words, to the first mark, number or time word: "mayor of
// Dunmore" in "was elected mayor of Dunmore on Tuesday"; "" when none.
func objectAfter(text string, end int) string {
	rest := text[end:]
	n, stop := 0, len(rest)
	for _, t := range words(rest) {
		f := t.folded
		if isNumberToken(f) || weekdays[f] || months[f] || strings.ContainsAny(rest[:t.start], ",;:.") || n == roleWords || f == "on" || f == "in" && n > 0 {
			stop = t.start
			break
		}
		if !isStop(f) {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return strings.Trim(strings.TrimSpace(rest[:stop]), ",;:.")
}

// detectRoleHolders finds one role two sources give to two people: each
// names one subject of a status of one object ("was elected mayor of
// Dunmore"), and no source names both. A name finding: who won, who was
// charged.
func detectRoleHolders(c *comparison, accounts map[string][]statusAt, out *findings) {
	type role struct{ status, object string }   // the object folded
	shown := map[string]string{}                // folded object → as written
	holders := map[role]map[string][]statusAt{} // role → source → accounts
	var roles []role
	for _, id := range c.res.Sources {
		for _, st := range accounts[id] {
			if st.object == "" || st.negated || st.expect {
				continue
			}
			r := role{st.status, foldText(st.object)}
			if holders[r] == nil {
				shown[r.object] = st.object
				holders[r] = map[string][]statusAt{}
				roles = append(roles, r)
			}
			holders[r][id] = append(holders[r][id], st)
		}
	}
	for _, r := range roles {
		by := holders[r]
		if len(by) < 2 {
			continue
		}
		subjects := map[string]bool{}
		one := true
		for _, acc := range by {
			ss := map[string]bool{}
			for _, a := range acc {
				ss[a.subject] = true
				subjects[a.subject] = true
			}
			one = one && len(ss) == 1
		}
		if !one || len(subjects) < 2 {
			continue
		}
		d := Discrepancy{Kind: KindName, Severity: SeverityHigh,
			Why: "each source names one person of this status and role, and they name different people"}
		var parts []string
		for _, id := range c.res.Sources {
			for _, a := range by[id] {
				if d.Topic == "" {
					d.Topic = a.topic
				}
				d.Claims = append(d.Claims, Claim{Span: a.span, Text: a.text, Value: a.who})
				parts = append(parts, fmt.Sprintf("%s (%s)", a.who, c.label(id)))
				break
			}
		}
		d.Summary = fmt.Sprintf("who was %s %s: %s", r.status, shown[r.object], strings.Join(parts, ", "))
		out.Discrepancies = append(out.Discrepancies, d)
	}
}

// statusGroupOf names the group of statuses that exclude one another, or
// the status itself when it is in none.
func statusGroupOf(status string) string {
	if g, ok := statusGroups()[status]; ok {
		return fmt.Sprintf("group %d", g)
	}
	return status
}

// statusesDiffer says why two accounts of one subject cannot both hold, or
// "" when they can.
func statusesDiffer(a, b statusAt) string {
	switch {
	case a.status != b.status && !a.negated && !b.negated:
		return fmt.Sprintf("the sources give %s two fates that exclude each other: %s and %s", a.who, a.describe(), b.describe())
	case a.status == b.status && a.negated != b.negated:
		return fmt.Sprintf("one source asserts what another denies of %s: %s and %s", a.who, a.describe(), b.describe())
	case a.status == b.status && a.expect != b.expect:
		return fmt.Sprintf("one source expects what another tells as done, of %s: %s and %s", a.who, a.describe(), b.describe())
	}
	return ""
}

// statusesOf reads the statuses a sentence tells: a status verb with its
// subject (the name before it, past an apposition), its negation and its
// modality.
func statusesOf(text string, toks []token) []statusAt {
	var out []statusAt
	for i, t := range toks {
		status, ok := statuses()[t.folded]
		if !ok || i == 0 {
			continue
		}
		// "pleaded" is a status only with its plea: "pleaded guilty".
		if status == "pleaded guilty" && !(i+1 < len(toks) && (toks[i+1].folded == "guilty" || i+2 < len(toks) && toks[i+1].folded == "not" && toks[i+2].folded == "guilty")) {
			continue
		}
		// A participle before a noun describes it ("a retired Marine
		// general", "the fired director"): no status told.
		if i > 0 && determiners[toks[i-1].folded] {
			continue
		}
		who, ok := subjectBefore(text, toks, i)
		if !ok {
			continue
		}
		st := statusAt{who: who, subject: surnameKey(who), status: status, span: Span{Start: t.start, End: t.end}}
		st.negated, st.expect = polarity(toks, i)
		if status == "pleaded guilty" && toks[i+1].folded == "not" {
			st.negated = true
		}
		out = append(out, st)
	}
	return out
}

var determiners = toSet(`a an the his her their its this that these those`)

// subjectBefore finds the subject of the verb at i: the name just before
// the verb and its helpers ("Mattis has resigned"); or, when an apposition
// or a relative clause stands between, set off by commas or dashes ("Jim
// Mattis, a retired Marine general who ..., would be retiring"), the name
// just before it.
func subjectBefore(text string, toks []token, i int) (string, bool) {
	j := i - 1
	for j >= 0 && (statusHelpers[toks[j].folded] || strings.HasSuffix(toks[j].folded, "ly")) {
		j--
	}
	at := toks[i].start
	if j+1 < i {
		at = toks[j+1].start
	}
	names := namesOf(text[:at], toks[:j+1])
	endsWithName := func(x int) (string, bool) {
		trimmed := strings.TrimRight(text[:x], " ")
		for _, n := range names {
			if n.end == len(trimmed) {
				return tidyName(n.text), personLike(n.text)
			}
		}
		return "", false
	}
	if who, ok := endsWithName(at); ok {
		return who, true
	}
	before := strings.TrimRight(text[:at], " ")
	for _, mark := range []string{",", "—", "–"} {
		if !strings.HasSuffix(before, mark) {
			continue
		}
		closing := len(before) - len(mark)
		open := strings.LastIndex(text[:closing], mark)
		if open < 0 {
			return "", false
		}
		if !appositionOpens(text[open+len(mark) : closing]) {
			// "The driver, Mark Tessel, was charged": the name set off
			// is the subject its descriptor opened.
			inner := strings.TrimSpace(text[open+len(mark) : closing])
			if who, ok := endsWithName(closing); ok && strings.HasSuffix(inner, who) && len(strings.Fields(inner)) <= 4 && isCapitalised(inner) {
				return who, true
			}
			return "", false
		}
		return endsWithName(open)
	}
	return "", false
}

// appositionOpens reports the words after a comma that open an apposition
// or a relative clause: "a retired Marine general", "whose experience".
func appositionOpens(s string) bool {
	fs := strings.Fields(strings.ToLower(s))
	return len(fs) > 0 && (determiners[fs[0]] || fs[0] == "who" || fs[0] == "whose" || fs[0] == "which" || fs[0] == "then" || fs[0] == "now")
}

var statusHelpers = toSet(`has have had is are was were be been being will would could may might should must not never n't also already
expected likely set due about to poised reportedly allegedly officially formally later then subsequently finally eventually did does do`)

// polarity reads the negation and the modality of the verb at i from its
// helpers: "has not been charged" is negated, "is expected to be charged",
// "would be retiring" and "could be fired" expect.
func polarity(toks []token, i int) (negated, expect bool) {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		w := toks[j].folded
		if !statusHelpers[w] && !strings.HasSuffix(w, "ly") {
			break
		}
		switch w {
		case "not", "never", "n't":
			negated = true
		case "expected", "likely", "will", "would", "could", "may", "might", "set", "due", "poised", "about":
			expect = true
		}
	}
	return negated, expect
}

// surnameKey is the key of a subject across sources: its last word, folded
// ("Defense Secretary Jim Mattis" and "Mr. Mattis" are "mattis").
func surnameKey(who string) string {
	fs := strings.Fields(who)
	if len(fs) == 0 {
		return ""
	}
	return nameKey(fs[len(fs)-1])
}

// tidyName drops the possessive of a name.
func tidyName(n string) string {
	n = strings.TrimSuffix(strings.TrimSuffix(n, "'s"), "’s")
	return stripTitlesOr(n)
}

// personLike reports a name that may be a status's subject: not a weekday,
// a month or a place alone.
func personLike(n string) bool {
	f := fold(n)
	return !weekdays[f] && !months[f]
}
