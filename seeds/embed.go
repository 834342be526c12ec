// Package seeds holds the five sample articles, embedded in the binary so
// that parallax run with no input opens a real comparison: reports of the
// US airstrikes on the Iraq-Syria border of 27 June 2021, by five outlets.
package seeds

import (
	"embed"
	"io/fs"
	"slices"
)

// FS holds the sample articles as *.txt at its root.
//
//go:embed *.txt
var FS embed.FS

// Names lists the sample articles' file names in FS, in order.
func Names() []string {
	names, _ := fs.Glob(FS, "*.txt")
	slices.Sort(names)
	return names
}
