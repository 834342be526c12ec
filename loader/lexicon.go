package loader

// The word lists that tell a paragraph's kind and a sentence's end. They are
// data, gathered from the page furniture of English-language news sites (wire
// services, broadcasters, newspapers, military and trade outlets) and from the
// AP Stylebook's abbreviations; none is taken from one sample article. Matching
// is case-insensitive on the start of a paragraph, or anywhere for phrases.

// boilerplatePrefixes open a paragraph that is page furniture, not news.
var boilerplatePrefixes = []string{
	"read next:", "read more:", "read also:", "also read:", "related:", "related coverage:",
	"related stories:", "related articles:", "see also:", "more:", "watch:", "listen:",
	"recommended:", "trending:", "more from", "don't miss:", "must read:",
	"story continues", "advertisement", "sponsored content", "sponsored:", "ad feedback",
	"sign up", "subscribe to", "subscribe now", "get our newsletter", "join our newsletter",
	"share this", "share on", "share:", "click here", "follow us", "follow him", "follow her",
	"follow them", "copyright", "©", "all rights reserved", "this story has been updated",
	"this article was originally published", "originally published", "updated:", "published:", "last updated", "with information from",
	"with reporting by", "additional reporting by", "reporting by", "editing by",
	"writing by", "compiled by", "image source", "skip to", "listen to this article",
	"download the", "tap here", "you might also like", "we want to hear from you",
	"have a news tip", "got a tip", "contact us", "leave a comment",
}

// boilerplatePhrases mark a paragraph as furniture wherever they appear.
var boilerplatePhrases = []string{
	"can be reached at", "follow him on twitter", "follow her on twitter",
	"follow them on twitter", "follow him on x", "follow her on x", "on twitter @", "on x @",
	"sign up for our", "subscribe to our newsletter", "sign up to our", "newsletter sign-up",
	"all rights reserved", "not be published, broadcast, rewritten", "share this article",
	"share this story", "click here to", "to read more", "with information from",
	"contributed to this report", "contributed reporting", "is a staff writer", "is a reporter for",
	"is a correspondent for", "email the author", "story continues below",
}

// captionPrefixes open a photo or video caption.
var captionPrefixes = []string{
	"this video screenshot shows", "this photo shows", "this image shows", "this picture shows",
	"this handout photo", "this undated photo", "in this photo", "in this image",
	"in this file photo", "in this handout", "in this video", "in this screenshot",
	"in this undated", "file photo", "file -", "file:", "photo:", "photos:", "image:",
	"picture:", "pictured:", "video:", "caption:", "credit:", "photograph:", "handout photo",
}

// creditWords make a trailing parenthesis a photo credit: "(AP Photo/Jane Doe)",
// "(Getty Images)". A parenthesis of the shape "(Name/Agency)" is a credit too.
var creditWords = []string{
	"photo", "getty", "images", "afp", "reuters", "associated press", "ap ", "epa", "shutterstock",
	"handout", "courtesy", "file", "credit", "pool", "video", "screenshot", "via ", "anadolu",
	"xinhua", "alamy", "dpa",
}

// Abbreviations that end with a period but rarely end a sentence. They come
// from the AP Stylebook (titles, months, states) and common news usage.
var (
	// titleAbbrevs precede a name: never a sentence end.
	titleAbbrevs = set("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr",
		"cdr", "adm", "sgt", "cpl", "pvt", "spc", "sen", "rep", "gov", "lt. gov", "pres", "supt",
		"rev", "msgr", "fr", "sr", "jr", "st", "ste", "mt", "ft", "hon", "amb", "atty", "brig",
		"insp", "det", "ofc", "cpt", "gen", "no", "nos", "vs", "v", "fig", "approx", "dept", "est",
		"univ", "assn", "bros", "ave", "blvd", "rd", "hwy")
	// numberAbbrevs are followed by a number: "Sept. 11", "No. 5", "pp. 4".
	numberAbbrevs = set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
		"dec", "no", "nos", "art", "sec", "ch", "vol", "pp", "p", "op", "ed")
	// placeAbbrevs and corporate suffixes may end a sentence: they join the
	// next word unless it plainly starts a sentence.
	placeAbbrevs = set("ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill",
		"ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
		"nev", "okla", "ore", "pa", "tenn", "vt", "va", "wash", "wis", "wyo", "inc", "corp",
		"co", "ltd", "llc", "plc", "etc", "al", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n",
		"d.c", "e.u", "n.y", "l.a", "n.j", "s.c", "n.c", "n.h", "r.i", "w.va", "n.d", "s.d", "n.m")
	// sentenceStarters are words that, capitalised after a period, show a
	// new sentence began: function words that are not names.
	sentenceStarters = set("the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his",
		"her", "its", "their", "our", "this", "that", "these", "those", "there", "in", "on",
		"at", "but", "and", "or", "so", "yet", "if", "when", "while", "after", "before", "as",
		"since", "because", "although", "however", "meanwhile", "earlier", "later", "then",
		"some", "many", "most", "all", "both", "no", "one", "two", "three", "officials",
		"authorities", "police", "what", "who", "why", "how", "where", "according", "still",
		"also", "for", "from", "with", "by", "to", "of", "more", "several", "other", "such")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
