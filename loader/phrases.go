package loader

import "strings"

// phraseIndex finds whether any of a list of phrases occurs in a text in one
// pass over the text, rather than one pass per phrase: the lists of
// furniture phrases run to a hundred entries and every paragraph of an
// article is searched for them.
type phraseIndex struct {
	// bits marks the two-byte openings of some phrase; heads holds the
	// phrases by their opening.
	bits  [1 << 13]byte
	heads map[uint16][]string
	one   []string // phrases of a single byte
}

func newPhraseIndex(lists ...[]string) *phraseIndex {
	x := &phraseIndex{heads: map[uint16][]string{}}
	for _, list := range lists {
		for _, p := range list {
			if len(p) < 2 {
				x.one = append(x.one, p)
				continue
			}
			k := uint16(p[0])<<8 | uint16(p[1])
			x.bits[k>>3] |= 1 << (k & 7)
			x.heads[k] = append(x.heads[k], p)
		}
	}
	return x
}

// in reports whether some phrase occurs in s.
func (x *phraseIndex) in(s string) bool {
	for _, p := range x.one {
		if strings.Contains(s, p) {
			return true
		}
	}
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if x.bits[k>>3]&(1<<(k&7)) == 0 {
			continue
		}
		for _, p := range x.heads[k] {
			if strings.HasPrefix(s[i:], p) {
				return true
			}
		}
	}
	return false
}
