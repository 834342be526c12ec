package export

import (
	"bytes"
	"encoding/json"
	"testing"
)

// indent must write what json.MarshalIndent writes, for any value the
// encoder can produce: strings full of quotes, backslashes and brackets,
// empty and nested containers, numbers, null.
func TestIndentAsEncoder(t *testing.T) {
	for _, v := range []any{
		nil, 1.5, "plain", []any{}, map[string]any{},
		[]any{[]any{}, map[string]any{}, []any{[]any{}}},
		map[string]any{`a"b`: `c\"d`, "e\\": []any{`\\`, `"`, "{[,:]}"}, "f": nil},
		map[string]any{"g": map[string]any{"h": []any{1, true, "i\u2028j<&>", "\x01\t"}}},
		struct {
			A []string `json:"a"`
			B []int    `json:"b"`
		}{A: []string{"x", `y"],[{`}, B: []int{}},
	} {
		want, err := json.MarshalIndent(v, "    ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if got := indented(t, v, "    "); !bytes.Equal(got, want) {
			t.Errorf("%#v:\n got %s\nwant %s", v, got, want)
		}
	}
}

func FuzzIndent(f *testing.F) {
	f.Add(`he said "no" \ {[,:]}`, "k")
	f.Fuzz(func(t *testing.T, s, k string) {
		v := map[string]any{k: []any{s, map[string]any{s: []any{}}, []any{k, 1}}, s: map[string]any{}}
		want, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			t.Skip()
		}
		if got := indented(t, v, "  "); !bytes.Equal(got, want) {
			t.Errorf("got %s\nwant %s", got, want)
		}
	})
}

func indented(t *testing.T, v any, prefix string) []byte {
	t.Helper()
	b, err := appendValue(nil, v, prefix)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
