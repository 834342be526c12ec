package export

import (
	"bufio"
	"encoding/json"
	"io"
	"runtime"
	"sync/atomic"
)

// The JSON export is written exactly as a json.Encoder with
// SetIndent("", "  ") would write the jsonDoc, byte for byte, but in parts:
// a part is a run of array elements (or of one element's paragraphs or
// members), encoded into a buffer of its own on every core at once, and the
// parts are written in order. The encoder held the whole document three
// times over (80 MB each for a thousand articles) and ran on one core;
// written this way only the parts in flight are held. The large arrays'
// elements are written by hand (jsonwrite.go) without building the
// document first; the small ones go through the encoder.

// partBytes is about how much one part holds: large enough that handing it
// to a goroutine and back costs little beside encoding it, small enough
// that a single 10 MB article's paragraphs, or its 200,000 facts, make
// hundreds of parts for the two cores to share.
const partBytes = 64 << 10

// A part appends its bytes to b and returns it.
type part func(b []byte) ([]byte, error)

// An array is a top-level array written in parts: units are its elements,
// or, for an array of a few large elements, the pieces of them (see
// nested). size estimates a unit's bytes, to cut the parts; write
// appends units [from, to), each with the comma and new line before it.
type array interface {
	units() int
	size(u int) int
	write(b []byte, from, to int) ([]byte, error)
}

// docWriter gathers the document's parts in order.
type docWriter struct {
	parts  []part
	fields int
}

// text adds bytes to write as they are.
func (d *docWriter) text(s string) {
	d.parts = append(d.parts, func(b []byte) ([]byte, error) { return append(b, s...), nil })
}

// key opens the next top-level field.
func (d *docWriter) key(name string) {
	sep := ",\n  "
	if d.fields == 0 {
		sep = "{\n  "
	}
	d.fields++
	d.text(sep + string(appendString(nil, name)) + ": ")
}

// value adds a field the encoder writes.
func (d *docWriter) value(name string, v any) {
	d.key(name)
	d.parts = append(d.parts, func(b []byte) ([]byte, error) { return appendValue(b, v, "  ") })
}

// array adds a field written in parts (every array of the export is
// non-nil: "[]" when empty).
func (d *docWriter) array(name string, a array) {
	d.key(name)
	n := a.units()
	if n == 0 {
		d.text("[]")
		return
	}
	d.text("[")
	for from := 0; from < n; {
		to, size := from, 0
		for to < n && (to == from || size < partBytes) {
			size += a.size(to)
			to++
		}
		lo := from
		d.parts = append(d.parts, func(b []byte) ([]byte, error) { return a.write(b, lo, to) })
		from = to
	}
	d.text("\n  ]")
}

// flat is an array of n elements, each written by elem at the depth of a
// top-level array's elements, about est(i) bytes.
type flat struct {
	n    int
	est  func(i int) int
	elem func(b []byte, i int) []byte
}

func (a flat) units() int     { return a.n }
func (a flat) size(u int) int { return a.est(u) }
func (a flat) write(b []byte, from, to int) ([]byte, error) {
	for i := from; i < to; i++ {
		b = a.elem(elementStart(b, i), i)
	}
	return b, nil
}

// nested is an array whose elements each hold one list that may be long
// (a source's paragraphs, a topic's members): its units are each
// element's head (up to the list's key) and the items of its list, so
// that one element of a 10 MB article is written in many parts. head,
// item and tail write an element's head, its list's item j and what
// follows the list; est estimates an item's bytes.
type nested struct {
	list []nestedUnit
	n    func(i int) int
	head func(b []byte, i int) []byte
	item func(b []byte, i, j int) []byte
	est  func(i, j int) int
	tail func(b []byte, i int) []byte
}

// nestedUnit is element i's head (j = -1) or its list's item j.
type nestedUnit struct{ i, j int32 }

func newNested(elems int, n func(i int) int, head func(b []byte, i int) []byte, item func(b []byte, i, j int) []byte,
	est func(i, j int) int, tail func(b []byte, i int) []byte) nested {
	a := nested{n: n, head: head, item: item, est: est, tail: tail}
	units := elems
	for i := range elems {
		units += n(i)
	}
	a.list = make([]nestedUnit, 0, units)
	for i := range elems {
		a.list = append(a.list, nestedUnit{int32(i), -1})
		for j := range n(i) {
			a.list = append(a.list, nestedUnit{int32(i), int32(j)})
		}
	}
	return a
}

func (a nested) units() int { return len(a.list) }

// headBytes is about what an element's head holds (a source's id, path,
// names, date and address; a topic's id and label).
const headBytes = 256

func (a nested) size(u int) int {
	if un := a.list[u]; un.j >= 0 {
		return a.est(int(un.i), int(un.j))
	}
	return headBytes
}

func (a nested) write(b []byte, from, to int) ([]byte, error) {
	for _, un := range a.list[from:to] {
		i, j := int(un.i), int(un.j)
		n := a.n(i)
		if j < 0 {
			b = a.head(elementStart(b, i), i)
			if n == 0 {
				b = a.tail(append(b, "[]"...), i)
			} else {
				b = append(b, '[')
			}
			continue
		}
		if j > 0 {
			b = append(b, ',')
		}
		b = a.item(append(append(b, '\n'), spaces[:8]...), i, j)
		if j == n-1 {
			b = a.tail(appendClose(b, 6, ']'), i)
		}
	}
	return b, nil
}

// values is an array whose elements the encoder writes: the small arrays,
// whose elements are few or rare (findings, verdicts, fixes).
type values[T any] []T

func (vs values[T]) units() int { return len(vs) }

// size counts a finding (its claims, diff and verdict) at about 4 kB: 16
// of them to a part.
func (vs values[T]) size(u int) int { return partBytes / 16 }
func (vs values[T]) write(b []byte, from, to int) ([]byte, error) {
	var err error
	for i := from; i < to && err == nil; i++ {
		b, err = appendValue(elementStart(b, i), vs[i], "    ")
	}
	return b, err
}

// elementStart appends what comes before a top-level array's element i.
func elementStart(b []byte, i int) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	return append(b, "\n    "...)
}

// write encodes the parts on every core, at most two per core in flight
// (each in a buffer reused once written), and writes them to w in order.
func (d *docWriter) write(w io.Writer) error {
	d.text("\n}\n")
	bw := bufio.NewWriterSize(w, 64<<10)
	type slot struct {
		buf  []byte
		err  error
		done chan struct{}
	}
	slots := make([]slot, len(d.parts))
	for i := range slots {
		slots[i].done = make(chan struct{})
	}
	window := 2 * runtime.GOMAXPROCS(0)
	free := make(chan []byte, window)
	for range window {
		free <- nil
	}
	var failed atomic.Bool // once a part fails or a write does, the rest are skipped
	go func() {
		for i, p := range d.parts {
			buf := <-free
			go func() {
				s := &slots[i]
				if !failed.Load() {
					s.buf, s.err = p(buf[:0])
				}
				close(s.done)
			}()
		}
	}()
	var err error
	for i := range slots {
		s := &slots[i]
		<-s.done
		if err == nil {
			err = s.err
		}
		if err == nil {
			_, err = bw.Write(s.buf)
		}
		if err != nil {
			failed.Store(true)
		}
		free <- s.buf
		s.buf = nil
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// appendValue appends v indented as it stands at prefix's depth, as
// json.MarshalIndent(v, prefix, "  ") would.
func appendValue(b []byte, v any, prefix string) ([]byte, error) {
	compact, err := json.Marshal(v)
	if err != nil {
		return b, err
	}
	return appendIndented(b, compact, prefix), nil
}

// appendIndented appends compact JSON (json.Marshal's output: no space
// outside strings) indented by two spaces a level after prefix, byte for
// byte as json.Indent does: an empty object or array stays "{}" or "[]".
// json.Indent runs its full validating scanner over every byte; the input
// here is the encoder's own, so only strings need telling apart from
// structure.
func appendIndented(out, b []byte, prefix string) []byte {
	depth := 0
	newline := func() {
		out = append(out, '\n')
		out = append(out, prefix...)
		for range depth {
			out = append(out, "  "...)
		}
	}
	start := 0 // the first byte not written yet
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++ // the escaped byte, whatever it is
				}
			}
			continue // the string is written with what follows it
		case '{', '[', '}', ']', ',', ':':
		default:
			continue
		}
		out = append(out, b[start:i]...)
		start = i + 1
		switch c {
		case '{', '[':
			out = append(out, c)
			if i+1 < len(b) && (b[i+1] == '}' || b[i+1] == ']') {
				out = append(out, b[i+1])
				i++
				start = i + 1
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			out = append(out, c)
		case ',':
			out = append(out, c)
			newline()
		case ':':
			out = append(out, ": "...)
		}
	}
	return append(out, b[start:]...)
}
