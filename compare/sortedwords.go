package compare

import "slices"

// sortedWords is a set of words kept as a sorted slice without repeats. The
// hedge reader keeps several sets for every sentence of every article, most
// of a few words: as maps they were the largest part of its memory (84 MB
// on one 10 MB article), where a slice costs sixteen bytes a word.
type sortedWords []string

// makeSortedWords is the set of the words ws, which it sorts in place; nil for
// none.
func makeSortedWords(ws []string) sortedWords {
	if len(ws) == 0 {
		return nil
	}
	slices.Sort(ws)
	return sortedWords(slices.Clone(slices.Compact(ws))) // cloned: the set keeps no spare room
}

// has reports whether w is in the set.
func (s sortedWords) has(w string) bool {
	_, ok := slices.BinarySearch(s, w)
	return ok
}

// shared is how many words the two sets have in common.
func (s sortedWords) shared(o sortedWords) int {
	n := 0
	for i, j := 0, 0; i < len(s) && j < len(o); {
		switch {
		case s[i] < o[j]:
			i++
		case s[i] > o[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
