package tui

import (
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// ErrNoTerminal says the interface cannot start: there is no terminal.
var ErrNoTerminal = errors.New("the interface needs a terminal: use 'parallax report' or 'parallax export' in pipes and scripts")

// Options are how the command line starts the interface.
type Options struct {
	Load   LoadFunc
	Export ExportFunc
	// Input is where keys come from: nil for standard input, or an opened
	// terminal when standard input carried an article.
	Input  io.Reader
	Output *os.File
	// Theme forces the palette's background (a command-line flag); auto
	// reads PARALLAX_THEME, then asks the terminal.
	Theme Theme
}

// Run shows the interface until the reviewer quits, and returns what was
// loaded. An error from loading ends the program and is returned.
func Run(o Options) (Data, error) {
	out := o.Output
	if out == nil {
		out = os.Stdout
	}
	if !term.IsTerminal(out.Fd()) {
		return Data{}, ErrNoTerminal
	}
	m := New(o.Load, o.Export)
	if err := m.setTheme(o.Theme); err != nil {
		return Data{}, err
	}
	opts := []tea.ProgramOption{tea.WithOutput(out)}
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	final, err := tea.NewProgram(m, opts...).Run()
	if err != nil {
		return Data{}, fmt.Errorf("interface: %w", err)
	}
	fm := final.(*Model)
	return fm.Data(), fm.Err()
}
