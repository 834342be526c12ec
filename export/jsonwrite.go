package export

import (
	"strconv"
	"unicode/utf8"

	"github.com/parallax-news/parallax/compare"
)

// The elements of the large arrays (the sources' paragraphs, the topics'
// members, the facts, the fact table's rows, the claims) are written by
// hand, byte for byte as the encoder writes them indented: the encoder's
// reflection, its compact copy and the indenting of it cost most of the
// export, and a thousand articles' fact table alone (524 rows of 1,000
// cells, 45 MB of the export's 74) a third. TestWrittenAsEncoded and
// FuzzWrittenAsEncoded hold every writer here to the encoder's bytes, and
// TestJSONStreamedAsEncoded the whole document.
//
// Each append function writes one value standing at a depth (the number
// of spaces its line is indented by): its keys one level (two spaces)
// deeper, and its closing bracket at the depth itself.

// spaces indents up to the deepest level written by hand.
const spaces = "                "

// appendKey appends a new line at depth and an object's key (a plain word:
// no escaping), ready for its value.
func appendKey(b []byte, depth int, key string) []byte {
	b = append(append(append(b, '\n'), spaces[:depth]...), '"')
	return append(append(b, key...), `": `...)
}

// appendClose appends a new line at depth and a closing bracket.
func appendClose(b []byte, depth int, c byte) []byte {
	return append(append(append(b, '\n'), spaces[:depth]...), c)
}

// appendStrings appends a list of strings standing at depth.
func appendStrings(b []byte, ss []string, depth int) []byte {
	switch {
	case ss == nil:
		return append(b, "null"...)
	case len(ss) == 0:
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(append(append(b, '\n'), spaces[:depth+2]...), s)
	}
	return appendClose(b, depth, ']')
}

// appendInt appends a number as the encoder writes an int.
func appendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

// appendSpan appends a span's fields, the first of an object's (no comma
// before them) at depth.
func appendSpan(b []byte, sp compare.Span, depth int) []byte {
	b = appendString(appendKey(b, depth, "source"), sp.Source)
	b = appendInt(appendKey(append(b, ','), depth, "paragraph"), sp.Paragraph)
	b = appendInt(appendKey(append(b, ','), depth, "start"), sp.Start)
	return appendInt(appendKey(append(b, ','), depth, "end"), sp.End)
}

func appendClaim(b []byte, c compare.Claim, depth int) []byte {
	b = appendSpan(append(b, '{'), c.Span, depth+2)
	b = appendString(appendKey(append(b, ','), depth+2, "text"), c.Text)
	b = appendString(appendKey(append(b, ','), depth+2, "value"), c.Value)
	return appendClose(b, depth, '}')
}

// appendClaims appends a list of claims standing at depth.
func appendClaims(b []byte, cs []compare.Claim, depth int) []byte {
	switch {
	case cs == nil:
		return append(b, "null"...)
	case len(cs) == 0:
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i, c := range cs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendClaim(append(append(b, '\n'), spaces[:depth+2]...), c, depth+2)
	}
	return appendClose(b, depth, ']')
}

func appendUnique(b []byte, u compare.Unique, depth int) []byte {
	b = appendSpan(append(b, '{'), u.Span, depth+2)
	b = appendString(appendKey(append(b, ','), depth+2, "text"), u.Text)
	b = appendString(appendKey(append(b, ','), depth+2, "value"), u.Value)
	b = appendString(appendKey(append(b, ','), depth+2, "topic"), u.Topic)
	return appendClose(b, depth, '}')
}

func appendFact(b []byte, f jsonFact, depth int) []byte {
	in := depth + 2
	b = appendString(appendKey(append(b, '{'), in, "id"), f.ID)
	b = appendString(appendKey(append(b, ','), in, "kind"), f.Kind)
	b = appendString(appendKey(append(b, ','), in, "key"), f.Key)
	b = appendString(appendKey(append(b, ','), in, "label"), f.Label)
	b = appendString(appendKey(append(b, ','), in, "value"), f.Value)
	if f.Speaker != nil {
		b = appendString(appendKey(append(b, ','), in, "speaker"), *f.Speaker)
	}
	if f.Via != nil {
		b = appendString(appendKey(append(b, ','), in, "via"), *f.Via)
	}
	b = appendSpan(append(b, ','), f.Span, in)
	b = appendString(appendKey(append(b, ','), in, "text"), f.Text)
	return appendClose(b, depth, '}')
}

func appendAgreement(b []byte, a jsonAgreement, depth int) []byte {
	in := depth + 2
	b = appendString(appendKey(append(b, '{'), in, "value"), a.Value)
	b = appendStrings(appendKey(append(b, ','), in, "sources"), a.Sources, in)
	b = appendInt(appendKey(append(b, ','), in, "origins"), a.Origins)
	b = appendClaims(appendKey(append(b, ','), in, "claims"), a.Claims, in)
	return appendClose(b, depth, '}')
}

func appendReconciled(b []byte, r jsonReconciled, depth int) []byte {
	b = appendClaims(appendKey(append(b, '{'), depth+2, "claims"), r.Claims, depth+2)
	b = appendString(appendKey(append(b, ','), depth+2, "reason"), r.Reason)
	return appendClose(b, depth, '}')
}

func appendTimeline(b []byte, t jsonTimeline, depth int) []byte {
	b = appendString(appendKey(append(b, '{'), depth+2, "source"), t.Source)
	b = appendString(appendKey(append(b, ','), depth+2, "published"), t.Published)
	return appendClose(b, depth, '}')
}

func appendParagraph(b []byte, p jsonParagraph, depth int) []byte {
	b = appendInt(appendKey(append(b, '{'), depth+2, "index"), p.Index)
	b = appendString(appendKey(append(b, ','), depth+2, "kind"), p.Kind)
	b = appendString(appendKey(append(b, ','), depth+2, "text"), p.Text)
	return appendClose(b, depth, '}')
}

// appendSourceHead appends a source up to its paragraphs' key; its
// paragraphs follow, each at depth+4, then appendSourceTail.
func appendSourceHead(b []byte, s jsonSource, depth int) []byte {
	in := depth + 2
	b = appendString(appendKey(append(b, '{'), in, "id"), s.ID)
	b = appendString(appendKey(append(b, ','), in, "path"), s.Path)
	b = appendString(appendKey(append(b, ','), in, "name"), s.Name)
	b = appendString(appendKey(append(b, ','), in, "title"), s.Title)
	b = appendString(appendKey(append(b, ','), in, "published"), s.Published)
	b = appendString(appendKey(append(b, ','), in, "url"), s.URL)
	return appendKey(append(b, ','), in, "paragraphs")
}

func appendSourceTail(b []byte, s jsonSource, depth int) []byte {
	in := depth + 2
	b = appendString(appendKey(append(b, ','), in, "author"), s.Author)
	b = appendString(appendKey(append(b, ','), in, "label"), s.Label)
	return appendClose(b, depth, '}')
}

func appendRef(b []byte, r compare.Ref, depth int) []byte {
	b = appendString(appendKey(append(b, '{'), depth+2, "source"), r.Source)
	b = appendInt(appendKey(append(b, ','), depth+2, "paragraph"), r.Paragraph)
	return appendClose(b, depth, '}')
}

// appendTopicHead appends a topic up to its members' key; its members
// follow, each at depth+4, then the list's closing bracket and the
// topic's.
func appendTopicHead(b []byte, t jsonTopic, depth int) []byte {
	b = appendString(appendKey(append(b, '{'), depth+2, "id"), t.ID)
	b = appendString(appendKey(append(b, ','), depth+2, "label"), t.Label)
	return appendKey(append(b, ','), depth+2, "members")
}

// appendRowHead appends a fact-table row up to its cells' key.
func appendRowHead(b []byte, r jsonRow, depth int) []byte {
	in := depth + 2
	b = appendString(appendKey(append(b, '{'), in, "key"), r.Key)
	b = appendString(appendKey(append(b, ','), in, "label"), r.Label)
	b = strconv.AppendBool(appendKey(append(b, ','), in, "differ"), r.Differ)
	b = strconv.AppendBool(appendKey(append(b, ','), in, "disagree"), r.Disagree)
	b = appendStrings(appendKey(append(b, ','), in, "discrepancies"), r.Discrepancies, in)
	return appendKey(append(b, ','), in, "cells")
}

func appendCell(b []byte, c jsonCell, depth int) []byte {
	b = appendString(appendKey(append(b, '{'), depth+2, "source"), c.Source)
	b = appendString(appendKey(append(b, ','), depth+2, "value"), c.Value)
	b = appendStrings(appendKey(append(b, ','), depth+2, "facts"), c.Facts, depth+2)
	return appendClose(b, depth, '}')
}

// plain marks the bytes the encoder writes as they are inside a string:
// ASCII but control characters, the quote, the backslash and the three
// it escapes for HTML.
var plain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendString appends s quoted as encoding/json quotes a string with HTML
// escaping on (its default): <, > and & as \u003c and the like, control
// bytes as \n, \t or \u00XX, invalid UTF-8 as \ufffd, and the line and
// paragraph separators escaped.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if plain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
