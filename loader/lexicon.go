package loader

import "sync"

// The word lists that tell a paragraph's kind and a sentence's end. They are
// data, gathered from the page furniture of English-language news sites (wire
// services, broadcasters, newspapers, military and trade outlets) and from the
// AP Stylebook's abbreviations; none is taken from one sample article. Matching
// is case-insensitive on the start of a paragraph, or anywhere for phrases.

// boilerplatePrefixes open a paragraph that is page furniture, not news. A
// prefix that ends in a colon is a label and counts whatever follows; the
// others count on a short paragraph only (see isBoilerplate). French spacing
// before a colon (" :") is read as a colon.
var boilerplatePrefixes = []string{
	// English
	"read next:", "read more:", "read also:", "also read:", "related:", "related coverage:",
	"related stories:", "related articles:", "see also:", "more:", "watch:", "listen:",
	"recommended:", "trending:", "more from", "don't miss:", "must read:", "learn more:",
	"read more about", "read the full", "learn more about", "find out more", "continue reading",
	"story continues", "advertisement", "sponsored content", "sponsored:", "ad feedback",
	"sign up", "subscribe to", "subscribe now", "get our newsletter", "join our newsletter",
	"share this", "share on", "share:", "click here", "follow us", "follow him", "follow her",
	"follow them", "copyright", "©", "all rights reserved", "this story has been updated",
	"this article was originally published", "this story was originally published",
	"this article was reprinted", "this article first appeared", "this story first appeared",
	"reprinted with permission", "republished with permission", "originally published",
	"updated:", "published:", "last updated", "with information from",
	"with reporting by", "additional reporting by", "reporting by", "editing by",
	"writing by", "compiled by", "image source", "skip to", "listen to this article",
	"download the", "tap here", "you might also like", "we want to hear from you",
	"have a news tip", "got a tip", "contact us", "leave a comment",
	// French, German, Spanish, Czech
	"lire aussi:", "à lire aussi:", "lire:", "voir aussi:", "à voir aussi:", "publié le", "mis à jour le",
	"lesen sie auch:", "mehr zum thema:", "auch interessant:", "lee también:", "te puede interesar:",
	"leer más:", "čtěte také:", "přečtěte si také:", "související:",
	// Chinese: the original headline, the editor in charge, the author or
	// producer credit and source lines that close a Chinese news page.
	"原标题:", "责任编辑", "编辑:", "作者:", "作者︱", "作者|", "出品︱", "出品|", "来源:", "本文来源",
	"转载请注明", "相关阅读:", "延伸阅读:",
}

// boilerplatePhrases mark a paragraph as furniture wherever they appear in
// it, on a paragraph of at most maxPhraseWords words: a phrase of furniture
// inside a long paragraph of news is quoted news.
var boilerplatePhrases = []string{
	"can be reached at", "follow him on twitter", "follow her on twitter",
	"follow them on twitter", "follow him on x", "follow her on x", "on twitter @", "on x @",
	"sign up for our", "subscribe to our newsletter", "sign up to our", "newsletter sign-up",
	"all rights reserved", "not be published, broadcast, rewritten", "share this article",
	"share this story", "click here to", "to read more", "with information from",
	"contributed to this report", "contributed reporting", "email the author", "story continues below",
	// print-edition lines
	"appears in print on", "appeared in print on", "in the print edition", "a version of this article appeared",
	"a version of this article appears", "this article appeared in the", "cet article est paru dans",
	"dieser artikel erschien in der",
	// error-report prompts
	"report a typo", "report an error", "spotted an error", "spotted a typo", "found a typo",
	"noticed an error", "signaler une erreur", "fehler gefunden", "zaznamenali chybu",
	// copyright notices of Chinese pages: "reproduction without authorisation
	// prohibited", "all rights reserved"
	"未经授权", "不得转载", "版权所有", "禁止转载",
}

// offerPhrases mark a paywall offer, a subscription prompt or a newsletter
// box, on a paragraph of at most maxOfferWords words.
var offerPhrases = []string{
	"cancel anytime", "cancel at any time", "free trial", "first month is free", "first month free",
	"already a subscriber", "already have an account", "subscribe to continue", "subscribers only",
	"subscriber-only", "subscriber exclusive", "for subscribers", "to continue reading",
	"unlimited digital access", "unlimited access", "support our journalism", "support independent journalism",
	"become a member", "become a subscriber", "we accept credit card", "paid newsletter",
	"subscribe for", "subscribe today", "log in to continue", "sign in to continue", "create a free account",
	"abonnez-vous", "déjà abonné", "réservé aux abonnés", "jetzt abonnieren", "bereits abonnent",
	"suscríbete", "ya eres suscriptor", "předplatné", "订阅", "扫码关注",
}

// ctaEndings close a promotion of another page or product: "Tech Enabled:
// our series on accessibility. Check it out here." Matched on the end of a
// paragraph of at most maxOfferWords words.
var ctaEndings = []string{
	"check it out here", "read it here", "read more here", "find out more here", "learn more here",
	"click here", "sign up here", "subscribe here", "watch it here", "listen here", "listen to it here",
}

// newsletterWords with signUpWords in one short paragraph make a newsletter
// box: "Sign up for Command Line, a weekly newsletter ...".
var (
	newsletterWords = []string{"newsletter", "bulletin", "infolettre", "boletín", "lettre d'information"}
	signUpWords     = []string{"sign up", "subscribe", "get it in your inbox", "delivered to your inbox",
		"inscrivez-vous", "abonnieren", "suscríbete", "přihlaste"}
)

// bioVerbs follow an author's name in the note about them that closes an
// article: "Jane Doe is a staff writer", "John Roe has covered economics since
// 2012", "Jane Doe writes about science".
var bioVerbs = []string{
	"is a", "is an", "is the", "was a", "has covered", "covers", "has reported", "reports on",
	"writes about", "has written", "has been a", "joined", "est journaliste", "ist redakteur",
	"ist korrespondent", "es periodista", "je redaktor",
}

// bioRoles are the words of a journalist's job that a note about the author
// names: with one of bioVerbs after a name, the paragraph is that note.
var bioRoles = []string{
	"reporter", "correspondent", "editor", "writer", "journalist", "columnist", "contributor",
	"author", "producer", "critic", "bureau", "covered", "covers", "writes", "wrote", "freelance",
	"staff", "newsroom", "journaliste", "rédacteur", "redakteur", "korrespondent", "periodista",
	"redaktor", "novinář",
}

// furnitureLabels are the words of a button or a link that stand alone as a
// paragraph once a page is flattened: never a paragraph of news on their own.
// Matched against the whole paragraph.
var furnitureLabels = lazySet("reply", "share", "save", "print", "email", "e-mail", "tweet", "like",
	"photo", "image", "video", "audio", "gallery", "graphic", "play", "play video", "watch",
	"view photo", "view photos", "view image", "view gallery", "see photos", "enlarge", "expand",
	"comments", "post a comment", "leave a comment", "leave a reply", "add a comment",
	"next", "previous", "prev", "back", "back to top", "top", "load more", "show more", "see more",
	"read more", "view comments", "show comments", "found this helpful", "was this helpful",
	"report", "report abuse", "flag", "permalink", "embed", "copy link", "pin it", "more",
	"répondre", "partager", "imprimer", "antworten", "teilen", "drucken", "responder", "compartir",
	"imprimir", "odpovědět", "sdílet", "tisk", "回复", "分享", "打印", "返回顶部", "返信", "共有")

// captionPrefixes open a photo or video caption.
var captionPrefixes = []string{
	"this video screenshot shows", "this photo shows", "this image shows", "this picture shows",
	"this handout photo", "this undated photo", "in this photo", "in this image",
	"in this file photo", "in this handout", "in this video", "in this screenshot",
	"in this undated", "file photo", "file -", "file:", "photo:", "photos:", "image:",
	"picture:", "pictured:", "video:", "caption:", "photograph:", "handout photo",
	"foto:", "bild:", "imagen:", "snímek:",
	// Chinese: "caption:", "the picture shows", "file picture"
	"图注", "图为", "图片:", "资料图",
}

// creditPrefixes open a photo credit: a line that names who made a picture,
// not what it shows. They are captions' too (see isCaption).
var creditPrefixes = []string{
	"credit:", "photo by", "photos by", "photograph by", "photographs by", "image by", "images by",
	"illustration by", "illustrations by", "video by", "photo credit", "image credit", "crédit photo",
	// Chinese: "picture source", "photographer:"
	"图片来源", "摄影:",
}

// creditConnectors are the lower-case words that join the names of a credit
// ("Jane Doe for The Times", "John Roe via Getty Images", "Foto von Jane
// Doe"): a caption holding no other lower-case word describes nothing.
var creditConnectors = lazySet("by", "via", "for", "of", "and", "from", "with", "the",
	"de", "del", "la", "von", "für", "und", "par", "pour", "et", "por", "para", "y", "a", "pro", "z")

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
	titleAbbrevs = lazySet("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr",
		"cdr", "adm", "sgt", "cpl", "pvt", "spc", "sen", "rep", "gov", "lt. gov", "pres", "supt",
		"rev", "msgr", "fr", "sr", "jr", "st", "ste", "mt", "ft", "hon", "amb", "atty", "brig",
		"insp", "det", "ofc", "cpt", "gen", "no", "nos", "vs", "v", "fig", "approx", "dept", "est",
		"univ", "assn", "bros", "ave", "blvd", "rd", "hwy",
		// the plural titles of AP style: "Sens. Dick Durbin and Dianne Feinstein"
		"sens", "reps", "govs", "gens", "drs", "profs", "messrs", "mmes")
	// numberAbbrevs are followed by a number: "Sept. 11", "No. 5", "pp. 4".
	numberAbbrevs = lazySet("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
		"dec", "no", "nos", "art", "sec", "ch", "vol", "pp", "p", "op", "ed")
	// placeAbbrevs and corporate suffixes may end a sentence: they join the
	// next word unless it plainly starts a sentence.
	placeAbbrevs = lazySet("ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill",
		"ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
		"nev", "okla", "ore", "pa", "tenn", "vt", "va", "wash", "wis", "wyo", "inc", "corp",
		"co", "ltd", "llc", "plc", "etc", "al", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n",
		"d.c", "e.u", "n.y", "l.a", "n.j", "s.c", "n.c", "n.h", "r.i", "w.va", "n.d", "s.d", "n.m")
	// sentenceStarters are words that, capitalised after a period, show a
	// new sentence began: function words that are not names.
	sentenceStarters = lazySet("the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his",
		"her", "its", "their", "our", "this", "that", "these", "those", "there", "in", "on",
		"at", "but", "and", "or", "so", "yet", "if", "when", "while", "after", "before", "as",
		"since", "because", "although", "however", "meanwhile", "earlier", "later", "then",
		"some", "many", "most", "all", "both", "no", "one", "two", "three", "officials",
		"authorities", "police", "what", "who", "why", "how", "where", "according", "still",
		"also", "for", "from", "with", "by", "to", "of", "more", "several", "other", "such")
)

// lazySet is a set of words built the first time it is asked for, not when
// the program starts.
func lazySet(words ...string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool { return set(words...) })
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// furnitureHeadings are the headings of page sections that are not the
// article: lists of other stories, comments, sharing and sign-up boxes, the
// author's box. A heading of a few words that is, or opens with, one of them
// makes the section under it furniture. Gathered from the section labels of
// news sites, blogs and publishing platforms (WordPress, Blogger, Medium) in
// the languages the loader meets most. A heading matches when it is one of
// them, perhaps with a count or a colon after it ("Comments (5)", "Related:
// Iran"), or when it opens with one of furnitureOpeners; a leading count is
// ignored ("2 comments on ...").
var furnitureHeadings = []string{
	// English
	"related", "related stories", "related articles", "related coverage", "related content",
	"related posts", "related links", "related reading", "related searches", "related videos", "more news", "more stories",
	"more on this story", "more on this topic", "more like this", "more to read", "read more",
	"read next", "read also", "also read", "see also", "recommended", "recommended for you",
	"you may also like", "you might also like", "you may be interested in", "you might be interested in",
	"most popular", "most read", "most viewed", "most shared", "popular now", "trending", "top stories",
	"latest news", "latest stories", "around the web", "from around the web", "from the web",
	"promoted stories", "sponsored stories", "sponsored", "advertisement", "comments", "comment",
	"leave a reply", "leave a comment", "post a comment", "add a comment", "join the conversation",
	"join the discussion", "responses", "thoughts on", "reader comments", "share this", "share",
	"about the author", "about the authors", "newsletter", "sign up", "subscribe", "filed under",
	// French
	"à lire aussi", "lire aussi", "à voir aussi", "voir aussi", "sur le même sujet", "les plus lus",
	"articles liés", "articles similaires", "dans la même rubrique", "commentaires", "réagissez",
	// German
	"mehr zum thema", "lesen sie auch", "auch interessant", "das könnte sie auch interessieren",
	"weitere artikel", "meistgelesen", "kommentare", "verwandte artikel", "empfehlungen",
	// Spanish
	"te puede interesar", "también te puede interesar", "noticias relacionadas", "artículos relacionados",
	"lo más leído", "lo más visto", "más noticias", "comentarios", "te recomendamos", "lee también",
	// Czech
	"související články", "související", "další zprávy", "nejčtenější", "komentáře", "diskuse",
	"doporučujeme", "mohlo by vás zajímat", "čtěte také",
	// Chinese, Japanese
	"相关新闻", "相关阅读", "相关文章", "相关推荐", "推荐阅读", "延伸阅读", "热门推荐", "精彩推荐", "热门文章",
	"猜你喜欢", "网友评论", "评论", "関連記事", "関連ニュース", "おすすめ記事", "人気記事", "コメント",
}

// furnitureOpeners begin a furniture heading whatever follows: "More from
// the BBC", "3 thoughts on “A title”".
var furnitureOpeners = []string{
	"more from ", "more on ", "more in ", "more stories from ", "more news from ", "latest from ",
	"promoted by ", "sponsored by ", "presented by ", "comments on ", "comment on ", "thoughts on ", "responses to ", "replies to ", "reactions to ",
	"plus de ", "mehr von ", "mehr aus ", "más de ", "más noticias de ", "další z ",
}
