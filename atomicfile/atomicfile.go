// Package atomicfile replaces files so that a crash, a kill or a full disk
// at any moment leaves either the old content or the new, never half of one.
// The review store and the exports write through it; it knows nothing of
// what they write.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrReadOnly says the file to replace has no write permission: its owner
// asked that it not change, and a rename would change it all the same.
var ErrReadOnly = errors.New("the file is read-only")

// tempSuffix ends every temporary file's name; with the leading dot and the
// target's name it is how RemoveStale knows a file is one of ours.
const tempSuffix = ".tmp"

// writeBuffer is how much of a file WriteFunc gathers before each write
// call: large enough that an 80 MB export costs about a thousand calls.
const writeBuffer = 64 << 10

// writebackChunk is how much of a file is written before its writing out
// to the disk is started (see writeback): a review file never gets there;
// an export of a thousand articles (74 MB) starts it nine times, and the
// sync before its rename waited 40 ms for all of it at the end.
const writebackChunk = 8 << 20

// writeback writes to the temporary file and starts the disk writing each
// writebackChunk of it as it comes, while the rest is still being made.
type writeback struct {
	f                *os.File
	written, started int64 // bytes written, and how many of them are being written out
}

func (w *writeback) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	w.written += int64(n)
	if w.written-w.started >= writebackChunk {
		startWriteback(w.f, w.started, w.written-w.started)
		w.started = w.written
	}
	return n, err
}

// Write replaces path with data. The bytes go to a temporary file in the
// same folder, which is synced, then renamed over path, and the folder is
// synced, so that the new content is on disk when Write returns nil.
//
// A symbolic link is written through: its target is replaced and the link
// stays. An existing file keeps its permissions; a new one gets perm. A file
// without write permission is not replaced (ErrReadOnly), whoever runs.
// The folder must exist: creating one is the caller's decision.
func Write(path string, data []byte, perm fs.FileMode) error {
	return WriteFunc(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFunc replaces path with what fill writes, as Write does, without
// holding the whole content in memory: an export of a thousand articles is
// 80 MB of JSON, and building it in a buffer first held it twice more.
// fill's writes are buffered. If fill fails, the file is left as it was and
// its error is returned, wrapped with the path.
func WriteFunc(path string, perm fs.FileMode, fill func(io.Writer) error) error {
	if err := write(path, fill, perm); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the temporary file's name means nothing to a person
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func write(path string, fill func(io.Writer) error, perm fs.FileMode) error {
	target, err := Resolve(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	mode := perm
	switch st, err := os.Stat(target); {
	case err == nil:
		if !st.Mode().IsRegular() {
			return errors.New("not a regular file")
		}
		if st.Mode().Perm()&0o222 == 0 {
			return ErrReadOnly
		}
		mode = st.Mode().Perm()
	case errors.Is(err, fs.ErrNotExist):
		if st, derr := os.Stat(dir); derr != nil || !st.IsDir() {
			return fmt.Errorf("the folder %s does not exist", dir)
		}
	default:
		return err
	}
	tmp, err := os.CreateTemp(dir, tempPattern(target))
	if err != nil {
		return err
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return err
	}
	bw := bufio.NewWriterSize(&writeback{f: tmp}, writeBuffer)
	if err := fill(bw); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, target); err != nil {
		os.Remove(name)
		return err
	}
	// The rename is durable only once the folder's entry is: sync it. Some
	// file systems cannot sync a folder; the data itself is synced already.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// tempPattern names the temporary files of target: hidden, with the
// target's name and the writer's process id, so that RemoveStale can tell
// one left by a killed writer from one being written now.
func tempPattern(target string) string {
	return "." + filepath.Base(target) + "." + strconv.Itoa(os.Getpid()) + "-*" + tempSuffix
}

// Resolve follows symbolic links from path to the file they name, which
// need not exist yet (a link may point to a file not written yet). A path
// that is not a link is returned as it is.
func Resolve(path string) (string, error) {
	p := path
	for range 40 { // as the kernel's own limit on links in a path
		st, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// RemoveStale deletes the temporary files that writers of path left behind
// when they were killed or crashed between creating and renaming one, and
// returns how many it removed. A temporary file of a writer still running
// is left alone, as is any file not named as Write names them.
func RemoveStale(path string) (int, error) {
	target, err := Resolve(path)
	if err != nil {
		return 0, err
	}
	dir := filepath.Dir(target)
	prefix := "." + filepath.Base(target) + "."
	ents, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return 0, nil
		}
		return 0, err
	}
	removed := 0
	for _, e := range ents {
		n := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(n, prefix) || !strings.HasSuffix(n, tempSuffix) {
			continue
		}
		if pid, ok := writerPID(strings.TrimSuffix(strings.TrimPrefix(n, prefix), tempSuffix)); ok && alive(pid) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, n)); err == nil {
			removed++
		}
	}
	return removed, nil
}

// writerPID reads the process id from the middle of a temporary file's
// name ("1234-5678901"). Names without one were made by versions that did
// not record it; their writers are long gone.
func writerPID(mid string) (int, bool) {
	pidText, _, ok := strings.Cut(mid, "-")
	if !ok {
		return 0, false
	}
	pid, err := strconv.Atoi(pidText)
	return pid, err == nil && pid > 0
}
