// Package tui is parallax's interface: the sources side by side in panes, the
// engine's discrepancies marked in their text, and a reviewer's verdicts
// given by keyboard. It presents a compare.Result; it never parses text nor
// decides what disagrees.
package tui

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// Data is what the interface shows: the articles, the engine's result and
// the review store (nil when the review file could not be opened, with
// StoreErr saying why). The interface places the reviewer's own findings
// in the result and attaches the verdicts (review.Store.Apply) when it
// opens: after that, and in what Run returns, Result holds them.
type Data struct {
	Articles []*loader.Article
	Result   *compare.Result
	Store    *review.Store
	StoreErr error
	// Engine compares again after a topic fix, with the review's pins;
	// nil is compare.CompareWith. It runs off the interface's goroutine.
	Engine func(arts []*loader.Article, pins []compare.Pin) *compare.Result
	// LoadErr is the loader's error (inputs that could not be loaded),
	// handed back to the caller; Errors is it one line an input, as shown.
	LoadErr  error
	Errors   []string
	Warnings []string
	// Sample says the articles are the bundled sample, not the user's: the
	// interface says so.
	Sample bool
}

// LoadFunc loads and compares, off the interface's goroutine.
type LoadFunc func() (Data, error)

// ExportFunc writes the comparison with its review in a format ("md",
// "html", "json") and returns the path written.
type ExportFunc func(format string, d Data) (string, error)

type mode int

const (
	modeNormal mode = iota
	modeSearch
	modeNote
	modeExport
	modeEvidence  // the evidence link of a verdict being written
	modeRight     // which source is right: a source chosen
	modeMark      // words being marked for a finding of the reviewer's
	modeKind      // that finding's kind being chosen
	modeOwnNote   // its note being written
	modeFix       // a topic fix being chosen
	modePickTopic // the topic a paragraph moves to, or joins, being chosen
	modeSplit     // the members of a topic's second part being chosen
	modeExclude   // leaving a source out, to confirm
)

// sheetKind is a view that takes the place of the panes.
type sheetKind int

const (
	sheetNone     sheetKind = iota
	sheetTable              // the fact table
	sheetReview             // the review: changes, warnings, fixes, findings of the reviewer's, orphans
	sheetTimeline           // the sources in publication order
)

// selFact names a selected fact: a source and an index into its facts.
type selFact struct{ src, idx int }

// match is a search hit.
type match struct{ src, para, start, end int }

// position is a place to jump back to.
type position struct {
	topic, disc, focus int
	fact               selFact
	offsets            []int
	sides              []int
}

// undoKind says what an undo step takes back.
type undoKind int

const (
	undoVerdict    undoKind = iota // a verdict, a note, a source named right, a link
	undoOwnAdded                   // a finding of the reviewer's recorded
	undoOwnRemoved                 // one taken back
	undoFixAdded                   // a topic fix made
	undoFixRemoved                 // one undone from the review sheet
)

// undoStep is what a change took away: the verdict as it was before (of a
// discrepancy held by value, since a re-comparison renumbers them), or the
// id of the finding or fix it made or took back.
type undoStep struct {
	kind undoKind
	d    compare.Discrepancy
	v    review.Verdict
	id   string
}

// Messages of the interface's own commands.
type (
	loadedMsg struct {
		data Data
		err  error
	}
	savedMsg    struct{ err error }
	exportedMsg struct {
		path string
		err  error
	}
	// recomparedMsg is the engine's result after a topic fix; gen tells
	// it from the result of an earlier request.
	recomparedMsg struct {
		gen  int
		res  *compare.Result
		what string // what the fix did, for the status
		at   compare.Ref
	}
)

// Model is the root model: it owns the layout and the selection and routes
// keys and the mouse to the actions below.
type Model struct {
	keys   keyMap
	st     styles
	help   help.Model
	spin   spinner.Model
	input  textinput.Model
	load   LoadFunc
	export ExportFunc
	now    func() time.Time

	w, h    int
	loading bool
	// The palette's inputs: the background (forced by a flag or
	// PARALLAX_THEME, else the terminal's answer) and the colour profile
	// Bubble Tea detected.
	dark, themeForced bool
	profile           colorprofile.Profile
	err               error // loading failed: the program quits and says why

	data   Data
	doc    *doc
	engine *compare.Result // the engine's result, before the reviewer's findings are placed in it

	panes        []pane
	focus, first int
	// sides are the sources of the selected finding, the pair that
	// disagrees first: the panes show them while the focus stays among
	// them. Nil when no finding is shown so.
	sides        []int
	pair         bool
	pairA, pairB int
	sync         bool

	topic, disc  int // -1 when none
	fact         selFact
	filter       int // 0 all, 1 discrepancies, 2+ one kind (doc.kinds[filter-2])
	hideDim      bool
	topicsPref   int // 0 by width, 1 shown, -1 hidden
	overviewPref int
	topicTop     int // first topic in the topic list
	detailBig    bool
	why          bool
	showHelp     bool

	mode     mode
	noteDisc int                 // the discrepancy the note being written belongs to
	noteD    compare.Discrepancy // it, by value: a re-comparison may renumber
	drafts   map[string]string   // notes left with esc, by finding (sig), offered again by a
	inputErr string              // why the line being written was refused (an evidence link)
	query    string
	matches  []match
	matchIdx int

	history  []position
	undo     []undoStep
	verdicts map[review.Status]int // tallied by recount

	status    string
	statusErr bool
	saving    string // what the save under way records, for its "saved"
	saveErr   string // the last save's failure, shown until one succeeds

	discStatus []review.Status // each discrepancy's verdict, by recount
	reviewGen  int             // counts recounts: the open-only filter's wrap depends on it
	helpTop    int             // the help view's first line
	counts     reviewCounts    // what the review holds beyond the verdicts, by recount

	// The reviewer's work in the modes above.
	marks []compare.Span // words marked for a finding of the reviewer's, one span a source
	// searchInMark: the search line was opened while marking words, and
	// goes back to the marks when it closes.
	searchInMark bool
	ownKind      compare.Kind
	fix          fixWork
	// The sheet shown instead of the panes, and its cursor (row, column).
	sheet              sheetKind
	sheetRow, sheetCol int
	// Re-comparing after a topic fix: the latest request, and a result
	// that came while a mode was open (taken when it closes).
	recompGen   int
	recomputing bool
	pending     *recomparedMsg
}

// reviewCounts are what the header and the review sheet say of the
// review, counted on a change rather than every frame.
type reviewCounts struct {
	orphans, own, unplaced, fixes, excluded, changes, warnings int
}

// inputChars bounds a line being written (a note, a search, a link): a
// paragraph or two of a reviewer's words. The review store keeps a note of
// this many characters whatever their script (review.CleanNote's bound is
// in bytes, four to a character).
const inputChars = 2000

// New builds the model; load runs in a command when the program starts.
func New(load LoadFunc, export ExportFunc) *Model {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = inputChars
	// A steady cursor (restyle): a blinking one costs a timer a key press.
	// Pastes come from the terminal's own bracketed paste; ctrl+v would run
	// a clipboard program from inside the interface.
	in.KeyMap.Paste = key.NewBinding(key.WithDisabled())
	m := &Model{
		keys: defaultKeys(), help: help.New(),
		spin: spinner.New(spinner.WithSpinner(spinner.Dot)), input: in,
		load: load, export: export, now: time.Now,
		loading: true, sync: true, topic: -1, disc: -1, fact: selFact{-1, -1},
		profile: colorprofile.TrueColor,
	}
	m.dark, m.themeForced, _ = resolveTheme(ThemeAuto, getenv) // Run reports a bad PARALLAX_THEME
	m.restyle()
	return m
}

// setTheme forces a theme, or goes back to detecting it.
func (m *Model) setTheme(t Theme) error {
	dark, forced, err := resolveTheme(t, getenv)
	if err != nil {
		return err
	}
	m.dark, m.themeForced = dark, forced
	m.restyle()
	return nil
}

// restyle builds the styles for the background and the colour profile.
func (m *Model) restyle() {
	m.st = newStyles(paletteFor(m.dark, m.profile))
	ist := textinput.DefaultStyles(m.dark)
	ist.Cursor.Blink = false
	m.input.SetStyles(ist)
}

// Err is why loading failed, after the program ends.
func (m *Model) Err() error { return m.err }

// Data is what was loaded, after the program ends.
func (m *Model) Data() Data { return m.data }

// Init starts loading and asks the terminal for its background colour.
func (m *Model) Init() tea.Cmd {
	load := m.load
	return tea.Batch(m.spin.Tick, tea.RequestBackgroundColor, func() tea.Msg {
		d, err := load()
		return loadedMsg{d, err}
	})
}

// setData takes a loaded comparison: the reviewer's findings placed in
// it and the verdicts attached, then what the reviewer should know first:
// inputs not loaded, a review that will not be saved, articles changed
// since the review, verdicts that match no finding, warnings.
func (m *Model) setData(d Data) {
	m.data = d
	m.engine = d.Result
	m.data.Result = d.Store.Apply(d.Result, d.Articles)
	m.build()
	m.pairA, m.pairB = 0, min(1, len(m.doc.sources)-1)
	switch {
	case len(d.Errors) > 0:
		m.setError(plural(len(d.Errors), "input") + " not loaded: " + d.Errors[0])
	case d.StoreErr != nil:
		m.setError("verdicts will not be saved: " + d.StoreErr.Error())
	default:
		if news := m.reviewNews(); news != "" {
			m.setStatus(news)
		} else {
			m.setStatus(m.summary())
		}
	}
}

// build indexes the result shown, and makes a pane a source.
func (m *Model) build() {
	st := m.data.Store
	m.doc = newDoc(m.data.Articles, m.data.Result, func(d compare.Discrepancy) bool {
		_, ok := st.IsOwn(d)
		return ok
	})
	m.panes = make([]pane, len(m.doc.sources))
	m.recount()
}

// reviewNews is what the review says at opening, one line: the articles
// changed since it, its verdicts that match no finding, the reviewer's
// findings that are not placed, the warnings of the loader and of the
// review file; "" when none.
func (m *Model) reviewNews() string {
	var parts []string
	for _, c := range m.data.Store.Changes() {
		parts = append(parts, m.doc.nameOfID(c.Source)+" "+cleanLine(c.What)+" since the review")
	}
	if n := m.counts.orphans; n > 0 {
		parts = append(parts, plural(n, "verdict")+pick1(n, " matches", " match")+" no finding")
	}
	if n := m.counts.unplaced; n > 0 {
		parts = append(parts, plural(n, "finding")+" of yours"+pick1(n, " is", " are")+" not placed")
	}
	if n := m.counts.warnings; n > 0 {
		w := append(slices.Clone(m.data.Warnings), m.data.Store.Warnings()...)[0]
		parts = append(parts, plural(n, "warning")+": "+cleanLine(w))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " · ") + " · R lists them"
}

// pick1 is one when n is 1, else many: a verb that agrees with a count.
func pick1(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// summary is the status line with nothing selected; on the bundled sample
// it says so, and how to open one's own articles.
func (m *Model) summary() string {
	n := len(m.doc.res.Discrepancies)
	s := plural(n, "discrepancy") + ", " + itoa(m.verdicts[review.Open]) + " open · ] next discrepancy"
	if m.data.Sample {
		return "bundled sample (parallax FILE... opens yours) · " + s
	}
	return s + " · ? help"
}

// Update maps messages to the actions, then settles what the layout keeps.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	if m.pending != nil && m.mode == modeNormal {
		// A re-comparison that came while a mode was open: shown now that
		// nothing being chosen or written refers to the old one.
		msg := *m.pending
		m.pending = nil
		m.takeRecompared(msg)
	}
	m.settle()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		return nil
	case tea.BackgroundColorMsg:
		if !m.themeForced {
			m.dark = msg.IsDark()
			m.restyle()
		}
		return nil
	case tea.ColorProfileMsg:
		m.profile = msg.Profile
		m.restyle()
		return nil
	case spinner.TickMsg:
		if !m.loading {
			return nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return cmd
	case loadedMsg:
		m.loading = false
		if msg.err != nil {
			m.err = msg.err
			m.data = msg.data // what the loader said, for the caller to print
			return tea.Quit
		}
		m.setData(msg.data)
		return nil
	case savedMsg:
		m.saved(msg.err)
		return nil
	case recomparedMsg:
		if m.doc == nil || msg.gen != m.recompGen {
			return nil // a later fix asked for another comparison
		}
		if m.mode != modeNormal {
			m.pending = &msg
			return nil
		}
		m.takeRecompared(msg)
		return nil
	case exportedMsg:
		if msg.err != nil {
			m.setError("export failed: " + cleanLine(msg.err.Error()))
		} else {
			m.setOK("exported to " + cleanLine(msg.path))
		}
		return nil
	case tea.KeyPressMsg:
		if m.loading {
			if key.Matches(msg, m.keys.Quit) {
				m.err = errInterrupted
				return tea.Quit
			}
			return nil
		}
		return m.handleKey(msg)
	case tea.PasteMsg:
		if m.mode == modeSearch || m.mode == modeNote || m.mode == modeEvidence || m.mode == modeOwnNote {
			msg.Content = cleanLine(msg.Content)
			// The line holds inputChars; what a paste brings past that is
			// dropped by the input, so the reviewer is told, not left to
			// find a note cut short in the review.
			if room := inputChars - utf8.RuneCountInString(m.input.Value()); utf8.RuneCountInString(msg.Content) > room {
				m.inputErr = "pasted text cut: the line holds " + itoa(inputChars) + " characters"
			}
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			return cmd
		}
	case tea.MouseWheelMsg:
		if !m.loading && m.doc != nil {
			m.wheel(msg.Mouse())
		}
	case tea.MouseClickMsg:
		if !m.loading && m.doc != nil {
			m.click(msg.Mouse())
		}
	}
	return nil
}

func (m *Model) setStatus(s string) { m.status, m.statusErr = s, false }
func (m *Model) setError(s string)  { m.status, m.statusErr = s, true }
func (m *Model) setOK(s string)     { m.status, m.statusErr = "✓ "+s, false }
