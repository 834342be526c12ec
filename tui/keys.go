package tui

import "charm.land/bubbles/v2/key"

// keyMap is every binding of the interface, with its help text. The help
// view, the README's key table and Update all read it.
type keyMap struct {
	Down, Up, PageDown, PageUp, HalfDown, HalfUp, Top, Bottom    key.Binding
	NextDisc, PrevDisc, NextTopic, PrevTopic, NextFact, PrevFact key.Binding
	Search, NextMatch, PrevMatch, Back, Clear                    key.Binding
	NextPane, PrevPane, PaneN, Pair, Sync                        key.Binding
	Filter, Topics, Overview, Detail, Why, HideDim               key.Binding
	Confirm, Dismiss, Note, Undo, Export                         key.Binding
	Right, Evidence, Mark, Forget, Fix                           key.Binding
	Table, Review, Timeline                                      key.Binding
	Help, Quit                                                   key.Binding
}

func defaultKeys() keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Down:     b("j/↓", "scroll down", "j", "down"),
		Up:       b("k/↑", "scroll up", "k", "up"),
		PageDown: b("space/pgdn", "page down", "space", "pgdown", "ctrl+f"),
		PageUp:   b("b/pgup", "page up", "b", "pgup", "ctrl+b"),
		HalfDown: b("ctrl+d", "half page down", "ctrl+d"),
		HalfUp:   b("ctrl+u", "half page up", "ctrl+u"),
		Top:      b("g/home", "top", "g", "home"),
		Bottom:   b("G/end", "bottom", "G", "end"),

		NextDisc:  b("]", "next discrepancy", "]"),
		PrevDisc:  b("[", "previous discrepancy", "["),
		NextTopic: b("}", "next topic", "}"),
		PrevTopic: b("{", "previous topic", "{"),
		NextFact:  b("f", "next fact in pane", "f"),
		PrevFact:  b("F", "previous fact in pane", "F"),

		Search:    b("/", "search all sources", "/"),
		NextMatch: b("n", "next match", "n"),
		PrevMatch: b("N", "previous match", "N"),
		Back:      b("ctrl+o/⌫", "jump back", "ctrl+o", "backspace"),
		Clear:     b("esc", "clear selection, search", "esc"),

		NextPane: b("tab/l/→", "next source", "tab", "l", "right"),
		PrevPane: b("shift+tab/h/←", "previous source", "shift+tab", "h", "left"),
		PaneN:    b("1-9", "source N", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Pair:     b("z", "pair mode: two sources", "z"),
		Sync:     b("s", "scroll panes together", "s"),

		Filter:   b("v", "filter: all, findings, open, a kind", "v"),
		Topics:   b("t", "topic list", "t"),
		Overview: b("o", "overview strip", "o"),
		Detail:   b("enter", "enlarge detail", "enter"),
		Why:      b("i", "why this topic", "i"),
		HideDim:  b("H", "hide captions, boilerplate", "H"),

		Confirm: b("c", "confirm discrepancy", "c"),
		Dismiss: b("x", "dismiss discrepancy", "x"),
		Note:    b("a", "add or edit note", "a"),
		Undo:    b("u", "undo verdict or note", "u"),
		Export:  b("e", "export (m/h/j)", "e"),

		Right:    b("r", "which source is right", "r"),
		Evidence: b("L", "evidence link", "L"),
		Mark:     b("m", "mark words: a finding of yours", "m"),
		Forget:   b("D", "take back your finding", "D"),
		Fix:      b("p", "fix topics: move, split, join, leave out", "p"),

		Table:    b("T", "fact table", "T"),
		Review:   b("R", "review: fixes, yours, orphans, warnings", "R"),
		Timeline: b("P", "timeline: who published first", "P"),

		Help: b("?", "help and legend", "?"),
		Quit: b("q", "quit", "q", "ctrl+c"),
	}
}

// ShortHelp is the status line's reminder.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.NextDisc, k.PrevDisc, k.NextTopic, k.Confirm, k.Dismiss, k.Note, k.Export, k.Help, k.Quit}
}

// FullHelp is the help view, one column a group.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.NextDisc, k.PrevDisc, k.NextTopic, k.PrevTopic, k.NextFact, k.PrevFact, k.Back, k.Clear},
		{k.Search, k.NextMatch, k.PrevMatch, k.NextPane, k.PrevPane, k.PaneN, k.Pair, k.Sync},
		{k.Filter, k.Topics, k.Overview, k.Detail, k.Why, k.HideDim},
		{k.Confirm, k.Dismiss, k.Right, k.Evidence, k.Note, k.Undo, k.Export},
		{k.Mark, k.Forget, k.Fix, k.Table, k.Review, k.Timeline, k.Help, k.Quit},
	}
}
