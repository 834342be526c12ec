package tui

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Theme is the background the palette is made for.
type Theme string

// The themes: Auto asks the terminal (and reads COLORFGBG where it does not
// answer), Light and Dark say it.
const (
	ThemeAuto  Theme = ""
	ThemeLight Theme = "light"
	ThemeDark  Theme = "dark"
)

// ThemeEnv names the environment variable that overrides the detected
// background: light, dark or auto. A command-line flag overrides it.
const ThemeEnv = "PARALLAX_THEME"

// ParseTheme reads a theme as a person writes it: light, dark, auto or "".
func ParseTheme(s string) (Theme, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return ThemeAuto, nil
	case "light":
		return ThemeLight, nil
	case "dark":
		return ThemeDark, nil
	}
	return ThemeAuto, fmt.Errorf("theme %q: want light, dark or auto", s)
}

// resolveTheme is the theme in force: the caller's (a flag) when set, else
// PARALLAX_THEME, else auto. It says whether the choice is forced, so that
// the terminal's answer is then ignored.
func resolveTheme(given Theme, getenv func(string) string) (dark, forced bool, err error) {
	t := given
	if t == ThemeAuto {
		if t, err = ParseTheme(getenv(ThemeEnv)); err != nil {
			return true, false, fmt.Errorf("%s: %w", ThemeEnv, err)
		}
	}
	switch t {
	case ThemeLight:
		return false, true, nil
	case ThemeDark:
		return true, true, nil
	}
	return guessDark(getenv("COLORFGBG")), false, nil
}

// guessDark reads COLORFGBG ("15;0": foreground;background, set by rxvt,
// Konsole and others) until the terminal answers the background query: a
// background colour of 0-6 or 8 is dark, 7 and 9-15 light. Without it,
// dark, the commoner.
func guessDark(colorfgbg string) bool {
	parts := strings.Split(colorfgbg, ";")
	bg, err := strconv.Atoi(parts[len(parts)-1])
	if colorfgbg == "" || err != nil {
		return true
	}
	return bg <= 6 || bg == 8
}

var getenv = os.Getenv
