package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/atomicfile"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// Doc is what an export shows: the articles, the engine's result and the
// reviewer's verdicts and notes (a nil Review leaves every discrepancy open).
type Doc struct {
	Generator string
	Articles  []*loader.Article
	Result    *compare.Result
	Review    *review.Store
}

// Formats lists the export formats by the name the command line takes.
var Formats = []string{"md", "html", "json"}

// Extension is the file extension of a format.
func Extension(format string) string {
	if format == "md" {
		return ".md"
	}
	return "." + format
}

// Write renders a format to w.
func Write(w io.Writer, format string, d Doc) error {
	switch format {
	case "json":
		return JSON(w, d)
	case "md", "markdown":
		return Markdown(w, d)
	case "html":
		return HTML(w, d)
	}
	return fmt.Errorf("unknown format %q: want %s", format, strings.Join(Formats, ", "))
}

// WriteFile renders a format and replaces path with it atomically: a
// failed export leaves the old file as it was. The folder must exist.
func WriteFile(path, format string, d Doc) error {
	// Rendered straight into the temporary file: a thousand articles make
	// 80 MB of JSON, which a buffer would hold whole.
	return atomicfile.WriteFunc(path, 0o644, func(w io.Writer) error { return Write(w, format, d) }) // its error names the path
}
