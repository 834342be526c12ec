package loader

import (
	"regexp"
	"strings"
	"testing"
)

// trailingParen reads what the expression it replaced read, on every line
// of the bundled sample and of shapes made to probe its edges.
func TestTrailingParenAsTheExpression(t *testing.T) {
	re := regexp.MustCompile(`\(([^()]{2,80})\)\s*\.?$`)
	cases := []string{
		"The Pentagon (Yuri Gripas/Reuters)", "The Pentagon (Yuri Gripas/Reuters).", "The Pentagon (Yuri Gripas/Reuters) .",
		"The Pentagon (Yuri Gripas/Reuters)  \t", "(a)", "(ab)", "()", "x (a(b)c)", "x (a)b)", "x ((ab))", "x (ab))",
		"no parenthesis", ")", "(", "x (" + strings.Repeat("é", 80) + ")", "x (" + strings.Repeat("é", 81) + ")",
		"x (" + strings.Repeat("w", 79) + ")..", "x (ab).", "x (ab)\n.", "x (ab) . ", "(US Navy photo)",
	}
	for _, a := range loadSeeds(t) {
		for _, p := range a.Paragraphs {
			cases = append(cases, p.Text)
		}
	}
	for _, c := range cases {
		m := re.FindStringSubmatch(c)
		inner, ok := trailingParen(c)
		if ok != (m != nil) || ok && inner != m[1] {
			t.Errorf("trailingParen(%q) = %q, %v; the expression: %q", c, inner, ok, m)
		}
	}
}

func TestHasDigitRun(t *testing.T) {
	for s, want := range map[string]bool{"2021": true, "June 27, 2021": true, "x 202 1": false, "": false, "１２３４": false, "a12345b": true} {
		if got := hasDigitRun(s, 4); got != want {
			t.Errorf("hasDigitRun(%q) = %v", s, got)
		}
	}
}
