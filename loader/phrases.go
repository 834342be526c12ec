package loader

import "strings"

// phraseIndex finds whether any of a list of phrases occurs in a text in one
// pass over the text, rather than one pass per phrase: the lists of
// furniture phrases run to a hundred entries and every paragraph of an
// article is searched for them.
type phraseIndex struct {
	// bits marks the four-byte openings of some phrase, hashed to 16 bits:
	// at most a few positions of a paragraph pass it (two-byte openings
	// such as "th" passed at every other word); heads holds the phrases by
	// their opening.
	bits  [1 << 13]byte
	heads map[uint32][]string
	short []string // phrases of fewer than four bytes
}

func newPhraseIndex(lists ...[]string) *phraseIndex {
	x := &phraseIndex{heads: map[uint32][]string{}}
	for _, list := range lists {
		for _, p := range list {
			if len(p) < 4 {
				x.short = append(x.short, p)
				continue
			}
			k := opening(p)
			h := hash16(k)
			x.bits[h>>3] |= 1 << (h & 7)
			x.heads[k] = append(x.heads[k], p)
		}
	}
	return x
}

// opening is the first four bytes of s, which has at least four.
func opening(s string) uint32 {
	return uint32(s[0])<<24 | uint32(s[1])<<16 | uint32(s[2])<<8 | uint32(s[3])
}

func hash16(k uint32) uint32 { return (k * 2654435761) >> 16 }

// in reports whether some phrase occurs in s.
func (x *phraseIndex) in(s string) bool {
	for _, p := range x.short {
		if strings.Contains(s, p) {
			return true
		}
	}
	if len(s) < 4 {
		return false
	}
	// The four bytes at i, rolled on a byte at a time.
	for i, k := 0, opening(s); ; i++ {
		if h := hash16(k); x.bits[h>>3]&(1<<(h&7)) != 0 {
			for _, p := range x.heads[k] {
				if strings.HasPrefix(s[i:], p) {
					return true
				}
			}
		}
		if i+4 >= len(s) {
			return false
		}
		k = k<<8 | uint32(s[i+4])
	}
}
