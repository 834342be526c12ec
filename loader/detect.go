package loader

import (
	"bytes"
	"net/http"
	"path"
	"strings"
	"sync"
)

// extFormats maps file extensions to formats. Folders load only these.
var extFormats = sync.OnceValue(func() map[string]Format {
	return map[string]Format{
		".txt": FormatText, ".text": FormatText,
		".md": FormatMarkdown, ".markdown": FormatMarkdown, ".mdown": FormatMarkdown,
		".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML, ".shtml": FormatHTML,
		".json": FormatJSON,
	}
})

// SupportedExt reports whether a folder's file with this name is loaded.
func SupportedExt(name string) bool {
	_, ok := extFormats()[strings.ToLower(path.Ext(name))]
	return ok
}

// detect decides the format of an input: by its extension, then by the
// Content-Type of a URL's response, then by its content. It fails on binary
// content, whatever the name says.
func detect(name, contentType string, data []byte) (Format, error) {
	if isBinary(data) {
		kind := http.DetectContentType(data)
		if kind == "application/octet-stream" || strings.HasPrefix(kind, "text/") {
			return "", ErrBinary
		}
		return "", errorf("%w (%s)", ErrBinary, kind)
	}
	if f, ok := extFormats()[strings.ToLower(path.Ext(name))]; ok {
		return f, nil
	}
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "html"):
		return FormatHTML, nil
	case strings.Contains(ct, "json"):
		return FormatJSON, nil
	case strings.Contains(ct, "markdown"):
		return FormatMarkdown, nil
	}
	return sniff(data), nil
}

// sniff tells the format from the content.
func sniff(data []byte) Format {
	head := bytes.TrimLeft(data[:min(len(data), 4096)], " \t\r\n\uFEFF")
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(head, []byte("{")) || bytes.HasPrefix(head, []byte("[")):
		return FormatJSON
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.Contains(lower, []byte("<body")) || bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(lower, []byte("<html")):
		return FormatHTML
	case bytes.HasPrefix(head, []byte("---\n")) || bytes.HasPrefix(head, []byte("---\r\n")) ||
		bytes.HasPrefix(head, []byte("# ")) || bytes.Contains(head, []byte("\n## ")) || bytes.Contains(head, []byte("](http")):
		return FormatMarkdown
	}
	return FormatText
}

// isBinary reports content that is not text: a NUL byte, or many control
// bytes, in its first 8 KiB. Text in a legacy encoding is still text.
func isBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			controls++
		}
	}
	return len(head) > 0 && controls*10 > len(head)
}
