package loader

import (
	"bytes"
	"mime"
	"regexp"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Reading an input's bytes as text. Articles are UTF-8 nearly always; the
// others announce themselves: by a byte-order mark (UTF-16 and UTF-32, which
// editors on Windows write), by the charset of a URL's Content-Type, or, in
// HTML, by a <meta> tag. Bytes that still do not decode are replaced with
// U+FFFD later and counted (see ValidUTF8).

// boms are the byte-order marks, longest first: UTF-32's little-endian mark
// begins with UTF-16's.
type bom struct {
	mark []byte
	enc  encoding.Encoding
}

var boms = sync.OnceValue(func() []bom {
	return []bom{
		{[]byte{0xFF, 0xFE, 0x00, 0x00}, utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM)},
		{[]byte{0x00, 0x00, 0xFE, 0xFF}, utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM)},
		{[]byte{0xEF, 0xBB, 0xBF}, unicode.UTF8BOM},
		{[]byte{0xFF, 0xFE}, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)},
		{[]byte{0xFE, 0xFF}, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)},
	}
})

// decodeBOM returns data as UTF-8 without its byte-order mark when it has
// one, and whether it had. Invalid sequences become U+FFFD.
func decodeBOM(data []byte) ([]byte, bool) {
	for _, b := range boms() {
		if bytes.HasPrefix(data, b.mark) {
			out, err := b.enc.NewDecoder().Bytes(data)
			if err != nil {
				return data, false
			}
			return out, true
		}
	}
	return data, false
}

// decodeDeclared converts data that is not valid UTF-8 from the charset a
// Content-Type declares ("text/plain; charset=windows-1252"). Data without
// a declaration, or in an unknown one, is returned as it is.
func decodeDeclared(data []byte, contentType string) []byte {
	if utf8.Valid(data) {
		return data
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return data
	}
	return decodeWith(data, params["charset"])
}

func decodeWith(data []byte, label string) []byte {
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" {
		return data
	}
	if out, err := enc.NewDecoder().Bytes(data); err == nil {
		return out
	}
	return data
}

// metaCharsetRe finds a charset a page's <meta> declares, as <meta
// charset="..."> or <meta http-equiv="Content-Type" content="...;
// charset=...">.
var metaCharsetRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9._:-]+)`)
})

// maxCharsetScan bounds how far into a page its <meta charset> is looked
// for. Browsers look at the first 1,024 bytes before parsing and switch when
// the parser meets one later; pages with long scripts in their head declare
// it a few kilobytes in.
const maxCharsetScan = 64 << 10

// decodeHTML returns the page as UTF-8 and how many invalid sequences were
// replaced. A page that is not valid UTF-8 is converted from the encoding
// its Content-Type or its <meta> declares, else from windows-1252, which is
// what browsers assume of a page that says nothing.
func decodeHTML(raw []byte, contentType string) (string, int) {
	if !utf8.Valid(raw) {
		enc, name, certain := charset.DetermineEncoding(raw, contentType)
		if !certain {
			if m := metaCharsetRe().FindSubmatch(raw[:min(len(raw), maxCharsetScan)]); m != nil {
				if e, n := charset.Lookup(string(m[1])); e != nil {
					enc, name = e, n
				}
			}
		}
		if name != "utf-8" {
			if out, err := enc.NewDecoder().Bytes(raw); err == nil {
				raw = out
			}
		}
	}
	return ValidUTF8(raw)
}
