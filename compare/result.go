// Package compare is parallax's engine: given loaded articles, it says what
// each source reports on each topic and where sources disagree, with the
// exact words as evidence. It is pure and deterministic, and imports nothing
// of the interface or the exports, which read its Result as plain data.
package compare

import "strings"

// Ref names one paragraph of one source.
type Ref struct {
	Source    string `json:"source"`
	Paragraph int    `json:"paragraph"`
}

// Span is a byte range [Start, End) of a paragraph's text.
type Span struct {
	Source    string `json:"source"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// SentenceRef names one sentence: its paragraph and its index among the
// paragraph's sentences.
type SentenceRef struct {
	Source    string `json:"source"`
	Paragraph int    `json:"paragraph"`
	Sentence  int    `json:"sentence"`
}

// Link ties two paragraphs of different sources that speak of the same
// thing, with why: the score and what they share.
type Link struct {
	A, B    Ref
	Score   float64  // the pair scorer's chance that they speak of one happening, 0 to 1
	Terms   []string // the most telling shared words
	Numbers []string // shared normalised numbers
	Names   []string // shared names (people, places, groups)
	Quote   bool     // they share a quotation
}

// Topic is one thing the articles speak of: the paragraphs that cover it
// and the sentence links that tie them.
type Topic struct {
	ID      string
	Label   string // a few words a person reads at a glance
	Members []Ref  // in source order, then paragraph order
	Links   []Link
	Sources []string // the sources that cover it, in input order
	// Own marks the topic that gathers what one source alone speaks of.
	Own bool
}

// FactKind says what a Fact holds.
type FactKind string

// The kinds of fact.
const (
	FactQuantity FactKind = "quantity"
	FactQuote    FactKind = "quote"
	FactTime     FactKind = "time"
	FactEntity   FactKind = "entity" // a name: Value is its canonical form
	FactList     FactKind = "list"   // items named together: Value lists them
)

// Fact is one checkable statement found in a paragraph.
type Fact struct {
	ID    string
	Kind  FactKind
	Span  Span
	Text  string // the paragraph's text[Start:End]
	Value string // the normalised value, for people: "at least 5 fighters killed"
	Topic string // the topic of its sentence, "" if none
	// Key names what the fact answers, the same in every source that
	// answers it ("killed|people", "when|debate", "quote|kirby"): the facts
	// of all sources read as a table, one row per key. Label is that
	// question in words a person reads ("people killed", "when the debate
	// took place").
	Key   string
	Label string
	// Background marks a fact of a sentence about an earlier year: context,
	// compared with nothing.
	Background bool

	List     []string   // for FactList: the items as written
	Quantity *Quantity  // for FactQuantity
	Quote    *Quote     // for FactQuote
	Time     *TimeValue // for FactTime
}

// Quantity is a number and what it counts.
type Quantity struct {
	Low, High float64 // equal for an exact value; High is +Inf for "at least"
	Qualifier string  // "", "at least", "more than", "about", "up to", "nearly", ...
	Counted   string  // the head noun counted, singular: "fighter", "facility"
	Class     string  // the counted noun's class: "people", "combatants", ... or the noun itself
	Outcome   string  // "killed", "injured", "destroyed", ... or ""
	Unit      string  // "$", "magnitude", "%", ... or ""
	Ordinal   bool    // "the third attack"
	// Indefinite marks "a child was killed": one victim named, which may be
	// one of many, so it is compared for its fate but not as a total.
	Indefinite bool
	// Against is the second figure of a vote tally ("230-195": Low and High
	// 230, Against 195), with Unit "votes".
	Against float64
	// Modifier marks a count fused into a modifier ("a 40-page ruling"):
	// Counted is "page", Of what it describes ("ruling").
	Modifier bool
	// Of is what a share, a sum or a modifier count is of: "voters" in "25
	// percent of voters", "project" in "$3.6 billion from construction
	// projects", "ruling" in "a 40-page ruling".
	Of string
	// Anaphoric marks a few things named before ("the two states"): not a
	// count a source gives, so compared with nothing.
	Anaphoric bool
	// Whose is the name a figure is given for: "Gingrich" in "Gingrich, at
	// 11 percent".
	Whose string
	// Among is the population a share is counted in, when the sentence
	// names one: "tea party supporters" in "among Tea Party supporters,
	// Romney has 17 percent". A share of a part is not one of the whole.
	Among string
	// Rest marks a count of the others besides someone named ("Corfman
	// and three other women"): a part of a total, compared only with
	// another such part.
	Rest bool
	// Purpose is what a figure is needed for: "block" in "the 41 votes
	// necessary to block a nominee". Two thresholds of two purposes are two
	// figures.
	Purpose string
}

// Quote is a quotation and who said it.
type Quote struct {
	Words   string // the quoted words, without their marks
	Speaker string // who said them, "" when not found
	Via     string // the source that carried them: "according to X", "told X"
	// Occasion is "written" (a letter, a statement, a tweet) or "spoken"
	// (an interview, a speech) when the article says, else "".
	Occasion string
	// For is the body the speaker spoke for, when the article names it
	// ("Pentagon" for Pentagon Press Secretary John Kirby).
	For string
}

// Op is what one step of a word-level difference does.
type Op string

// The diff operations.
const (
	OpEqual  Op = "equal"  // in both
	OpDelete Op = "delete" // only in the first
	OpInsert Op = "insert" // only in the second
)

// DiffOp is one step of a word-level difference.
type DiffOp struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// Claim is one source's words in a discrepancy.
type Claim struct {
	Span
	Text  string `json:"text"`
	Value string `json:"value"`
}

// Kind says what a discrepancy is about.
type Kind string

// Discrepancy kinds.
const (
	KindNumber      Kind = "number"      // different values for the same counted thing and outcome
	KindOutcome     Kind = "outcome"     // the same victims dead in one source, hurt in another
	KindQuote       Kind = "quote"       // the same speaker's words worded differently
	KindTime        Kind = "time"        // instants that cannot both hold once normalised
	KindList        Kind = "list"        // an item one source's list has and another's lacks
	KindHedging     Kind = "hedging"     // one source states as fact what another marks as reported
	KindAttribution Kind = "attribution" // the same claim credited to different sources
	KindName        Kind = "name"        // two different names (people, places) where the sources tell one thing
)

// Severity says how much a discrepancy matters.
type Severity string

// Severity levels.
const (
	SeverityHigh   Severity = "high"   // the facts cannot both be true
	SeverityMedium Severity = "medium" // a real difference a reader would notice
	SeverityLow    Severity = "low"    // a rounding or a wording change
)

// Discrepancy is a conflict between sources on one topic.
type Discrepancy struct {
	ID       string
	Kind     Kind
	Topic    string
	Severity Severity
	Summary  string // one line a reviewer understands
	Claims   []Claim
	Why      string   // how the engine decided
	Diff     []DiffOp // for quotes: from the first claim's words to the second's
}

// Agreement is a fact several sources state alike.
type Agreement struct {
	Value   string
	Facts   []string // fact ids
	Sources []string
	// Origins counts independent origins: copies of one wire story count once.
	Origins int
}

// Unique is a fact only one source reports.
type Unique struct {
	Span
	Text  string `json:"text"`
	Value string `json:"value"`
	Topic string `json:"topic"`
}

// Reconciled is a difference that only looks like one, and why it is not.
type Reconciled struct {
	Claims []Claim
	Reason string
}

// Row is one line of the fact table: what each source says to one key.
type Row struct {
	Key   string
	Label string
	Cells []Cell // one per source that answers it, in the sources' order
	// Disagree marks a row on which some discrepancy sets two of its
	// facts against each other.
	Disagree bool
}

// Cell is one source's answer to a row's key.
type Cell struct {
	Source string
	Value  string   // the value of its first fact, as Fact.Value
	Facts  []string // the ids of its facts with this key, in reading order
}

// OffEvent marks a source that may not be about the same event as the
// others: its facts are not set against theirs.
type OffEvent struct {
	Source string
	Reason string // the evidence: how little its paragraphs and names meet the others'
}

// Result is everything the engine found.
type Result struct {
	Sources       []string // source ids in the order given
	Topics        []Topic
	Facts         []Fact
	Discrepancies []Discrepancy
	Agreements    []Agreement
	Unique        []Unique
	Reconciled    []Reconciled
	// Copies groups sources whose text is near-identical: one wire story.
	Copies [][]string
	// Table is the facts read as rows: one per key, one cell per source.
	Table []Row
	// OffEvent lists the sources that may report another event.
	OffEvent []OffEvent
	// Excluded lists the sources a pin took out of the comparison.
	Excluded []string
}

// ShortValue is the claim's value without the claim's own words where the
// value repeats them (a quotation's value is its speaker and its words):
// `Kirby: "…"`. For display beside the words.
func (c Claim) ShortValue() string {
	if len(c.Text) > 20 && strings.Contains(c.Value, c.Text) {
		return strings.Replace(c.Value, c.Text, "…", 1)
	}
	return c.Value
}
