package export

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/loader"
)

// lineFull is line without its shortcut for plain ASCII.
func lineFull(s string) string {
	s, _ = loader.ValidUTF8([]byte(s))
	s, _ = loader.Sanitize(s)
	if strings.ContainsAny(s, "\n\t\r") || strings.Contains(s, "  ") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// line's shortcut must give what its full path gives, on every byte and
// every pair of them.
func TestLineAsFull(t *testing.T) {
	cases := []string{"", " ", "  ", "a  b", " a b ", "plain id a0001", "é", "\xff", "a\u202eb", "a\x1b[31mb"}
	for c := range 256 {
		for _, d := range []byte{' ', 'a', 0x1f, 0x7f, 0x80, 0xff} {
			cases = append(cases, string([]byte{byte(c), d}), "x "+string([]byte{byte(c)})+string([]byte{d}))
		}
	}
	for _, s := range cases {
		if got, want := line(s), lineFull(s); got != want || !utf8.ValidString(got) {
			t.Errorf("line(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzLineAsFull(f *testing.F) {
	f.Add("a  b\t\xff\u2028")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := line(s), lineFull(s); got != want {
			t.Errorf("line(%q) = %q, want %q", s, got, want)
		}
	})
}
