package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/parallax-news/parallax/compare"
)

// hostileStrings are strings full of what the encoder escapes, with the
// empty one.
var hostileStrings = []string{"", "33 <age> & \"more\"", "c\x01\t\n\r\b\f\\\x7f", "line\u2028para\u2029", "\xff\xfe bad", "é 汉字 🌟"}

// valuesToWrite holds a value of every type written by hand, of every
// shape: nil and empty lists, optional fields set and unset, the strings.
func valuesToWrite(s []string) []any {
	at := func(i int) string { return s[i%len(s)] }
	sp := compare.Span{Source: at(0), Paragraph: 3, Start: -1, End: 1 << 40}
	claims := []compare.Claim{{Span: sp, Text: at(1), Value: at(2)}, {Text: at(3)}}
	speaker := at(4)
	return []any{
		compare.Claim{Span: sp, Text: at(1), Value: at(2)},
		compare.Unique{Span: sp, Text: at(1), Value: at(2), Topic: at(3)},
		compare.Ref{Source: at(5), Paragraph: -2},
		jsonFact{ID: at(0), Kind: at(1), Key: at(2), Label: at(3), Value: at(4), Span: sp, Text: at(5)},
		jsonFact{ID: at(1), Speaker: &speaker, Via: &s[0], Span: sp},
		jsonAgreement{Value: at(0), Sources: []string{at(1), at(2)}, Origins: 2, Claims: claims},
		jsonAgreement{Sources: []string{}, Claims: []compare.Claim{}},
		jsonAgreement{},
		jsonReconciled{Claims: claims, Reason: at(3)},
		jsonReconciled{},
		jsonTimeline{Source: at(0), Published: at(1)},
		jsonParagraph{Index: 7, Kind: at(2), Text: at(3)},
		jsonCell{Source: at(0), Value: at(1), Facts: []string{at(2), at(3)}},
		jsonCell{Facts: []string{}},
		jsonCell{},
		[]string{at(0), at(1)},
		[]string{},
		[]string(nil),
		[]compare.Claim{},
		[]compare.Claim(nil),
	}
}

// writeByHand writes v as the export's writers do, at depth 4 (a
// top-level array's element); the writers split in a head and a tail are
// put together as the arrays put them.
func writeByHand(t *testing.T, v any) []byte {
	const d = 4
	list := func(b []byte, n int, item func(b []byte, j int) []byte) []byte {
		if n == 0 {
			return append(b, "[]"...)
		}
		b = append(b, '[')
		for j := range n {
			if j > 0 {
				b = append(b, ',')
			}
			b = item(append(append(b, '\n'), spaces[:d+4]...), j)
		}
		return appendClose(b, d+2, ']')
	}
	switch v := v.(type) {
	case compare.Claim:
		return appendClaim(nil, v, d)
	case compare.Unique:
		return appendUnique(nil, v, d)
	case compare.Ref:
		return appendRef(nil, v, d)
	case jsonFact:
		return appendFact(nil, v, d)
	case jsonAgreement:
		return appendAgreement(nil, v, d)
	case jsonReconciled:
		return appendReconciled(nil, v, d)
	case jsonTimeline:
		return appendTimeline(nil, v, d)
	case jsonParagraph:
		return appendParagraph(nil, v, d)
	case jsonCell:
		return appendCell(nil, v, d)
	case []string:
		return appendStrings(nil, v, d)
	case []compare.Claim:
		return appendClaims(nil, v, d)
	case jsonSource:
		b := list(appendSourceHead(nil, v, d), len(v.Paragraphs), func(b []byte, j int) []byte { return appendParagraph(b, v.Paragraphs[j], d+4) })
		return appendSourceTail(b, v, d)
	case jsonTopic:
		b := list(appendTopicHead(nil, v, d), len(v.Members), func(b []byte, j int) []byte { return appendRef(b, v.Members[j], d+4) })
		return appendClose(b, d, '}')
	case jsonRow:
		b := list(appendRowHead(nil, v, d), len(v.Cells), func(b []byte, j int) []byte { return appendCell(b, v.Cells[j], d+4) })
		return appendClose(b, d, '}')
	}
	t.Fatalf("no writer for %T", v)
	return nil
}

func checkWritten(t *testing.T, v any) {
	t.Helper()
	want, err := json.MarshalIndent(v, spaces[:4], "  ")
	if err != nil {
		t.Fatal(err)
	}
	if got := writeByHand(t, v); !bytes.Equal(got, want) {
		t.Errorf("%#v:\n got %s\nwant %s", v, got, want)
	}
}

func TestWrittenAsEncoded(t *testing.T) {
	for i := range hostileStrings {
		s := append(hostileStrings[i:], hostileStrings[:i]...)
		vs := valuesToWrite(s)
		vs = append(vs,
			jsonSource{ID: s[0], Path: s[1], Name: s[2], Title: s[3], Published: s[4], URL: s[5], Author: s[1], Label: s[2],
				Paragraphs: []jsonParagraph{{Index: 0, Kind: s[1], Text: s[2]}, {Index: 1, Text: s[3]}}},
			jsonSource{Paragraphs: []jsonParagraph{}},
			jsonTopic{ID: s[0], Label: s[1], Members: []compare.Ref{{Source: s[2], Paragraph: 1}, {Source: s[3]}}},
			jsonTopic{Members: []compare.Ref{}},
			jsonRow{Key: s[0], Label: s[1], Differ: true, Discrepancies: []string{s[2], s[3]},
				Cells: []jsonCell{{Source: s[4], Value: s[5], Facts: []string{s[0]}}, {Source: s[1], Facts: []string{}}}},
			jsonRow{Disagree: true, Discrepancies: []string{}, Cells: []jsonCell{}})
		for _, v := range vs {
			checkWritten(t, v)
		}
	}
}

func FuzzWrittenAsEncoded(f *testing.F) {
	f.Add("age", "33 <years>", "a0001", "f1")
	f.Add("\xff", "\u2028\x00", "", "\"\\")
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		for _, v := range valuesToWrite([]string{a, b, c, d}) {
			checkWritten(t, v)
		}
	})
}
