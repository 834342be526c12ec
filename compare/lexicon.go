package compare

import "strings"

// The engine's word lists. They are data, written from general knowledge of
// English news style (wire-service casualty and damage reporting, AP style
// qualifiers) and from the SMART stop list; none is taken from one sample.

// stopwords carry no topic: function words and the verbs of reporting.
var stopwords = toSet(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours ourselves
out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves said says say told according
added stated reported reports statement one two three also would may might must shall us per via
mr mrs ms dr new last first year years time like well since upon among within without whether
however yet still even many much`)

// outcomes maps the words of what happened to the counted to one outcome.
var outcomes = map[string]string{
	"killed": "killed", "kill": "killed", "kills": "killed", "killing": "killed", "dead": "killed",
	"died": "killed", "die": "killed", "dies": "killed", "death": "killed", "deaths": "killed",
	"slain": "killed", "fatalities": "killed", "perished": "killed", "lives": "killed",
	"injured": "injured", "injuring": "injured", "injuries": "injured", "wounded": "injured",
	"wounding": "injured", "hurt": "injured", "injures": "injured",
	"destroyed": "destroyed", "destroying": "destroyed", "damaged": "damaged", "damaging": "damaged",
	"leveled": "destroyed", "levelled": "destroyed", "leveling": "destroyed", "levelling": "destroyed",
	"flattened": "destroyed", "flattening": "destroyed", "razed": "destroyed", "razing": "destroyed",
	"deployed": "deployed", "deploying": "deployed", "stationed": "deployed",
	"fired": "fired", "launched": "fired", "firing": "fired",
	"arrested": "arrested", "detained": "arrested", "arrests": "arrested",
	"missing": "missing", "displaced": "displaced", "evacuated": "evacuated", "rescued": "rescued",
	"hospitalized": "injured", "hospitalised": "injured",
}

// qualifiers turn an exact number into a range. Each maps to how the range
// extends: "min" (the number is a floor), "max" (a ceiling), "approx".
var qualifiers = []struct {
	words string
	kind  string
}{
	{"at least", "min"}, {"more than", "min"}, {"over", "min"}, {"upwards of", "min"},
	{"no fewer than", "min"}, {"no less than", "min"}, {"in excess of", "min"},
	{"up to", "max"}, {"as many as", "max"}, {"fewer than", "max"}, {"less than", "max"},
	{"at most", "max"}, {"no more than", "max"}, {"nearly", "max"}, {"almost", "max"},
	{"about", "approx"}, {"around", "approx"}, {"approximately", "approx"}, {"roughly", "approx"},
	{"some", "approx"}, {"an estimated", "approx"}, {"estimated", "approx"}, {"close to", "approx"},
}

// numberWords are the spelled-out numbers of news copy.
var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "dozen": 12, "a dozen": 12, "half a dozen": 6, "a hundred": 100,
}

// ordinalWords are the spelled-out ordinals.
var ordinalWords = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10,
}

// scaleWords multiply the number before them.
var scaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9, "k": 1e3,
}

// personClasses group the nouns that count people, so that "five fighters"
// and "five militiamen" count the same thing and "civilians" another.
var personClasses = map[string]string{
	"fighter": "combatants", "militiaman": "combatants", "militiamen": "combatants",
	"militant": "combatants", "soldier": "combatants", "troop": "combatants", "gunman": "combatants",
	"gunmen": "combatants", "insurgent": "combatants", "rebel": "combatants", "combatant": "combatants",
	"civilian": "civilians", "child": "civilians", "children": "civilians", "resident": "civilians",
	"villager": "civilians", "woman": "civilians", "women": "civilians",
	"people": "people", "person": "people", "persons": "people", "victim": "people",
	"passenger": "people", "man": "people", "men": "people",
}

// qualifierWord holds the words of the qualifiers, which may stand between
// an outcome verb and its number ("killing at least 10").
var qualifierWord = func() map[string]bool {
	m := map[string]bool{}
	for _, q := range qualifiers {
		for _, w := range strings.Fields(q.words) {
			m[w] = true
		}
	}
	return m
}()

// eventNouns group the nouns that name one kind of event, so that "a 5.9
// magnitude quake" and "the 6.1 magnitude earthquake" measure the same thing.
var eventNouns = map[string]string{
	"earthquake": "earthquake", "quake": "earthquake", "tremor": "earthquake", "temblor": "earthquake",
	"aftershock": "aftershock",
}

// notCounted are the nouns after a number that say how often or how long,
// not how many: such a number is no count.
var notCounted = toSet(`time times day days week weeks month months year years hour hours minute minutes
second seconds decade decades century centuries`)

// sentenceOpeners are the common words that open sentences with a capital:
// not names. Adverbs, determiners and connectives of news copy.
var sentenceOpeners = toSet(`just several such many some all both each even still also instead meanwhile
however although though despite since while after before during following according last next
earlier later recent reportedly specifically separately elsewhere overall initially finally today
yesterday tonight confirming asked speaking citing officials witnesses residents sources there here
another other several most few police`)

// inanimate are counted things that no one kills or injures: an outcome of
// that kind in their clause is another noun's ("destruction in seven villages
// and killing 10 people").
var inanimate = toSet(`village town city home house building structure vehicle car truck bus rocket missile
drone facility site location ship boat vessel plane aircraft jet tank bridge school hospital mosque church
shop store road office apartment warehouse factory plant field acre hectare mile kilometre kilometer
dollar euro pound barrel tonne ton round shot bomb shell target base camp depot`)

// countModifiers stand between a number and the noun it counts.
var countModifiers = toSet(`other more additional further new separate more-than`)

// commonVerbs end a counted noun phrase: "a quake struck", "two ships sank".
var commonVerbs = toSet(`struck hit took came went left fled remain remains remained sank fell rose
are is was were be been have has had will would could may might can do did does hold held make made`)

// reportVerbs introduce a speaker's words.
var reportVerbs = toSet(`said says say told tells added adds stated states declared declares
announced announces wrote writes tweeted posted insisted claimed claims warned warns explained
noted notes continued asked replied argued urged expressed expresses described describes
called calls accused accuses insisting saying adding telling`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// outletWords mark a credit as a news organisation: the generic words of
// outlets' names and the names of the wire services and broadcasters that
// other outlets cite most.
var outletWords = toSet(`news newspaper newspapers paper magazine journal times post herald tribune gazette
telegraph guardian daily weekly agency agencies wire media associated tv television radio broadcaster channel
network outlet reuters ap afp bbc cnn nbc abc cbs fox msnbc npr pbs sky bloomberg xinhua tass ria
interfax irna jazeera dpa efe ansa kyodo yonhap tmz`)

// eventClasses put the words that name one kind of news event together, so
// that two sentences telling of the same happening in other words ("died",
// "was killed"; "the blaze", "the fire"; "detained", "arrested") share a
// term. The classes are the common events of news copy, not of any one story;
// a word with several common senses ("fired" a shot or from a job) stays in
// the one it has most often in news.
var eventClasses = func() map[string]string {
	out := map[string]string{}
	for class, ws := range eventClassWords {
		for _, w := range strings.Fields(ws) {
			out[w] = class
		}
	}
	return out
}()

// eventClassWords lists each event class's words, every word in one class
// only (a test checks): a word in two would take either class at random.
var eventClassWords = map[string]string{
	"kill": `kill kills killed killing killings dead die dies died dying death deaths slain slay
		slaying fatal fatally fatalities perished murder murders murdered murdering homicide`,
	"injure": `injure injures injured injuring injury injuries wound wounds wounded wounding hurt
		hospitalized hospitalised`,
	"arrest": `arrest arrests arrested arresting detain detains detained detaining detention custody
		apprehend apprehended nabbed capture captures captured capturing`,
	"charge": `charge charges charged charging indict indicted indictment accused prosecutors
		prosecutor prosecution`,
	"convict": `convict convicted conviction sentence sentences sentenced sentencing prison jail
		jailed imprisoned verdict guilty`,
	"flee":  `flee flees fled fleeing escape escapes escaped escaping fugitive manhunt`,
	"shoot": `shoot shoots shot shooting shootings shooter gunman gunmen gunfire gunned gunshot`,
	"fire": `fire fires blaze blazes flames burn burns burned burning burnt arson arsonist
		firefighters firefighter`,
	"explode": `explode explodes exploded explosion explosions blast blasts bomb bombs bombing
		bombed`,
	"strike": `strike strikes struck striking hit hits jolted jolt rocked`,
	"attack": `attack attacks attacked attacking assault assaulted raid raids raided`,
	"destroy": `destroy destroys destroyed destroying destruction raze razed gutted devastate
		devastated devastating level leveled levelled flattened damage damaged damaging`,
	"crash":  `crash crashes crashed crashing collide collided collision`,
	"rescue": `rescue rescues rescued rescuing evacuate evacuated evacuation`,
	"protest": `protest protests protested protesting protesters protestors demonstration
		demonstrations demonstrators riot riots rioting rioters clashes unrest`,
	"elect": `election elections elect elected vote votes voted voting voters ballot polls`,
	"dismiss": `fired sacked dismiss dismissed ousted relieved resign resigns resigned
		resignation quit`,
	"appoint": `hire hires hired appoint appoints appointed appointment replace replaces replaced
		replacing successor`,
	"say": `said says say told confirmed confirms announced announces announcement statement
		spokesman spokeswoman spokesperson representative reported according`,
	"sue": `sue sues sued suing lawsuit`,
	"win": `win wins won winning victory defeat defeated beat`,
	"investigate": `investigate investigates investigated investigating investigation
		investigators probe`,
	"kidnap": `kidnap kidnapped kidnapping abduct abducted abduction hostage hostages`,
	"steal":  `steal stole stolen theft robbery robbed`,
}
