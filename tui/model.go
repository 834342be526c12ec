// Package tui is parallax's interface: the sources side by side in panes, the
// engine's discrepancies marked in their text, and a reviewer's verdicts
// given by keyboard. It presents a compare.Result; it never parses text nor
// decides what disagrees.
package tui

import (
	"time"

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
// StoreErr saying why).
type Data struct {
	Articles []*loader.Article
	Result   *compare.Result
	Store    *review.Store
	StoreErr error
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

// undoStep is a verdict or note as it was before a change.
type undoStep struct {
	disc  int
	entry review.Entry
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

	data Data
	doc  *doc

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
	noteDisc int            // the discrepancy the note being written belongs to
	drafts   map[int]string // notes left with esc, by discrepancy, offered again by a
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
}

// New builds the model; load runs in a command when the program starts.
func New(load LoadFunc, export ExportFunc) *Model {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 2000
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

// setData takes a loaded comparison.
func (m *Model) setData(d Data) {
	m.data = d
	m.doc = newDoc(d.Articles, d.Result)
	m.panes = make([]pane, len(m.doc.sources))
	m.pairA, m.pairB = 0, min(1, len(m.doc.sources)-1)
	m.recount()
	switch {
	case len(d.Errors) > 0:
		m.setError(plural(len(d.Errors), "input") + " not loaded: " + d.Errors[0])
	case d.StoreErr != nil:
		m.setError("verdicts will not be saved: " + d.StoreErr.Error())
	case len(d.Warnings) > 0:
		m.setStatus(plural(len(d.Warnings), "warning") + ": " + d.Warnings[0])
	default:
		m.setStatus(m.summary())
	}
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
		if m.mode == modeSearch || m.mode == modeNote {
			msg.Content = cleanLine(msg.Content)
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
