package tui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// modelState is every value the model holds, followed through pointers,
// slices and maps (functions and channels left out), as text: two states
// are the same when their texts are.
func modelState(m *Model) string {
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(m).Elem(), map[uintptr]bool{})
	return b.String()
}

func dumpValue(b *strings.Builder, v reflect.Value, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Invalid:
		b.WriteString("<nil>")
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if seen[v.Pointer()] {
			b.WriteString("<seen>")
			return
		}
		seen[v.Pointer()] = true
		b.WriteByte('&')
		dumpValue(b, v.Elem(), seen)
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		dumpValue(b, v.Elem(), seen)
	case reflect.Struct:
		b.WriteByte('{')
		for i := range v.NumField() {
			b.WriteString(v.Type().Field(i).Name + ":")
			dumpValue(b, v.Field(i), seen)
			b.WriteByte(' ')
		}
		b.WriteByte('}')
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("nil")
			return
		}
		fmt.Fprintf(b, "[%d:", v.Len())
		for i := range v.Len() {
			dumpValue(b, v.Index(i), seen)
			b.WriteByte(',')
		}
		b.WriteByte(']')
	case reflect.Map:
		var entries []string
		for it := v.MapRange(); it.Next(); {
			var e strings.Builder
			dumpValue(&e, it.Key(), seen)
			e.WriteString("=>")
			dumpValue(&e, it.Value(), seen)
			entries = append(entries, e.String())
		}
		slices.Sort(entries)
		b.WriteString("map[" + strings.Join(entries, ",") + "]")
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		b.WriteString(v.Kind().String())
	case reflect.String:
		fmt.Fprintf(b, "%q", v.String())
	case reflect.Bool:
		fmt.Fprint(b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		fmt.Fprint(b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		fmt.Fprint(b, v.Uint())
	case reflect.Float32, reflect.Float64:
		fmt.Fprint(b, v.Float())
	case reflect.Complex64, reflect.Complex128:
		fmt.Fprint(b, v.Complex())
	}
}

// View changes nothing: drawn twice, the model is as it was and the screen
// the same, in every state the keys reach.
func TestViewChangesNoState(t *testing.T) {
	d := fixtureData(t)
	for _, sz := range [][2]int{{80, 24}, {160, 45}, {240, 60}, {60, 20}, {30, 10}} {
		m := newModel(t, d, sz[0], sz[1])
		for _, k := range []string{"", "]", "z", "tab", "]", "}", "?", "x", "t", "o", "v", "f", "i", "enter", "H", "/", "esc", "a", "esc", "3", "G"} {
			if k != "" {
				press(m, k)
			}
			before := modelState(m)
			first := m.View().Content
			if after := modelState(m); after != before {
				t.Fatalf("%dx%d after %q: View changed the model:\n%s", sz[0], sz[1], k, firstDiff(before, after))
			}
			if second := m.View().Content; second != first {
				t.Fatalf("%dx%d after %q: two Views differ", sz[0], sz[1], k)
			}
		}
	}
}

// firstDiff shows where two long texts part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("before: …%s…\nafter:  …%s…", a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}
