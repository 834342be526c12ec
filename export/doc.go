package export

import (
	"bytes"
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
	var buf bytes.Buffer
	if err := Write(&buf, format, d); err != nil {
		return err
	}
	return atomicfile.Write(path, buf.Bytes(), 0o644) // its error names the path
}
