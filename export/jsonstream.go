package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"runtime"
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
	// Batch buffers go back to free once written, for the next batch of
	// any field: growing a new one for every batch cost as much as encoding
	// it, and a new set for every field a tenth of the export.
	free := make(chan *bytes.Buffer, 2*runtime.GOMAXPROCS(0)+1)
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
		if err := writeElements(bw, f, free); err != nil {
			return err
		}
		bw.WriteString("\n  ]")
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// elementBatch is how many array elements one worker encodes at a time:
// large enough that handing a batch over costs little beside encoding it,
// small enough that the batches in flight (two per worker) hold a few
// megabytes at most (a fact-table row of a thousand sources is 90 kB).
const elementBatch = 64

// writeElements writes the elements of the slice f, each on its own line
// at the document's second level, separated by commas. Batches of elements
// are encoded on every core at once and written in order, so the bytes are
// those of one encoder.
func writeElements(bw *bufio.Writer, f reflect.Value, free chan *bytes.Buffer) error {
	type batch struct {
		buf  *bytes.Buffer
		err  error
		done chan struct{}
	}
	n := f.Len()
	encode := func(b *batch, from int) {
		for j := from; j < min(n, from+elementBatch) && b.err == nil; j++ {
			if j > 0 {
				b.buf.WriteString(",")
			}
			b.buf.WriteString("\n    ")
			if r, ok := f.Index(j).Interface().(jsonRow); ok {
				writeRow(b.buf, r, "    ") // by hand: see jsonrow.go
				continue
			}
			b.err = writeValue(b.buf, f.Index(j).Interface(), "    ")
		}
		close(b.done)
	}
	// The batches in flight, in order: each is started when there is room
	// and written when its turn comes, so at most 2 × GOMAXPROCS are held.
	inFlight := make(chan *batch, 2*runtime.GOMAXPROCS(0))
	go func() {
		for from := 0; from < n; from += elementBatch {
			b := &batch{done: make(chan struct{})}
			select {
			case b.buf = <-free:
				b.buf.Reset()
			default:
				b.buf = new(bytes.Buffer)
			}
			inFlight <- b
			go encode(b, from)
		}
		close(inFlight)
	}()
	var err error
	for b := range inFlight {
		<-b.done
		if err == nil {
			err = b.err
		}
		if err == nil {
			_, err = bw.Write(b.buf.Bytes())
		}
		select {
		case free <- b.buf:
		default:
		}
	}
	return err
}

// writer is what the encoding writes to: a bufio.Writer or a bytes.Buffer.
type writer interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

// writeValue writes one value indented as it stands at prefix's depth, as
// json.MarshalIndent(v, prefix, "  ") would.
func writeValue(w writer, v any, prefix string) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	indent(w, b, prefix)
	return nil
}

// indent writes compact JSON (json.Marshal's output: no space outside
// strings) indented by two spaces a level after prefix, byte for byte as
// json.Indent does: an empty object or array stays "{}" or "[]". json.Indent
// runs its full validating scanner over every byte, which cost two thirds
// of a thousand articles' export; the input here is the encoder's own, so
// only strings need telling apart from structure.
func indent(w writer, b []byte, prefix string) {
	// pad is a newline and the indentation of every depth: a depth's is a
	// prefix of it, written in one call.
	pad := []byte("\n" + prefix)
	base := len(pad)
	depth := 0
	newline := func() {
		for len(pad) < base+2*depth {
			pad = append(pad, "  "...)
		}
		w.Write(pad[:base+2*depth])
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
		w.Write(b[start:i])
		start = i + 1
		switch c {
		case '{', '[':
			w.WriteByte(c)
			if i+1 < len(b) && (b[i+1] == '}' || b[i+1] == ']') {
				w.WriteByte(b[i+1])
				i++
				start = i + 1
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			w.WriteByte(c)
		case ',':
			w.WriteByte(c)
			newline()
		case ':':
			w.WriteString(": ")
		}
	}
	w.Write(b[start:])
}
