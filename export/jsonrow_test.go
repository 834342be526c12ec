package export

import (
	"bytes"
	"encoding/json"
	"testing"
)

// rowsToTry are fact-table rows of every shape: nil and empty lists, cells
// with and without facts, strings full of what the encoder escapes.
var rowsToTry = []jsonRow{
	{},
	{Key: "age", Label: "age", Differ: true, Discrepancies: []string{"d1", "d2"}, Cells: []jsonCell{
		{Source: "a", Value: "33 <age> & \"more\"", Facts: []string{"f1"}},
		{Source: "b", Value: "", Facts: []string{}},
		{Source: "c\x01\t\n\r\b\f\\", Value: "line\u2028para\u2029", Facts: nil},
		{Source: "\xff\xfe bad", Value: "é 汉字 🌟", Facts: []string{"f2", "f3"}},
	}},
	{Key: "k", Disagree: true, Discrepancies: []string{}, Cells: []jsonCell{}},
}

func TestRowAsEncoded(t *testing.T) {
	for _, r := range rowsToTry {
		checkRow(t, r)
	}
}

func FuzzRowAsEncoded(f *testing.F) {
	f.Add("age", "33 <years>", "a0001", "f1", true)
	f.Add("\xff", "\u2028\x00", "", "", false)
	f.Fuzz(func(t *testing.T, key, value, source, fact string, differ bool) {
		checkRow(t, jsonRow{Key: key, Label: value, Differ: differ, Discrepancies: []string{fact},
			Cells: []jsonCell{{Source: source, Value: value, Facts: []string{fact, key}}, {Source: key, Value: "", Facts: []string{}}}})
	})
}

func checkRow(t *testing.T, r jsonRow) {
	t.Helper()
	want, err := json.MarshalIndent(r, "    ", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	writeRow(&got, r, "    ")
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("%#v:\n got %s\nwant %s", r, got.Bytes(), want)
	}
}
