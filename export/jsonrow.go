package export

import (
	"strconv"
	"unicode/utf8"
)

// A fact-table row is written by hand, byte for byte as the encoder writes
// it indented: it is a cell per source, nearly all of them empty, and a
// thousand articles' table (524 rows of 1,000 cells, 45 MB of the export's
// 74) cost the encoder's reflection and the indenting a third of the
// export. TestRowAsEncoded and FuzzRowAsEncoded hold it to the encoder's
// bytes.

// writeRow writes r as writeValue(w, r, prefix) would.
func writeRow(w writer, r jsonRow, prefix string) {
	in, in2, in3 := prefix+"  ", prefix+"    ", prefix+"      "
	b := make([]byte, 0, 256)
	b = appendString(appendKey(append(b, '{'), in, "key"), r.Key)
	b = appendString(appendKey(append(b, ','), in, "label"), r.Label)
	b = strconv.AppendBool(appendKey(append(b, ','), in, "differ"), r.Differ)
	b = strconv.AppendBool(appendKey(append(b, ','), in, "disagree"), r.Disagree)
	b = appendStrings(appendKey(append(b, ','), in, "discrepancies"), r.Discrepancies, in)
	b = appendKey(append(b, ','), in, "cells")
	w.Write(b)
	switch {
	case r.Cells == nil:
		w.WriteString("null")
	case len(r.Cells) == 0:
		w.WriteString("[]")
	default:
		w.WriteString("[")
		for i, c := range r.Cells {
			b = b[:0]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(append(append(b, '\n'), in2...), '{')
			b = appendString(appendKey(b, in3, "source"), c.Source)
			b = appendString(appendKey(append(b, ','), in3, "value"), c.Value)
			b = appendStrings(appendKey(append(b, ','), in3, "facts"), c.Facts, in3)
			b = append(append(append(b, '\n'), in2...), '}')
			w.Write(b)
		}
		w.WriteString("\n" + in + "]")
	}
	w.WriteString("\n" + prefix + "}")
}

// appendKey appends a new line at indent and an object's key (a plain
// word: no escaping), ready for its value.
func appendKey(b []byte, indent, key string) []byte {
	b = append(append(append(b, '\n'), indent...), '"')
	return append(append(b, key...), `": `...)
}

// appendStrings appends a list of strings standing at prefix's depth.
func appendStrings(b []byte, ss []string, prefix string) []byte {
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
		b = append(b, '\n')
		b = append(b, prefix...)
		b = append(b, "  "...)
		b = appendString(b, s)
	}
	b = append(b, '\n')
	b = append(b, prefix...)
	return append(b, ']')
}

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
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
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
