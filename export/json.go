// Package export writes a comparison for people and programs to read outside
// the interface. JSON follows the contract in ../shared/docs/EXPORT-JSON.md.
package export

import (
	"encoding/json"
	"io"

	"github.com/parallax-news/parallax/compare"
)

// Version is the JSON contract's version: raised only when a field is
// renamed, removed or given another meaning.
const Version = 1

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
	// Added in version 1: every fact the engine read, with the key of what
	// it answers (the facts of all sources read as a table).
	Facts []jsonFact `json:"facts"`
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
}

type jsonReview struct {
	Status string `json:"status"`
	Note   string `json:"note"`
}

type jsonReconciled struct {
	Claims []compare.Claim `json:"claims"`
	Reason string          `json:"reason"`
}

// JSON writes the comparison in the EXPORT-JSON form, with the reviewer's
// verdicts and notes. The same input and review give the same bytes.
func JSON(w io.Writer, d Doc) error {
	r := d.Result
	byID := d.byID()
	doc := jsonDoc{Version: Version, Generator: d.Generator, Topics: []jsonTopic{}, Discrepancies: []jsonDiscrepancy{},
		Unique: r.Unique, Reconciled: []jsonReconciled{}}
	if doc.Unique == nil {
		doc.Unique = []compare.Unique{}
	}
	for _, id := range r.Sources {
		a := byID[id]
		s := jsonSource{ID: a.ID, Path: a.Path, Name: a.Source, Title: a.Title, Published: a.Published.String(), URL: a.URL, Paragraphs: []jsonParagraph{}}
		for _, p := range a.Paragraphs {
			s.Paragraphs = append(s.Paragraphs, jsonParagraph{Index: p.Index, Kind: string(p.Kind), Text: p.Text})
		}
		doc.Sources = append(doc.Sources, s)
	}
	for _, t := range r.Topics {
		doc.Topics = append(doc.Topics, jsonTopic{ID: t.ID, Label: t.Label, Members: t.Members})
	}
	for _, disc := range r.Discrepancies {
		e := d.Review.Get(disc)
		rev := jsonReview{Status: string(e.Status), Note: e.Note}
		d := disc
		doc.Discrepancies = append(doc.Discrepancies, jsonDiscrepancy{ID: d.ID, Kind: string(d.Kind), Topic: d.Topic, Severity: string(d.Severity),
			Summary: d.Summary, Why: d.Why, Claims: d.Claims, Diff: d.Diff, Review: rev})
	}
	for _, rc := range r.Reconciled {
		doc.Reconciled = append(doc.Reconciled, jsonReconciled{Claims: rc.Claims, Reason: rc.Reason})
	}
	facts := make(map[string]compare.Fact, len(r.Facts))
	for _, f := range r.Facts {
		facts[f.ID] = f
	}
	doc.Agreements = []jsonAgreement{}
	for _, a := range r.Agreements {
		ja := jsonAgreement{Value: a.Value, Sources: a.Sources, Origins: a.Origins, Claims: []compare.Claim{}}
		for _, id := range a.Facts {
			if f, ok := facts[id]; ok {
				ja.Claims = append(ja.Claims, compare.Claim{Span: f.Span, Text: f.Text, Value: f.Value})
			}
		}
		doc.Agreements = append(doc.Agreements, ja)
	}
	doc.Facts = []jsonFact{}
	for _, f := range r.Facts {
		jf := jsonFact{ID: f.ID, Kind: string(f.Kind), Key: f.Key, Label: f.Label, Value: f.Value, Span: f.Span, Text: f.Text}
		if f.Quote != nil {
			jf.Speaker, jf.Via = &f.Quote.Speaker, &f.Quote.Via
		}
		doc.Facts = append(doc.Facts, jf)
	}
	doc.Copies = r.Copies
	if doc.Copies == nil {
		doc.Copies = [][]string{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
