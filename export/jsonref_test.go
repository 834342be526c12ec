package export

import (
	"bytes"
	"cmp"
	"encoding/json"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
)

// encodedJSON is the export as the contract defines its bytes: the whole
// jsonDoc built, then written by one json.Encoder with a two-space indent.
// JSON must write exactly these bytes, in parts and by hand
// (jsonstream.go, jsonwrite.go).
func encodedJSON(t testing.TB, d Doc) []byte {
	t.Helper()
	v := newView(d)
	r := v.res
	doc := jsonDoc{Version: Version, Generator: v.generator, Sources: []jsonSource{}, Topics: []jsonTopic{}, Discrepancies: []jsonDiscrepancy{},
		Unique: v.unique, Reconciled: []jsonReconciled{}, Agreements: []jsonAgreement{}, Copies: [][]string{},
		Timeline: []jsonTimeline{}, Orphaned: []jsonOrphan{}, ArticlesChanged: []jsonChange{}}
	if doc.Unique == nil {
		doc.Unique = []compare.Unique{}
	}
	for _, s := range v.sources {
		js := jsonSource{ID: s.ID, Path: s.Path, Name: cmp.Or(line(s.art.Source), s.ID), Title: s.Title, Published: s.Published, URL: s.URL,
			Paragraphs: []jsonParagraph{}, Author: s.Author, Label: s.Label}
		for i, p := range s.art.Paragraphs {
			js.Paragraphs = append(js.Paragraphs, jsonParagraph{Index: p.Index, Kind: line(string(p.Kind)), Text: s.Paras[i]})
		}
		doc.Sources = append(doc.Sources, js)
	}
	for _, s := range v.timeline {
		doc.Timeline = append(doc.Timeline, jsonTimeline{Source: s.ID, Published: s.Published})
	}
	for _, t := range r.Topics {
		members := make([]compare.Ref, len(t.Members))
		for i, m := range t.Members {
			members[i] = compare.Ref{Source: line(m.Source), Paragraph: m.Paragraph}
		}
		doc.Topics = append(doc.Topics, jsonTopic{ID: line(t.ID), Label: line(t.Label), Members: members})
	}
	for _, vd := range v.discs {
		d := vd.Discrepancy
		doc.Discrepancies = append(doc.Discrepancies, jsonDiscrepancy{ID: d.ID, Kind: string(d.Kind), Topic: d.Topic, Severity: string(d.Severity),
			Summary: d.Summary, Why: d.Why, Claims: d.Claims, Diff: d.Diff, Review: reviewOf(vd.Review), By: vd.By()})
	}
	for _, o := range v.orphans {
		jo := jsonOrphan{Finding: o.ID, Kind: string(o.Kind), Summary: o.Summary, Claims: []jsonOrphanClaim{}, Review: reviewOf(o.Entry),
			Updated: o.Updated.UTC().Format(time.RFC3339)}
		for _, c := range o.Entry.Claims {
			jo.Claims = append(jo.Claims, jsonOrphanClaim{Source: line(c.Source), Words: line(c.Words)})
		}
		doc.Orphaned = append(doc.Orphaned, jo)
	}
	for _, c := range d.Review.Changes() {
		doc.ArticlesChanged = append(doc.ArticlesChanged, jsonChange{Source: line(c.Source), Change: line(c.What)})
	}
	for _, rc := range v.reconciled {
		doc.Reconciled = append(doc.Reconciled, jsonReconciled{Claims: rc.Claims, Reason: rc.Reason})
	}
	facts := make(map[string]compare.Fact, len(r.Facts))
	for _, f := range r.Facts {
		facts[f.ID] = f
	}
	for _, a := range r.Agreements {
		ja := jsonAgreement{Value: line(a.Value), Sources: cleanAll(a.Sources), Origins: a.Origins, Claims: []compare.Claim{}}
		for _, id := range a.Facts {
			if f, ok := facts[id]; ok {
				ja.Claims = append(ja.Claims, v.cleanClaims([]compare.Claim{{Span: f.Span, Text: f.Text, Value: f.Value}})...)
			}
		}
		doc.Agreements = append(doc.Agreements, ja)
	}
	doc.Facts = []jsonFact{}
	for _, f := range r.Facts {
		cl := v.cleanClaims([]compare.Claim{{Span: f.Span, Text: f.Text, Value: f.Value}})
		if len(cl) == 0 {
			continue
		}
		jf := jsonFact{ID: line(f.ID), Kind: string(f.Kind), Key: line(f.Key), Label: line(f.Label), Value: cl[0].Value, Span: cl[0].Span, Text: cl[0].Text}
		if f.Quote != nil {
			speaker, via := line(f.Quote.Speaker), line(f.Quote.Via)
			jf.Speaker, jf.Via = &speaker, &via
		}
		doc.Facts = append(doc.Facts, jf)
	}
	for _, c := range r.Copies {
		doc.Copies = append(doc.Copies, cleanAll(c))
	}
	doc.FactTable, doc.TopicFixes, doc.Excluded, doc.UnplacedFindings = []jsonRow{}, []jsonFix{}, []string{}, []jsonUnplaced{}
	for _, vr := range v.table {
		jr := jsonRow{Key: vr.Key, Label: vr.Label, Differ: vr.Differ, Disagree: vr.Disagree, Discrepancies: vr.Discs}
		for _, c := range vr.all(v.sources) {
			if c.Facts == nil {
				c.Facts = []string{} // a silent cell
			}
			jr.Cells = append(jr.Cells, jsonCell{Source: c.Source, Value: c.Value, Facts: c.Facts})
		}
		doc.FactTable = append(doc.FactTable, jr)
	}
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
		doc.TopicFixes = append(doc.TopicFixes, jf)
	}
	for _, s := range v.excluded {
		doc.Excluded = append(doc.Excluded, s.ID)
	}
	doc.OffEvent = []jsonOffEvent{}
	for _, o := range v.offEvent {
		doc.OffEvent = append(doc.OffEvent, jsonOffEvent{Source: o.ID, Reason: o.Reason})
	}
	for _, u := range v.unplaced {
		ju := jsonUnplaced{ID: u.ID, Kind: u.Kind, Note: u.Note, Problem: u.Problem, Claims: []jsonOrphanClaim{}, By: "reviewer"}
		for _, c := range u.Claims {
			ju.Claims = append(ju.Claims, jsonOrphanClaim{Source: c.Source, Words: c.Words})
		}
		doc.UnplacedFindings = append(doc.UnplacedFindings, ju)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
