package loader

import (
	"errors"
	"fmt"
)

// InputError is a failure to load one input. Its message is one line: the
// input as the user gave it, then the problem, both sanitised (a file's name
// or a server's reason phrase may hold escapes and newlines). Input stays as
// given.
type InputError struct {
	Input string
	Err   error
}

func (e *InputError) Error() string {
	return SanitizeLine(e.Input) + ": " + SanitizeLine(e.Err.Error())
}

func (e *InputError) Unwrap() error { return e.Err }

// Problems an input can have, for callers that test with errors.Is.
var (
	ErrEmpty       = errors.New("empty article")
	ErrBinary      = errors.New("binary file, not an article")
	ErrTooLarge    = errors.New("too large")
	ErrUnsupported = errors.New("unknown format")
	ErrNoArticles  = errors.New("folder holds no supported files (.txt, .md, .html, .json)")
	ErrTooSlow     = errors.New("too slow to read")
)

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
