package compare

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parallax-news/parallax/loader"
)

// unit is one body paragraph as the alignment reads it: the engine aligns
// paragraphs, the blocks a reader reads and topics hold, and keeps the
// sentences for the fact readers and for the reasons of a link.
type unit struct {
	ref  Ref
	src  int // the source's index in the comparison
	pos  int // its place among its article's body paragraphs: 0 is the lede
	text string
	// sents are the paragraph's sentences with their words, whose offsets
	// are the sentence's own.
	sents  []sentence
	quoted bool

	eng   vec         // the engine's terms: stems, names, numbers, event classes
	shown []termShown // per entry of eng: its key and the word explain shows
	plain vec         // the plain words, as a TF-IDF baseline reads them
	// Filled by vectorise: the weight of the main event's vocabulary in eng
	// (see index.eventTerm), whose cosine is one of the link features.
	mainNorm float64
	// lower is the text with its ASCII capitals lowered, byte for byte at
	// the text's offsets, made when the words are let go (keepBounds): a
	// word's folded form is fold of its bytes here, which for most words
	// is those bytes themselves, not a string of their own.
	lower string
}

// sentence is one sentence of a paragraph with its words.
type sentence struct {
	span loader.Sentence // byte offsets into the paragraph
	toks []token         // offsets into the sentence's text
	// bounds are the words' start and end offsets, two numbers a word,
	// once the tokens are let go (keepBounds); an end is stored inverted
	// (^end) when the word's folded form is not its lowered bytes.
	bounds []int32
}

// keepBounds lets go of the unit's tokens, 48 bytes a word and a string
// for each folded capital, and keeps eight bytes a word, their bounds,
// with the text in lower case (lower): the detectors that walk every
// sentence after the readers are done read its words from them
// (sentenceToks) instead of splitting the sentence again, which took a
// tenth of a CPU-second for each of them on one 10 MB article.
func (u *unit) keepBounds() {
	n := 0
	for _, s := range u.sents {
		n += len(s.toks)
	}
	u.lower = lowerASCII(u.text)
	all := make([]int32, 0, 2*n)
	for k := range u.sents {
		from := len(all)
		low := u.sents[k].text(u.lower)
		for _, t := range u.sents[k].toks {
			// Most words fold to their lowered bytes: marked so, they are
			// not scanned again by fold each time the words are made.
			end := int32(t.end)
			if t.folded != low[t.start:t.end] {
				end = ^end
			}
			all = append(all, int32(t.start), end)
		}
		u.sents[k].toks, u.sents[k].bounds = nil, all[from:len(all):len(all)]
	}
}

// sentenceToks is buf with the words of the unit's k-th sentence appended:
// the tokens prepare made while they are kept, else made again from their
// bounds (keepBounds).
func (u *unit) sentenceToks(k int, buf []token) []token {
	s := u.sents[k]
	if s.toks != nil || s.bounds == nil {
		return append(buf, s.toks...) // copied: a caller reuses buf
	}
	text, low := s.text(u.text), s.text(u.lower)
	buf = slices.Grow(buf, len(s.bounds)/2)
	for i := 0; i < len(s.bounds); i += 2 {
		a, b := int(s.bounds[i]), int(s.bounds[i+1])
		if b >= 0 { // the word folds to its lowered bytes (keepBounds)
			buf = append(buf, token{text: text[a:b], folded: low[a:b], start: a, end: b})
			continue
		}
		b = ^b
		// fold lowers the ASCII capitals and, for a word of other letters,
		// an apostrophe or a period, lowers it all with strings.ToLower,
		// which lowers ASCII alike: the same on the lowered bytes.
		buf = append(buf, token{text: text[a:b], folded: fold(low[a:b]), start: a, end: b})
	}
	return buf
}

// lowerASCII is s with its ASCII capitals lowered and every other byte as
// it is; s itself when it has none.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func (s sentence) text(p string) string { return p[s.span.Start:s.span.End] }

// prepare makes the units of every article, the articles shared out among
// the cores; the order of the result is the articles' order.
func prepare(arts []*loader.Article) []*unit {
	us, _ := prepareStems(arts)
	return us
}

// prepareStems is prepare with the stems it made: the comparison's stem
// table, which the later stages read and never write.
func prepareStems(arts []*loader.Article) ([]*unit, map[string]string) {
	// Paragraph by paragraph on every core, not article by article: one
	// long article would keep one core alone.
	type job struct {
		si, pi, pos int
	}
	var jobs []job
	for si, a := range arts {
		pos := 0
		for pi, p := range a.Paragraphs {
			if p.Kind == loader.KindBody {
				jobs = append(jobs, job{si, pi, pos})
				pos++
			}
		}
	}
	out := make([]*unit, len(jobs))
	rooms := make([]*prepareRoom, workers())
	shared := &stemTable{m: map[string]string{}}
	parallel(len(jobs), func(w int, next func() (int, bool)) {
		room := &prepareRoom{eng: termCounts{}, plain: termCounts{}, classes: map[string]bool{}, words: map[string]wordInfo{}, stems: shared}
		rooms[w] = room
		for k, ok := next(); ok; k, ok = next() {
			j := jobs[k]
			out[k] = prepareParagraph(arts[j.si], j.si, &arts[j.si].Paragraphs[j.pi], j.pos, room)
		}
	})
	// Keyed as written and folded: the readers ask for both.
	n := 0
	for _, room := range rooms {
		if room != nil {
			n += room.stemmed
		}
	}
	stems := make(map[string]string, 2*n) // sized once: growing it rehashed every entry
	for _, room := range rooms {
		if room == nil {
			continue
		}
		for w, in := range room.words {
			if in.kind == wordStemmed {
				stems[w] = in.term
				stems[fold(w)] = in.term
			}
		}
	}
	return out, stems
}

// stemTable is the stems the workers of prepare made, by folded word,
// shared among them: each worker meets most of the comparison's words,
// and each stemming them again took a tenth of the stage's time. A
// worker asks it only for a word it has not met itself (wordInfo).
type stemTable struct {
	mu sync.Mutex
	m  map[string]string
}

// stem is stem(w) for a word folded to f.
func (t *stemTable) stem(w, f string) string {
	t.mu.Lock()
	s, ok := t.m[f]
	t.mu.Unlock()
	if ok {
		return s
	}
	s = stem(w)
	t.mu.Lock()
	t.m[f] = s
	t.mu.Unlock()
	return s
}

// wordInfo is what prepare reads of a word as written, the same wherever
// it stands: a worker remembers it for each word it meets (words repeat
// in all text), and reads it with one lookup, where the stop list, the
// event classes and the stems took one each.
type wordInfo struct {
	kind   wordKind
	folded string // fold of the word, shared by all its tokens
	plain  string // its plain term (strings.ToLower), for a word not a stop word
	term   string // the engine's term: its stem, or the number's key
	// classTerm is the term of its event class, "" for a word of none.
	classTerm string
	stop      bool
	capital   bool // written with a capital first letter (isCapitalised)
}

// wordKind is which term of the engine's a word counts as.
type wordKind uint8

const (
	wordNone    wordKind = iota // a stop word, or too short to count
	wordNumber                  // a number (isNumberToken)
	wordStemmed                 // a word, counted by its stem
)

// learn is the wordInfo of the word w.
func (room *prepareRoom) learn(w string) wordInfo {
	f := fold(w)
	in := wordInfo{folded: f, stop: stopwords()[f], capital: isCapitalised(w)}
	if !in.stop {
		in.plain = lowered(w, f)
	}
	if class, ok := eventClasses()[f]; ok {
		in.classTerm = classPrefix + class
	}
	switch {
	case isNumberToken(f):
		in.kind, in.term = wordNumber, numberPrefix+strings.ReplaceAll(f, ",", "")
	case in.stop || len(f) < 2:
	default:
		in.kind, in.term = wordStemmed, room.stems.stem(w, f)
		room.stemmed++
	}
	return in
}

// prepareRoom is a worker's room to gather a paragraph's words and count
// its terms in, emptied for each paragraph: a map made for each (sized for
// a term in twelve bytes) took a tenth of the stage's time to allocate.
type prepareRoom struct {
	slab       []token // the words of the worker's paragraphs, one after another
	eng, plain termCounts
	classes    map[string]bool
	words      map[string]wordInfo // by the word as written: every word the worker met
	stemmed    int                 // how many of them are stemmed (wordStemmed)
	stems      *stemTable
}

// prepareParagraph makes the unit of one body paragraph, the pos-th of its
// article's, in the worker's room.
func prepareParagraph(a *loader.Article, si int, p *loader.Paragraph, pos int, room *prepareRoom) *unit {
	// A quotation mark: the ASCII one found bytewise, the curly ones as
	// the strings they are (strings.ContainsAny decoded every rune).
	quoted := strings.IndexByte(p.Text, '"') >= 0 || strings.Contains(p.Text, "“") || strings.Contains(p.Text, "”")
	u := &unit{ref: Ref{Source: a.ID, Paragraph: p.Index}, src: si, pos: pos, text: p.Text, quoted: quoted}
	eng, plain, classes := room.eng, room.plain, room.classes
	clear(eng)
	clear(plain)
	clear(classes)
	if n := len(p.Text) / 12; n > prepareRoomTerms {
		// A paragraph of many terms gets maps of its own, sized once for
		// about a term in twelve bytes (growing a map rehashes it), and the
		// room's stay small.
		eng, plain = make(termCounts, n), make(termCounts, n)
	}
	u.sents = make([]sentence, 0, len(p.Sentences))
	// The words of all its sentences are split into the worker's slab,
	// after the words of the paragraphs before, and stay there: the units
	// keep them to the end of the comparison, and a slice per sentence
	// grown by appending held a third more (137 MB of words on one 10 MB
	// article, where 90 are the words), while an array of each
	// paragraph's exact size, gathered and copied, cost an allocation and
	// a copy of every word. Words that do not fit grow an array of their
	// own (the slab's words stay where they are), moved to a new slab.
	// Each word is counted as it is split: what is read of it is what the
	// worker remembers of it as written (wordInfo), its folded form too.
	base := len(room.slab)
	ws := room.slab[base:base:cap(room.slab)]
	for _, sp := range p.Sentences {
		text := p.Text[sp.Start:sp.End]
		first := len(ws)
		for i := 0; ; {
			start, end := nextWord(text, i)
			if start < 0 {
				break
			}
			i = end
			w := text[start:end]
			in, ok := room.words[w]
			if !ok {
				in = room.learn(w)
				room.words[w] = in
			}
			ws = append(ws, token{text: w, folded: in.folded, start: start, end: end})
			if !in.stop {
				plain.add(in.plain, 1, termWord)
			}
			if in.classTerm != "" && !classes[in.classTerm] {
				// An event class counts once per paragraph, however many
				// of its words the paragraph has.
				classes[in.classTerm] = true
				eng.addShown(in.classTerm, classWeight, termClass, w)
			}
			switch {
			case in.kind == wordNumber:
				eng.addShown(in.term, numberWeight, termNumber, w)
			case in.kind == wordNone:
			case len(ws) > first+1 && in.capital:
				eng.addShown(in.term, nameWeight, termName, w) // a capital inside a sentence: a name
			default:
				eng.addShown(in.term, 1, termWord, w)
			}
		}
		u.sents = append(u.sents, sentence{span: sp, toks: ws}) // its length marks where its words end
	}
	if len(ws) <= cap(room.slab)-base {
		room.slab = room.slab[:base+len(ws)] // in place: append did not move them
	} else {
		room.slab = append(make([]token, 0, max(prepareSlabWords, len(ws))), ws...)
	}
	all := room.slab[len(room.slab)-len(ws):]
	from := 0
	for k := range u.sents {
		to := len(u.sents[k].toks)
		u.sents[k].toks = all[from:to:to]
		from = to
	}
	u.eng, u.shown = eng.vecShown()
	u.plain = plain.vec()
	return u
}

// lowered is strings.ToLower of a word w folded to f: f when that is the
// same, a word of ASCII with no apostrophe or period (fold lowers it and
// nothing else), without lowering it again into a string of its own.
func lowered(w, f string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || c == '\'' || c == '.' {
			return strings.ToLower(w)
		}
	}
	return f
}

// The prefixes of terms that are not words.
const (
	classPrefix  = "@" // an event class (see lexicon/event-classes.txt)
	numberPrefix = "#" // a number, without its separators
)

func isNumberToken(f string) bool {
	if f == "" || f[0] < '0' || f[0] > '9' {
		return false
	}
	for _, r := range f {
		if !(r >= '0' && r <= '9' || r == ',' || r == '.') {
			return false
		}
	}
	return true
}
