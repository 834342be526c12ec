package compare

// Options are a reviewer's corrections, applied to one comparison.
type Options struct {
	Pins []Pin
}

// PinKind says what a reviewer's pin asks of the alignment.
type PinKind string

// The pins a reviewer can set.
const (
	PinTogether PinKind = "together" // A belongs with B: one topic
	PinApart    PinKind = "apart"    // A never with B
	PinExclude  PinKind = "exclude"  // Source is out of the comparison
)

// Pin is one correction by hand: two paragraphs to keep together or apart,
// or a source to leave out.
type Pin struct {
	Kind   PinKind `json:"kind"`
	A      Ref     `json:"a,omitzero"`
	B      Ref     `json:"b,omitzero"`
	Source string  `json:"source,omitempty"`
}
