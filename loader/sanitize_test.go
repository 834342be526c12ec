package loader

import (
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
		removed        int
	}{
		{"clean", "Kyiv, “quoted” — fine", "Kyiv, “quoted” — fine", 0},
		{"SGR colour", "red \x1b[31mALERT\x1b[0m text", "red ALERT text", 2},
		{"cursor movement", "a\x1b[2J\x1b[Hb", "ab", 2},
		{"OSC title with BEL", "x\x1b]0;pwned\x07y", "xy", 1},
		{"OSC hyperlink with ST", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click", 2},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab", 1},
		{"8-bit CSI", "a\u009b31mb", "ab", 1},
		{"8-bit OSC", "a\u009d0;title\u009cb", "ab", 1},
		{"C0 controls", "a\x00b\x07c\x08d\re", "abcde", 4},
		{"DEL and C1", "a\x7fb\u0085c", "abc", 2},
		{"tab and newline kept", "a\tb\nc", "a\tb\nc", 0},
		{"bidi override", "abc\u202edcba\u202c", "abcdcba", 2},
		{"bidi isolate", "\u2066x\u2069", "x", 2},
		{"two-char escape", "a\x1bcb\x1b(Bc", "abc", 2},
		{"lone ESC at end", "abc\x1b", "abc", 1},
		{"unterminated OSC keeps the text", "a\x1b]0;rest of article", "a0;rest of article", 1},
		{"invalid byte", "a\xffb", "ab", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := Sanitize(tt.in)
			if got != tt.want || n != tt.removed {
				t.Errorf("Sanitize(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.removed)
			}
		})
	}
}

func TestValidUTF8(t *testing.T) {
	got, n := ValidUTF8([]byte("caf\xe9 \xc3\xa9 ok\xff"))
	if got != "caf\uFFFD é ok\uFFFD" || n != 2 {
		t.Errorf("got %q, %d", got, n)
	}
}

func TestCleanLine(t *testing.T) {
	var c cleaner
	// Decomposed é (e + combining acute) becomes the composed form; spaces collapse.
	got := c.line("  Caf\u0065\u0301\t\n  au\u00a0lait \x1b[1m! ")
	if got != "Caf\u00e9 au lait !" {
		t.Errorf("got %q", got)
	}
	if c.removed != 1 {
		t.Errorf("removed %d, want 1", c.removed)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[31mred", "\x1b]0;t\x07", "\u009b1m", "\u202e", "a\x1bP\x1b\\", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s, _ = ValidUTF8([]byte(s))
		out, _ := Sanitize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		for _, r := range out {
			if r == 0x1b || r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || isBidiControl(r) {
				t.Fatalf("control %U survived in %q (from %q)", r, out, s)
			}
		}
		if again, n := Sanitize(out); again != out || n != 0 {
			t.Fatalf("not idempotent: %q -> %q", out, again)
		}
	})
}

// collapsed is collapseSpace's shortcut: it says a string is collapsed only
// when collapseSpace would return it unchanged.
func TestCollapsedShortcut(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "a\ufeffb", "a\u2003b", "Seven people were killed.", "x\x85y", "a\vb", "a\fb", "a\rb"} {
		want := collapseSpace(s) == s
		if collapsed(s) && !want {
			t.Errorf("collapsed(%q) but collapseSpace gives %q", s, collapseSpace(s))
		}
	}
	if !collapsed("Seven people were killed.") || collapsed("a  b") {
		t.Error("the shortcut misses the common case or takes a double space")
	}
}

// isClean tells ASCII byte by byte and decodes only the rest: it must say
// what a check of every rune says, for every byte and around every
// boundary of the ranges it refuses.
func TestIsCleanAsRunes(t *testing.T) {
	byRunes := func(s string) bool {
		for _, r := range s {
			if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || r == utf8.RuneError || isBidiControl(r) {
				return false
			}
		}
		return true
	}
	var cases []string
	for c := range 256 {
		cases = append(cases, "ab"+string(rune(c))+"cd", "x"+string([]byte{byte(c)}), string([]byte{0xc2, byte(c)}))
	}
	for _, r := range []rune{0x9f, 0xa0, 0x2029, 0x202a, 0x202e, 0x202f, 0x2065, 0x2066, 0x2069, 0x206a, utf8.RuneError, 0x10ffff} {
		cases = append(cases, "é"+string(r)+"汉")
	}
	for _, s := range cases {
		if got, want := isClean(s), byRunes(s); got != want {
			t.Errorf("isClean(%q) = %v, want %v", s, got, want)
		}
	}
}

// collapsed and hasDigitRun read bytes by tables, without a branch on each:
// they must answer what the byte-by-byte tests answer, for every pair and
// triple of bytes that matter to them.
func TestByteTablesAsBranches(t *testing.T) {
	collapsedByBytes := func(s string) bool {
		if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
			return s == ""
		}
		prevSpace := false
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c >= 0x80 || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
				return false
			case c == ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			default:
				prevSpace = false
			}
		}
		return true
	}
	digitRunByBytes := func(s string, n int) bool {
		run := 0
		for i := 0; i < len(s); i++ {
			if s[i] >= '0' && s[i] <= '9' {
				if run++; run >= n {
					return true
				}
			} else {
				run = 0
			}
		}
		return false
	}
	var cases []string
	for c := range 256 {
		for _, d := range []byte{' ', 'a', '0', '9', '\t', 0x80} {
			b := []byte{byte(c), d}
			cases = append(cases, string(b), "x"+string(b)+"y", "x "+string(b)+" 1", "12"+string(b)+"34")
		}
	}
	cases = append(cases, "2024", "In 2024 the", "12 345 6789", "a  b", " a", "a ")
	for _, s := range cases {
		if got, want := collapsed(s), collapsedByBytes(s); got != want {
			t.Errorf("collapsed(%q) = %v, want %v", s, got, want)
		}
		for n := 1; n <= 5; n++ {
			if got, want := hasDigitRun(s, n), digitRunByBytes(s, n); got != want {
				t.Errorf("hasDigitRun(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
