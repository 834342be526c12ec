package loader

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// DefaultMaxBytes is the largest input read unless Options.MaxBytes says otherwise.
const DefaultMaxBytes = 10 << 20

// Options tune Load. The zero value is ready to use.
type Options struct {
	MaxBytes  int64         // the size cap of one input; 0 means DefaultMaxBytes
	Stdin     io.Reader     // read for the input "-"; nil means os.Stdin
	FS        fs.FS         // when set, paths are read from it instead of the disk
	Client    *http.Client  // fetches URLs; nil means a client with Timeout and few redirects
	Timeout   time.Duration // for a URL; 0 means DefaultTimeout
	UserAgent string        // for a URL; "" means DefaultUserAgent
	// Progress, when set, is called after each input is read and parsed,
	// from the loading goroutines.
	Progress func(done, total int)
	// Budget bounds the time spent parsing one input (after it is read or
	// fetched); 0 means no bound. An input that takes longer fails with
	// ErrTooSlow rather than holding up the others for ever.
	Budget time.Duration
}

// Result is what Load read.
type Result struct {
	Articles []*Article
	Warnings []string // one line each, naming the input
}

func (o *Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// item is one thing to read: a file, a URL or stdin.
type item struct {
	input string // as the user gave it, or the file found in a folder
	kind  itemKind
}

type itemKind int

const (
	itemFile itemKind = iota
	itemURL
	itemStdin
)

// Load reads every input: files, folders (every supported file inside, in
// name order, hidden files skipped), "-" for standard input, and http(s)
// URLs. It loads what it can; the error joins one InputError per input that
// failed. The same article given twice is kept once, with a warning.
func Load(ctx context.Context, inputs []string, opt Options) (Result, error) {
	var res Result
	var errs []error
	var items []item
	stdinSeen := false
	for _, in := range inputs {
		switch {
		case in == "-":
			if stdinSeen {
				errs = append(errs, &InputError{Input: "-", Err: errors.New("standard input given twice")})
				continue
			}
			stdinSeen = true
			items = append(items, item{input: "-", kind: itemStdin})
		case IsURL(in):
			items = append(items, item{input: in, kind: itemURL})
		default:
			found, err := opt.expand(in)
			if err != nil {
				errs = append(errs, &InputError{Input: in, Err: err})
				continue
			}
			items = append(items, found...)
		}
	}

	loaded := make([][]*Article, len(items))
	loadErrs := make([]error, len(items))
	// Each article's content key is hashed where it was read, on every
	// core: hashed below, one after another, a thousand articles' keys
	// were a serial pass over all their text.
	keys := make([][][32]byte, len(items))
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	sem := make(chan struct{}, max(runtime.GOMAXPROCS(0), 2))
	for i, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			loaded[i], loadErrs[i] = opt.loadItem(ctx, it)
			keys[i] = make([][32]byte, len(loaded[i]))
			for j, a := range loaded[i] {
				keys[i][j] = a.contentKey()
			}
			if opt.Progress != nil {
				mu.Lock()
				done++
				opt.Progress(done, len(items))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	ids := map[string]int{}
	type seenArticle struct{ name, meta string }
	seen := map[[32]byte]seenArticle{}
	for i, it := range items {
		if loadErrs[i] != nil {
			errs = append(errs, &InputError{Input: it.input, Err: loadErrs[i]})
			continue
		}
		base := baseID(it)
		for j, a := range loaded[i] {
			a.Path = it.input
			// The same text under the same outlet, address, title, byline
			// and date is one article given twice: kept once. The same text
			// another outlet ran (a wire story) is a source of its own, which
			// the engine marks as a copy and counts as one origin.
			key, meta := keys[i][j], a.metaKey()
			if prev, dup := seen[key]; dup {
				if prev.meta == meta {
					res.Warnings = append(res.Warnings, fmt.Sprintf("%s: same article as %s; kept that one", describe(a, len(loaded[i]), j), prev.name))
					continue
				}
				res.Warnings = append(res.Warnings, fmt.Sprintf("%s: same text as %s under another name; kept as a copy (one origin)", describe(a, len(loaded[i]), j), prev.name))
			} else {
				seen[key] = seenArticle{describe(a, len(loaded[i]), j), meta}
			}
			id := base
			if len(loaded[i]) > 1 {
				id = fmt.Sprintf("%s-%d", base, j+1)
			}
			a.ID = uniqueID(ids, id)
			if a.Source == "" {
				// The outlet is unknown unless a URL names its host: a
				// file's name is not an outlet's.
				a.Source = hostName(a.URL)
			}
			if only := kindsOnly(a); only != "" {
				res.Warnings = append(res.Warnings, fmt.Sprintf("%s: no body text, only %s: nothing of it will be compared", describe(a, len(loaded[i]), j), only))
			}
			if a.MarkupCut {
				res.Warnings = append(res.Warnings, fmt.Sprintf("%s: the HTML nests more than %d elements deep or holds more than %d elements; the tags past that were ignored and their text kept", describe(a, len(loaded[i]), j), maxHTMLDepth, maxHTMLElements))
			}
			if a.Truncated {
				res.Warnings = append(res.Warnings, fmt.Sprintf("%s: the text is cut short (it ended with a news API's \"[+N chars]\" marker, now removed): only the part given is compared", describe(a, len(loaded[i]), j)))
			}
			if a.InvalidUTF8 > 0 {
				res.Warnings = append(res.Warnings, fmt.Sprintf("%s: %d invalid UTF-8 sequences replaced with U+FFFD", describe(a, len(loaded[i]), j), a.InvalidUTF8))
			}
			if a.ControlsRemoved > 0 {
				res.Warnings = append(res.Warnings, fmt.Sprintf("%s: removed %d control characters or terminal escape sequences", describe(a, len(loaded[i]), j), a.ControlsRemoved))
			}
			res.Articles = append(res.Articles, a)
		}
	}
	return res, errors.Join(errs...)
}

// describe names an article in a message: its input, and its place in a JSON array.
func describe(a *Article, n, j int) string {
	if a.Path == "-" {
		return "standard input"
	}
	if n > 1 {
		return fmt.Sprintf("%s (article %d)", a.ShownPath(), j+1)
	}
	return a.ShownPath()
}

// metaKey is what names an article apart from its text: its outlet,
// address, title, byline and date.
func (a *Article) metaKey() string {
	return strings.Join([]string{a.Source, a.URL, a.Title, a.Author, a.Published.String()}, "\x00")
}

// contentKey identifies an article by its text, so that the same article
// under two names is found.
func (a *Article) contentKey() [32]byte {
	h := sha256.New()
	var buf []byte // a paragraph in lower case, without a string made of it
	for _, p := range a.Paragraphs {
		if p.Kind == KindBody {
			buf = append(appendLower(buf[:0], p.Text), 0)
			h.Write(buf)
		}
	}
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k
}

// appendLower appends s with each character in lower case (unicode.ToLower)
// and each invalid byte as U+FFFD, as strings.ToLower writes it. ASCII is
// lowered by a table, without a branch on whether a letter is a capital
// (one at every sentence and name was mispredicted); only the rest is
// decoded.
func appendLower(b []byte, s string) []byte {
	b = slices.Grow(b, len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			b = append(b, c+asciiLower[c])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += size
	}
	return b
}

// asciiLower is what lowers an ASCII byte: 'a'-'A' for a capital, else 0.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = 'a' - 'A'
	}
	return t
}()

// expand turns a path into the files to read: itself, or a folder's supported files.
func (o *Options) expand(p string) ([]item, error) {
	info, err := o.stat(p)
	if err != nil {
		return nil, pathError(err)
	}
	if !info.IsDir() {
		return []item{{input: p, kind: itemFile}}, nil
	}
	var out []item
	err = o.walk(p, func(file string, d fs.DirEntry) error {
		name := d.Name()
		if file != p && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && SupportedExt(name) {
			out = append(out, item{input: file, kind: itemFile})
		}
		return nil
	})
	if err != nil {
		return nil, pathError(err)
	}
	if len(out) == 0 {
		return nil, ErrNoArticles
	}
	slices.SortFunc(out, func(a, b item) int { return strings.Compare(a.input, b.input) })
	return out, nil
}

func (o *Options) stat(p string) (fs.FileInfo, error) {
	if o.FS != nil {
		return fs.Stat(o.FS, p)
	}
	return os.Stat(p)
}

func (o *Options) walk(root string, fn func(string, fs.DirEntry) error) error {
	visit := func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return fn(p, d)
	}
	if o.FS != nil {
		return fs.WalkDir(o.FS, root, visit)
	}
	return filepath.WalkDir(root, visit)
}

func (o *Options) open(p string) (fs.File, error) {
	if o.FS != nil {
		return o.FS.Open(p)
	}
	return os.Open(p)
}

// pathError says what is wrong with a path in words, without repeating it.
func pathError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %v", pe.Op, pe.Err)
	}
	return err
}

// loadItem reads and parses one input.
func (o *Options) loadItem(ctx context.Context, it item) ([]*Article, error) {
	max := o.maxBytes()
	switch it.kind {
	case itemURL:
		f, err := o.fetch(ctx, it.input)
		if err != nil {
			return nil, err
		}
		u, _ := url.Parse(f.finalURL)
		return o.parse(ctx, u.Path, f.data, f.contentType, f.finalURL)
	case itemStdin:
		r := o.Stdin
		if r == nil {
			r = os.Stdin
		}
		data, err := io.ReadAll(io.LimitReader(r, max+1))
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		if int64(len(data)) > max {
			return nil, tooLarge(-1, max)
		}
		return o.parse(ctx, "", data, "", "")
	}
	f, err := o.open(it.input)
	if err != nil {
		return nil, pathError(err)
	}
	defer f.Close()
	// The file's size, from the open file (one fstat, not a second walk of
	// the path), refuses a file too large before reading it, and sizes the
	// buffer: one read of a regular file, not a buffer doubled from 512
	// bytes. The read stays capped, as the file may grow or lie.
	var size int64
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		if size = info.Size(); size > max {
			return nil, tooLarge(size, max)
		}
	}
	data, err := readCapped(f, size, max)
	if err != nil {
		return nil, pathError(err)
	}
	if int64(len(data)) > max {
		return nil, tooLarge(-1, max)
	}
	return o.parse(ctx, it.input, data, "", "")
}

// parse is Parse within the budget: the parsing runs on a goroutine of its
// own, and when the budget is spent the input fails with ErrTooSlow. The
// parsing is told to stop (it checks between blocks), and its result, when
// it comes, is dropped; the libraries it calls cannot be stopped midway, so
// it may run on a while, but nothing waits for it.
func (o *Options) parse(ctx context.Context, name string, data []byte, contentType, pageURL string) ([]*Article, error) {
	if o.Budget <= 0 {
		return parse(ctx, name, data, contentType, pageURL)
	}
	ctx, cancel := context.WithTimeoutCause(ctx, o.Budget, ErrTooSlow)
	defer cancel()
	type result struct {
		arts []*Article
		err  error
	}
	done := make(chan result, 1)
	go func() {
		arts, err := parse(ctx, name, data, contentType, pageURL)
		done <- result{arts, err}
	}()
	select {
	case r := <-done:
		return r.arts, r.err
	case <-ctx.Done():
		if errors.Is(context.Cause(ctx), ErrTooSlow) {
			return nil, fmt.Errorf("%w: gave up after %s (--budget); the input may be built to stall a reader (nesting, repetition), or it needs a larger budget", ErrTooSlow, o.Budget)
		}
		return nil, context.Cause(ctx)
	}
}

// readCapped reads r to its end or to max+1 bytes, whichever comes first,
// into a buffer made for size bytes (the file's size when known, else 0).
func readCapped(r io.Reader, size, max int64) ([]byte, error) {
	buf := make([]byte, 0, min(size, max)+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow as append does
		}
		room := min(int64(cap(buf)), max+1)
		n, err := r.Read(buf[len(buf):room])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > max {
			return buf, nil
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func tooLarge(size, max int64) error {
	if size < 0 {
		return fmt.Errorf("%w: over the %s limit (--max-size)", ErrTooLarge, FormatBytes(max))
	}
	return fmt.Errorf("%w: %s, over the %s limit (--max-size)", ErrTooLarge, FormatBytes(size), FormatBytes(max))
}

// FormatBytes writes a size for people: 10 MiB, 512 KiB, 300 B.
func FormatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

var slugRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^a-z0-9]+`) })

// baseID is an input's source id before it is made unique: the file name
// without extension, a slug of a URL's host and path, or "stdin".
func baseID(it item) string {
	switch it.kind {
	case itemStdin:
		return "stdin"
	case itemURL:
		u, err := url.Parse(it.input)
		if err != nil {
			return "url"
		}
		host := strings.TrimPrefix(u.Hostname(), "www.")
		p := strings.TrimSuffix(u.Path, path.Ext(u.Path))
		s := strings.Trim(slugRe().ReplaceAllString(strings.ToLower(host+" "+p), "-"), "-")
		if len(s) > 60 {
			s = strings.TrimRight(s[:60], "-")
		}
		return s
	}
	// A file's name may hold escapes or newlines: the id is shown and used
	// as a key, so it is sanitised (Path keeps the name as it is).
	name := path.Base(filepath.ToSlash(it.input))
	if id := SanitizeLine(strings.TrimSuffix(name, path.Ext(name))); id != "" {
		return id
	}
	if id := SanitizeLine(name); id != "" {
		return id
	}
	return "article"
}

func uniqueID(ids map[string]int, id string) string {
	ids[id]++
	if ids[id] == 1 {
		return id
	}
	for {
		cand := fmt.Sprintf("%s-%d", id, ids[id])
		if ids[cand] == 0 {
			ids[cand] = 1
			return cand
		}
		ids[id]++
	}
}

func hostName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
