package compare

import (
	"strings"
	"testing"
	"time"
)

// An opening bracket that never closes ("(the rest of the line") once made
// the tokenizer stand still on it for ever.
func TestFormTokensUnclosedBracket(t *testing.T) {
	for _, s := range []string{"as in (RFC 2119", "see [1 and more", "(", "a [b (c"} {
		done := make(chan []formToken, 1)
		go func() { done <- formTokens(s) }()
		select {
		case toks := <-done:
			if len(toks) == 0 && strings.TrimLeft(s, "([") != "" {
				t.Errorf("formTokens(%q): no tokens", s)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("formTokens(%q) does not return", s)
		}
	}
}
