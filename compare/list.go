package compare

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/loader"
)

// listAt is names given together in a sentence ("F-15s and F-16s",
// "Kata'ib Hezbollah (KH) and Kata'ib Sayyid al-Shuhada (KSS)"), the span
// relative to the sentence.
type listAt struct {
	items      []string
	start, end int
}

// lists finds the names a sentence coordinates with commas, "and" or "or";
// an abbreviation in brackets after a name belongs to it, and a model name
// coordinated with a longer run stands alone ("US Air Force F-15s and
// F-16s" lists F-15s and F-16s).
func lists(text string) []listAt { return listsOf(text, names(text)) }

// listsOf finds the lists among a sentence's names.
func listsOf(text string, ns []nameAt) []listAt {
	var out []listAt
	for i := 0; i < len(ns); {
		run := []nameAt{ns[i]}
		j := i
		for j+1 < len(ns) {
			k := j + 1
			// "(KH)" after a name is the name's abbreviation.
			if gap := text[ns[j].end:ns[k].start]; strings.TrimSpace(gap) == "(" && isAbbreviation(ns[k].text) {
				if k+1 >= len(ns) {
					break
				}
				k++
				j++
				run[len(run)-1].end = ns[j].end + 1
			}
			if !coordinating(text[ns[j].end:ns[k].start]) {
				break
			}
			run = append(run, ns[k])
			j = k
		}
		// "Rancho Mirage, Calif.", "Tara Reid, 33": commas alone make a
		// place and its region, a name and its title; a list has its "and".
		conjoined := false
		for x := 1; x < len(run); x++ {
			g := strings.ToLower(text[run[x-1].end:run[x].start])
			conjoined = conjoined || strings.Contains(g, "and") || strings.Contains(g, "or") || strings.Contains(g, "&")
		}
		if len(run) >= 2 && conjoined {
			items := make([]string, len(run))
			for x, n := range run {
				items[x] = strings.Trim(n.text, "()")
			}
			// A model coordinated with a longer run: the run's last word.
			if hasDigit(items[len(items)-1]) {
				for x := range items {
					if ws := strings.Fields(items[x]); len(ws) > 1 && hasDigit(ws[len(ws)-1]) {
						items[x] = ws[len(ws)-1]
					}
				}
			}
			start := run[0].start
			if ws := strings.Fields(run[0].text); len(ws) > 1 && items[0] == ws[len(ws)-1] {
				start = run[0].end - len(items[0])
			}
			out = append(out, listAt{items: items, start: start, end: run[len(run)-1].end})
		}
		i = j + 1
	}
	return out
}

// coordinating is the text between two items of one list.
func coordinating(gap string) bool {
	g := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(gap), ")")))
	switch g {
	case ",", "and", "or", ", and", ", or", "&", "/":
		return true
	}
	return false
}

func stripTitlesOr(item string) string {
	if t := stripTitles(item); t != "" {
		return t
	}
	return item
}

func listItemKey(item string) string {
	if t := stripTitles(item); t != "" {
		return itemKey(t)
	}
	return itemKey(item)
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// finalWord is s's last word, as strings.Fields splits it, and whether s
// has more than one: without the slice of every word.
func finalWord(s string) (last string, many bool) {
	t := strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(t, unicode.IsSpace)
	if i < 0 {
		return t, false
	}
	_, size := utf8.DecodeRuneInString(t[i:])
	return t[i+size:], strings.TrimLeftFunc(t[:i], unicode.IsSpace) != ""
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// findListConflicts finds the items a source's list names that another
// source, speaking of the same things, never names: "F-15s and F-16s were
// used" against "the Air Force used F-16s". The other source must name at
// least one of the items in linked text (or, for a model designation,
// anywhere), and must not name the missing item anywhere in its body.
func findListConflicts(res *Result, arts []*loader.Article, linked linkSet, label func(string) string) {
	// The keys the lists' items are looked up by: only the names under
	// them are worth keeping. (Every name of every source, each mention
	// kept, was most of this detector's memory, for a few hundred lists.)
	key := remembered(itemKey) // one name is mentioned again and again
	wanted := map[string]bool{}
	for _, f := range res.Facts {
		if f.Kind != FactList || f.Background {
			continue
		}
		for _, item := range f.List {
			wanted[listItemKey(item)] = true
			if last, many := finalWord(stripTitles(item)); many {
				wanted[key(last)] = true
			}
		}
	}
	// Every source's names, each where it is first mentioned.
	type mention struct {
		span  Span
		text  string
		topic string
	}
	bySource := map[string]map[string]mention{} // source → item key → first mention
	for _, f := range res.Facts {
		if f.Kind != FactEntity {
			continue
		}
		// A run such as "US Air Force F-15s" also names its model; a name
		// is present under its canonical form and its last word too.
		keys := [4]string{key(f.Text), key(f.Value)}
		n := 2
		if last, many := finalWord(f.Value); many {
			keys[n] = key(last)
			n++
		}
		if last, many := finalWord(f.Text); many && hasDigit(last) {
			keys[n] = key(last)
			n++
		}
		for _, k := range keys[:n] {
			if !wanted[k] {
				continue
			}
			m := bySource[f.Span.Source]
			if m == nil {
				m = map[string]mention{}
				bySource[f.Span.Source] = m
			}
			if _, ok := m[k]; !ok {
				m[k] = mention{f.Span, f.Text, f.Topic}
			}
		}
	}
	// Each source's body, folded, to tell whether it names an item at all
	// in any form the name reader might have passed over.
	byID := map[string]*loader.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	bodies := map[string]string{}
	body := func(id string) string {
		if b, ok := bodies[id]; ok {
			return b
		}
		var b strings.Builder
		b.WriteString(" ")
		for _, p := range byID[id].Body() {
			b.WriteString(foldText(p.Text))
			b.WriteString(" ")
		}
		bodies[id] = b.String()
		return bodies[id]
	}
	type finding struct {
		missing string // the item's words as first listed
		lists   []Fact
		other   Fact // where the other source names the rest
		topic   string
	}
	// The lists of each source, as sets of item keys.
	listKeys := map[string][]map[string]bool{}
	listFacts := map[string][]Fact{}
	for _, f := range res.Facts {
		if f.Kind == FactList {
			ks := map[string]bool{}
			for _, it := range f.List {
				ks[listItemKey(it)] = true
			}
			listKeys[f.Span.Source] = append(listKeys[f.Span.Source], ks)
			listFacts[f.Span.Source] = append(listFacts[f.Span.Source], f)
		}
	}
	// Which sources name an item at all: only they are worth a look, in
	// the order of the sources.
	srcIndex := make(map[string]int, len(res.Sources))
	for i, id := range res.Sources {
		srcIndex[id] = i
	}
	namedBy := map[string][]int{}
	for src, m := range bySource {
		i, ok := srcIndex[src]
		if !ok {
			continue
		}
		for k := range m {
			namedBy[k] = append(namedBy[k], i)
		}
	}
	found := map[string]*finding{}
	var order []string
	for _, f := range res.Facts {
		if f.Kind != FactList || f.Background {
			continue
		}
		// The items' keys, and those of their last words, once for every
		// other source they are looked for in.
		keys, lastKeys := make([]string, len(f.List)), make([]string, len(f.List))
		hasLast := make([]bool, len(f.List))
		mine := map[string]bool{}
		var candidates []int
		for i, item := range f.List {
			keys[i] = listItemKey(item)
			if last, many := finalWord(stripTitles(item)); many {
				lastKeys[i], hasLast[i] = key(last), true
			}
			mine[keys[i]] = true
			candidates = append(candidates, namedBy[keys[i]]...)
		}
		slices.Sort(candidates)
		for _, si := range slices.Compact(candidates) {
			other := res.Sources[si]
			if other == f.Span.Source {
				continue
			}
			names := bySource[other]
			var shared *mention
			var unnamed []string // items the name reader did not find in other
			for i, item := range f.List {
				k := keys[i]
				m, ok := names[k]
				if !ok && hasLast[i] {
					m, ok = names[lastKeys[i]]
				}
				if !ok {
					unnamed = append(unnamed, item)
					continue
				}
				// The other source gives the same set: its own list with this
				// item in linked text, or a model designation it names.
				for li, ks := range listKeys[other] {
					if shared != nil || !ks[k] {
						continue // the cheap tests first: linked.has is three look-ups
					}
					l2 := listFacts[other][li]
					near := f.Topic != "" && l2.Topic == f.Topic || linked.has(Ref{f.Span.Source, f.Span.Paragraph}, Ref{other, l2.Span.Paragraph})
					if near && jaccard(ks, mine) >= sameListShare {
						shared = &mention{l2.Span, l2.Text, l2.Topic}
					}
				}
				if shared == nil && hasDigit(item) {
					shared = &m
				}
			}
			if shared == nil || len(unnamed) == 0 {
				continue
			}
			// Only now, the costlier look through the other's whole text.
			var missing []string
			for _, item := range unnamed {
				if !strings.Contains(body(other), " "+foldText(stripTitlesOr(item))+" ") {
					missing = append(missing, item)
				}
			}
			if shared == nil || len(missing) == 0 || len(missing) == len(f.List) {
				continue
			}
			key := other + "|" + itemKey(strings.Join(missing, "|"))
			fd := found[key]
			if fd == nil {
				fd = &finding{missing: strings.Join(missing, ", "), topic: f.Topic,
					other: Fact{Kind: FactEntity, Span: shared.span, Text: shared.text, Value: shared.text}}
				found[key] = fd
				order = append(order, key)
			}
			fd.lists = append(fd.lists, f)
		}
	}
	slices.Sort(order)
	for _, k := range order {
		fd := found[k]
		var claims []Claim
		var listers []string
		for _, l := range fd.lists {
			claims = appendClaim(claims, claimOf(l))
			listers = append(listers, label(l.Span.Source))
		}
		other := fd.other
		other.Value = "names " + other.Text + ", not " + fd.missing
		claims = append(claims, claimOf(other))
		res.Discrepancies = append(res.Discrepancies, Discrepancy{
			Kind: KindList, Topic: fd.topic, Severity: SeverityMedium, Claims: claims,
			Summary: fmt.Sprintf("%s: listed by %s; %s names %s but never %s", fd.missing, strings.Join(listers, ", "),
				label(other.Span.Source), other.Text, fd.missing),
			Why: "one source lists items together; another names some of them in text on the same subject and never the rest",
		})
	}
}
