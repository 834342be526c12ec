package loader

// The loader's thresholds, each with the reason for its value.
const (
	// maxHeadlineWords and maxHeadlineRunes bound a headline or subheading:
	// news headlines run 5 to 15 words (a long one 20), subheadings fewer.
	// A line above either is prose whatever its punctuation.
	maxHeadlineWords = 25
	maxHeadlineRunes = 200

	// minLedeWords is the length from which a heading tag that ends with a
	// full stop holds a lede or standfirst, not a heading: subheadings that
	// end with a full stop are short labels ("Step 1."), ledes a full
	// sentence of a dozen words or more.
	minLedeWords = 10

	// maxCaptionWords bounds a paragraph whose closing parenthesis is read as
	// a photo credit: captions are a sentence or two; a parenthesis at the
	// end of a long paragraph of news is an aside.
	maxCaptionWords = 60

	// maxCreditRunes bounds the words of a closing parenthesis read as a
	// credit ("Yuri Gripas/Reuters", "Photo: U.S. Central Command"): a
	// photographer's name and an agency, or two, fit in 80 characters.
	maxCreditRunes = 80

	// maxCaselessCreditUnits bounds a photo credit in a script without
	// capitals (Chinese, Japanese, Thai), where a name cannot be told by its
	// shape: a photographer's name is two to four characters and an agency's
	// two to five ("新华社"), so a credit of both, spaced or not, fits in
	// eight; a caption that says what a picture shows runs longer.
	maxCaselessCreditUnits = 8

	// maxFurnitureHeadingWords bounds a heading that opens a section of page
	// furniture ("Related stories", "More from the BBC"): such headings are
	// labels of a few words.
	maxFurnitureHeadingWords = 6
)

const (
	// maxPhraseWords bounds a paragraph that a phrase of furniture marks
	// ("can be reached at", "appears in print on"): such notes are a line or
	// two; a long paragraph holding the phrase quotes it as news.
	maxPhraseWords = 80

	// maxOfferWords bounds a paragraph that an offer's words mark ("cancel
	// anytime", "free trial"): offers are short, and news about a
	// subscription service is longer than its own advertisement.
	maxOfferWords = 35

	// maxBioWords bounds the note about the author that closes an article:
	// two or three sentences.
	maxBioWords = 80

	// bioTail is how many paragraphs from the end an author's note is
	// looked for in: it closes the article, after the sign-off lines.
	bioTail = 3
)

const (
	// A pull quote is minPullQuoteWords to maxPullQuoteWords words, of which at least
	// pullQuoteShare tenths of the pullQuoteGram-word sequences occur in a
	// longer paragraph at most pullQuoteWindow paragraphs away: pages set
	// them beside the passage they quote, sometimes with a word changed at
	// an end ("It's easiest to judge..." from "...makes it easiest to
	// judge..."). Four-word sequences are rare enough to be a quotation and
	// short enough for a phrase. A pull quote is a sentence; a shorter line
	// that a paragraph repeats is a term the paragraph explains (a list of
	// components, each described below it).
	minPullQuoteWords = 8
	maxPullQuoteWords = 40
	pullQuoteGram     = 4
	pullQuoteShare    = 8
	pullQuoteWindow   = 15
)

const (
	// A box of furniture (a newsletter sign-up with its plans, a share bar)
	// is an element of at least minBoxBlocks blocks and at most maxBoxWords
	// words, at most 1/boxShareOfArticle of the article, in which at least
	// boxFurnitureShare tenths of the blocks, and of the words, are
	// furniture by their words.
	// The sign-up boxes of news sites hold 5 to 15 blocks and 30 to 150
	// words, half or more of them labels, prices and offers; an article's
	// section that quotes one offer is longer and mostly prose.
	minBoxBlocks      = 3
	maxBoxWords       = 250
	boxShareOfArticle = 4
	boxFurnitureShare = 4

	// maxHeaderBlocks bounds what a section's header holds beside its
	// heading: a comments header has a "Post a comment" link, a count, a
	// sort menu.
	maxHeaderBlocks = 4
)

const (
	// maxSiteNameWords bounds a site's name read from a page's title: names
	// are a few words ("The Seattle Times", "Daring Fireball"); a longer part
	// is a headline's.
	maxSiteNameWords = 5

	// maxHTMLDepth bounds the nesting of elements read (see limitMarkup):
	// the 48 saved pages of ../shared/eval/pages-dev nest 17 deep at the
	// median and 30 at most; four times that is still a page, deeper is
	// machine-made. Within the bound the parser and readability still spend
	// time in proportion to the depth for every element: a 10 MB page nested
	// 128 deep throughout costs about 2.4 s of CPU, one nested 250 deep
	// about 5 s.
	maxHTMLDepth = 128

	// maxHTMLElements bounds the elements read of one page: real pages hold
	// 1,000 to 30,000, a 10 MB article of prose about 100,000 (a paragraph
	// and a link or two every 200 bytes). Each element costs the parser and
	// readability about 1 KB and a microsecond or two; past this bound a
	// page is machine-made.
	maxHTMLElements = 250_000
)

// parallelBlocks is how many blocks an article has before finish cleans,
// classifies and splits them on every core: a news article has a few dozen,
// which one core reads in well under a millisecond; the articles of a
// comparison are read on every core already, one each.
const parallelBlocks = 2048
