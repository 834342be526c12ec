package export

import (
	"bufio"
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// writeIndented writes doc exactly as a json.Encoder with SetIndent("", "  ")
// would, byte for byte, but one top-level field and one array element at a
// time. The encoder holds the whole document three times over (its compact
// encoding, the indented copy, and the caller's buffer): 80 MB each for a
// thousand articles. Written this way, only the largest single element is
// ever held. doc must point to a struct without omitempty fields (jsonDoc).
func writeIndented(w io.Writer, doc any) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	v := reflect.ValueOf(doc).Elem()
	t := v.Type()
	bw.WriteString("{")
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if i > 0 {
			bw.WriteString(",")
		}
		key, err := json.Marshal(name)
		if err != nil {
			return err
		}
		bw.WriteString("\n  ")
		bw.Write(key)
		bw.WriteString(": ")
		f := v.Field(i)
		if f.Kind() != reflect.Slice || f.Len() == 0 {
			if err := writeValue(bw, f.Interface(), "  "); err != nil {
				return err
			}
			continue
		}
		bw.WriteString("[")
		for j := range f.Len() {
			if j > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			if err := writeValue(bw, f.Index(j).Interface(), "    "); err != nil {
				return err
			}
		}
		bw.WriteString("\n  ]")
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// writeValue writes one value indented as it stands at prefix's depth.
func writeValue(w *bufio.Writer, v any, prefix string) error {
	b, err := json.MarshalIndent(v, prefix, "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
