// Package export writes a comparison for people and programs to read outside
// the interface. JSON follows the contract in ../shared/docs/EXPORT-JSON.md.
package export

import (
	"cmp"
	"io"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/review"
)

// Version is the JSON contract's version: raised only when a field is
// renamed, removed or given another meaning.
const Version = 1

// jsonDoc is the document as the contract defines it: JSON writes the bytes
// the encoder would write for it, in parts, without building it
// (jsonstream.go); the tests build it to check them, and read exports back
// into it.
type jsonDoc struct {
	Version       int               `json:"version"`
	Generator     string            `json:"generator"`
	Sources       []jsonSource      `json:"sources"`
	Topics        []jsonTopic       `json:"topics"`
	Discrepancies []jsonDiscrepancy `json:"discrepancies"`
	Unique        []compare.Unique  `json:"unique"`
	Reconciled    []jsonReconciled  `json:"reconciled"`
	// Added in version 1 (fields may be added): facts several sources state
	// alike, with how many independent origins stand behind them, and the
	// groups of sources that are copies of one wire story.
	Agreements []jsonAgreement `json:"agreements"`
	Copies     [][]string      `json:"copies"`
	// Added: the sources in publication order, undated ones last; the
	// verdicts that match no finding of this comparison (kept, never
	// dropped); the articles whose text changed since the review.
	Timeline        []jsonTimeline `json:"timeline"`
	Orphaned        []jsonOrphan   `json:"orphaned"`
	ArticlesChanged []jsonChange   `json:"articles_changed"`
	// Added in version 1: every fact the engine read, with the key of what
	// it answers (the facts of all sources read as a table).
	Facts []jsonFact `json:"facts"`
	// Added: the facts read as a table, a row per key with a cell per
	// source; the reviewer's topic fixes and the sources they leave out;
	// the reviewer's findings that are not in this comparison (their words
	// are gone, or a source is left out).
	FactTable        []jsonRow      `json:"fact_table"`
	TopicFixes       []jsonFix      `json:"topic_fixes"`
	Excluded         []string       `json:"excluded"`
	UnplacedFindings []jsonUnplaced `json:"unplaced_findings"`
	// Added: the sources that may report another event (their facts are
	// set against nobody's), with the engine's reason.
	OffEvent []jsonOffEvent `json:"off_event"`
}

type jsonOffEvent struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
}

type jsonRow struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	// Differ: two sources give different values; Disagree: the engine
	// found a discrepancy that sets two of its cells against each other;
	// Discrepancies: the findings whose claims are among its facts.
	Differ        bool       `json:"differ"`
	Disagree      bool       `json:"disagree"`
	Discrepancies []string   `json:"discrepancies"`
	Cells         []jsonCell `json:"cells"`
}

// jsonCell is one source's answer; a source that does not answer has a
// cell with value "" and no facts.
type jsonCell struct {
	Source string   `json:"source"`
	Value  string   `json:"value"`
	Facts  []string `json:"facts"`
}

type jsonFix struct {
	ID        string    `json:"id"`
	Op        string    `json:"op"`
	Says      string    `json:"says"`
	Created   string    `json:"created"`
	Pins      []jsonPin `json:"pins"`
	Unapplied int       `json:"unapplied"`
}

type jsonPin struct {
	Kind   string       `json:"kind"`
	A      *compare.Ref `json:"a,omitempty"`
	B      *compare.Ref `json:"b,omitempty"`
	Source string       `json:"source,omitempty"`
}

type jsonUnplaced struct {
	ID      string            `json:"id"`
	Kind    string            `json:"kind"`
	Note    string            `json:"note"`
	Problem string            `json:"problem"`
	Claims  []jsonOrphanClaim `json:"claims"`
	By      string            `json:"by"`
}

type jsonTimeline struct {
	Source    string `json:"source"`
	Published string `json:"published"`
}

type jsonOrphan struct {
	Finding string            `json:"finding"`
	Kind    string            `json:"kind"`
	Summary string            `json:"summary"`
	Claims  []jsonOrphanClaim `json:"claims"`
	Review  jsonReview        `json:"review"`
	Updated string            `json:"updated"`
}

type jsonOrphanClaim struct {
	Source string `json:"source"`
	Words  string `json:"words"`
}

type jsonChange struct {
	Source string `json:"source"`
	Change string `json:"change"`
}

type jsonFact struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Key   string `json:"key"`
	Label string `json:"label"`
	Value string `json:"value"`
	// Speaker and Via are set for a quotation ("" when not known).
	Speaker *string `json:"speaker,omitempty"`
	Via     *string `json:"via,omitempty"`
	compare.Span
	Text string `json:"text"`
}

type jsonAgreement struct {
	Value   string          `json:"value"`
	Sources []string        `json:"sources"`
	Origins int             `json:"origins"`
	Claims  []compare.Claim `json:"claims"`
}

type jsonSource struct {
	ID         string          `json:"id"`
	Path       string          `json:"path"`
	Name       string          `json:"name"`
	Title      string          `json:"title"`
	Published  string          `json:"published"`
	URL        string          `json:"url"`
	Paragraphs []jsonParagraph `json:"paragraphs"`
	// Added: the byline, and the name the other exports give the source
	// (outlet, title, byline, date and id), which tells apart two articles
	// of one outlet.
	Author string `json:"author"`
	Label  string `json:"label"`
}

type jsonParagraph struct {
	Index int    `json:"index"`
	Kind  string `json:"kind"`
	Text  string `json:"text"`
}

type jsonTopic struct {
	ID      string        `json:"id"`
	Label   string        `json:"label"`
	Members []compare.Ref `json:"members"`
}

type jsonDiscrepancy struct {
	ID       string           `json:"id"`
	Kind     string           `json:"kind"`
	Topic    string           `json:"topic"`
	Severity string           `json:"severity"`
	Summary  string           `json:"summary"`
	Why      string           `json:"why"`
	Claims   []compare.Claim  `json:"claims"`
	Diff     []compare.DiffOp `json:"diff,omitempty"`
	Review   jsonReview       `json:"review"`
	// Added: who found it, "engine" or "reviewer" (recorded by hand).
	By string `json:"by"`
}

type jsonReview struct {
	Status string `json:"status"`
	Note   string `json:"note"`
	// Added: which source is right (a source id, "unresolved", or "" when
	// the reviewer has not said), a link to the evidence (http or https),
	// and the sources whose text changed since the verdict was given.
	Right          string   `json:"right"`
	Evidence       string   `json:"evidence"`
	ChangedSources []string `json:"changed_sources,omitempty"`
}

func reviewOf(e review.Entry) jsonReview {
	return jsonReview{Status: string(e.Status), Note: e.Note, Right: e.Right, Evidence: e.Evidence, ChangedSources: e.Stale}
}

type jsonReconciled struct {
	Claims []compare.Claim `json:"claims"`
	Reason string          `json:"reason"`
}

// JSON writes the comparison in the EXPORT-JSON form, with the reviewer's
// verdicts and notes. The same input and review give the same bytes: those
// a json.Encoder with a two-space indent writes for the jsonDoc, written in
// parts (jsonstream.go) without building it. Every string is cleaned
// (clean.go); a claim's text is still exactly its paragraph's text between
// its offsets.
func JSON(w io.Writer, d Doc) error {
	v := newView(d)
	r := v.res
	// Each array is given its elements' writer and an estimate of their
	// bytes (the keys and indentation beside their text), which only cuts
	// the parts: it need not be exact.
	var doc docWriter
	doc.value("version", Version)
	doc.value("generator", v.generator)
	sources := make([]jsonSource, len(v.sources))
	for i, s := range v.sources {
		sources[i] = jsonSource{ID: s.ID, Path: s.Path, Name: cmp.Or(line(s.art.Source), s.ID), Title: s.Title, Published: s.Published, URL: s.URL,
			Author: s.Author, Label: s.Label}
	}
	doc.array("sources", newNested(len(sources), func(i int) int { return len(v.sources[i].Paras) },
		func(b []byte, i int) []byte { return appendSourceHead(b, sources[i], 4) },
		func(b []byte, i, j int) []byte {
			s := v.sources[i]
			return appendParagraph(b, jsonParagraph{Index: s.art.Paragraphs[j].Index, Kind: line(string(s.art.Paragraphs[j].Kind)), Text: s.Paras[j]}, 8)
		},
		func(i, j int) int { return 64 + len(v.sources[i].Paras[j]) },
		func(b []byte, i int) []byte { return appendSourceTail(b, sources[i], 4) }))
	topics := make([]jsonTopic, len(r.Topics))
	for i, t := range r.Topics {
		topics[i] = jsonTopic{ID: line(t.ID), Label: line(t.Label)}
	}
	doc.array("topics", newNested(len(topics), func(i int) int { return len(r.Topics[i].Members) },
		func(b []byte, i int) []byte { return appendTopicHead(b, topics[i], 4) },
		func(b []byte, i, j int) []byte {
			m := r.Topics[i].Members[j]
			return appendRef(b, compare.Ref{Source: line(m.Source), Paragraph: m.Paragraph}, 8)
		},
		func(i, j int) int { return 64 },
		func(b []byte, i int) []byte { return appendClose(b, 4, '}') }))
	discs := make(values[jsonDiscrepancy], 0, len(v.discs))
	for _, vd := range v.discs {
		d := vd.Discrepancy
		discs = append(discs, jsonDiscrepancy{ID: d.ID, Kind: string(d.Kind), Topic: d.Topic, Severity: string(d.Severity),
			Summary: d.Summary, Why: d.Why, Claims: d.Claims, Diff: d.Diff, Review: reviewOf(vd.Review), By: vd.By()})
	}
	doc.array("discrepancies", discs)
	doc.array("unique", flat{len(v.unique), func(i int) int { return 256 + len(v.unique[i].Text) },
		func(b []byte, i int) []byte { return appendUnique(b, v.unique[i], 4) }})
	doc.array("reconciled", flat{len(v.reconciled), func(i int) int { return 128 + 256*len(v.reconciled[i].Claims) },
		func(b []byte, i int) []byte {
			rc := v.reconciled[i]
			return appendReconciled(b, jsonReconciled{Claims: rc.Claims, Reason: rc.Reason}, 4)
		}})
	doc.array("agreements", flat{len(r.Agreements), func(i int) int { return 128 + 256*len(r.Agreements[i].Facts) },
		func(b []byte, i int) []byte {
			a := r.Agreements[i]
			ja := jsonAgreement{Value: line(a.Value), Sources: cleanAll(a.Sources), Origins: a.Origins, Claims: make([]compare.Claim, 0, len(a.Facts))}
			for _, id := range a.Facts {
				if k, ok := v.facts[id]; ok {
					f := &r.Facts[k]
					ja.Claims = append(ja.Claims, v.cleanClaim(compare.Claim{Span: f.Span, Text: f.Text, Value: f.Value}))
				}
			}
			return appendAgreement(b, ja, 4)
		}})
	doc.array("copies", flat{len(r.Copies), func(i int) int { return 16 + 32*len(r.Copies[i]) },
		func(b []byte, i int) []byte { return appendStrings(b, cleanAll(r.Copies[i]), 4) }})
	doc.array("timeline", flat{len(v.timeline), func(int) int { return 80 },
		func(b []byte, i int) []byte {
			return appendTimeline(b, jsonTimeline{Source: v.timeline[i].ID, Published: v.timeline[i].Published}, 4)
		}})
	orphans := make(values[jsonOrphan], 0, len(v.orphans))
	for _, o := range v.orphans {
		jo := jsonOrphan{Finding: o.ID, Kind: string(o.Kind), Summary: o.Summary, Claims: []jsonOrphanClaim{}, Review: reviewOf(o.Entry),
			Updated: o.Updated.UTC().Format(time.RFC3339)}
		for _, c := range o.Entry.Claims {
			jo.Claims = append(jo.Claims, jsonOrphanClaim{Source: line(c.Source), Words: line(c.Words)})
		}
		orphans = append(orphans, jo)
	}
	doc.array("orphaned", orphans)
	changes := values[jsonChange]{}
	for _, c := range d.Review.Changes() {
		changes = append(changes, jsonChange{Source: line(c.Source), Change: line(c.What)})
	}
	doc.array("articles_changed", changes)
	doc.array("facts", flat{len(r.Facts), func(i int) int { return 192 + len(r.Facts[i].Text) },
		func(b []byte, i int) []byte {
			f := &r.Facts[i]
			c := v.cleanClaim(compare.Claim{Span: f.Span, Text: f.Text, Value: f.Value})
			jf := jsonFact{ID: line(f.ID), Kind: string(f.Kind), Key: line(f.Key), Label: line(f.Label), Value: c.Value, Span: c.Span, Text: c.Text}
			if f.Quote != nil {
				speaker, via := line(f.Quote.Speaker), line(f.Quote.Via)
				jf.Speaker, jf.Via = &speaker, &via
			}
			return appendFact(b, jf, 4)
		}})
	// A silent cell's bytes are the same in every row: each source's is
	// written once, with the comma before it, and a run of them copied.
	var silent []byte
	silentAt := make([]int, len(v.sources)+1)
	for i, s := range v.sources {
		silentAt[i] = len(silent)
		silent = appendCell(append(append(silent, ",\n"...), spaces[:8]...), jsonCell{Source: s.ID, Facts: []string{}}, 8)
	}
	silentAt[len(v.sources)] = len(silent)
	silentRun := func(b []byte, from, to int) []byte {
		if from >= to {
			return b
		}
		run := silent[silentAt[from]:silentAt[to]]
		if from == 0 {
			run = run[1:] // no comma before the first cell
		}
		return append(b, run...)
	}
	doc.array("fact_table", flat{len(v.table), func(i int) int { return 128 + len(silent) + 128*len(v.table[i].Cells) },
		func(b []byte, i int) []byte {
			vr := v.table[i]
			b = append(appendRowHead(b, jsonRow{Key: vr.Key, Label: vr.Label, Differ: vr.Differ, Disagree: vr.Disagree, Discrepancies: vr.Discs}, 4), '[')
			next := 0 // the first source not written yet
			for _, c := range vr.Cells {
				b = silentRun(b, next, c.N)
				if c.N > 0 {
					b = append(b, ',')
				}
				b = appendCell(append(append(b, '\n'), spaces[:8]...), jsonCell{Source: c.Source, Value: c.Value, Facts: c.Facts}, 8)
				next = c.N + 1
			}
			b = silentRun(b, next, len(v.sources))
			return appendClose(appendClose(b, 6, ']'), 4, '}')
		}})
	fixes := values[jsonFix]{}
	for _, f := range v.fixes {
		jf := jsonFix{ID: f.ID, Op: f.Op, Says: f.Says, Created: f.Created, Pins: []jsonPin{}, Unapplied: f.Unapplied}
		for _, p := range f.Pins {
			jp := jsonPin{Kind: string(p.Kind)}
			if p.Kind == compare.PinExclude {
				jp.Source = p.Source
			} else {
				a, b := p.A, p.B
				jp.A, jp.B = &a, &b
			}
			jf.Pins = append(jf.Pins, jp)
		}
		fixes = append(fixes, jf)
	}
	doc.array("topic_fixes", fixes)
	excluded := values[string]{}
	for _, s := range v.excluded {
		excluded = append(excluded, s.ID)
	}
	doc.array("excluded", excluded)
	unplaced := values[jsonUnplaced]{}
	for _, u := range v.unplaced {
		ju := jsonUnplaced{ID: u.ID, Kind: u.Kind, Note: u.Note, Problem: u.Problem, Claims: []jsonOrphanClaim{}, By: "reviewer"}
		for _, c := range u.Claims {
			ju.Claims = append(ju.Claims, jsonOrphanClaim{Source: c.Source, Words: c.Words})
		}
		unplaced = append(unplaced, ju)
	}
	doc.array("unplaced_findings", unplaced)
	offEvent := values[jsonOffEvent]{}
	for _, o := range v.offEvent {
		offEvent = append(offEvent, jsonOffEvent{Source: o.ID, Reason: o.Reason})
	}
	doc.array("off_event", offEvent)
	return doc.write(w)
}

func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = line(s)
	}
	return out
}
