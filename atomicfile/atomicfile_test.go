package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// onlyFiles fails unless dir holds exactly these names.
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("folder holds %q, want %q", got, names)
	}
}

func TestWriteReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.json")
	if err := Write(p, []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("new file mode %v, want 0600", st.Mode().Perm())
	}
	os.Chmod(p, 0o640)
	if err := Write(p, []byte("two"), 0o600); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o640 {
		t.Errorf("replaced file mode %v, want the old 0640", st.Mode().Perm())
	}
	if got := read(t, p); got != "two" {
		t.Errorf("content %q", got)
	}
	onlyFiles(t, dir, "r.json")
}

// A symbolic link is written through to its target and stays a link, also
// when the target does not exist yet.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "real"), 0o755)
	target := filepath.Join(dir, "real", "review.json")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(filepath.Join("real", "review.json"), link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a regular file")
	}
	if got := read(t, target); got != "new" {
		t.Errorf("target holds %q, want the new content", got)
	}
	onlyFiles(t, filepath.Join(dir, "real"), "review.json")

	dangling := filepath.Join(dir, "dangling.json")
	os.Symlink(filepath.Join(dir, "real", "later.json"), dangling)
	if err := Write(dangling, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "real", "later.json")); got != "first" {
		t.Errorf("a dangling link's target holds %q", got)
	}
}

// A read-only file is not replaced, even by root (who could rename over it).
func TestWriteRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.json")
	os.WriteFile(p, []byte("keep"), 0o444)
	err := Write(p, []byte("new"), 0o644)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), p) {
		t.Fatalf("read-only file: err %v", err)
	}
	if got := read(t, p); got != "keep" {
		t.Errorf("read-only file changed to %q", got)
	}
	onlyFiles(t, dir, "r.json")
}

func TestWriteNeedsFolder(t *testing.T) {
	dir := t.TempDir()
	err := Write(filepath.Join(dir, "missing", "x.md"), []byte("x"), 0o644)
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("missing folder: err %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Error("the folder was created")
	}
}

// A disk that fills up mid-write: the old file stays whole and no temporary
// file is left. RLIMIT_FSIZE makes the write fail as a full disk would,
// in a child process so that the limit binds only it.
func TestWriteFullDisk(t *testing.T) {
	if os.Getenv("ATOMICFILE_CHILD") == "full" {
		lim := syscall.Rlimit{Cur: 4096, Max: 4096}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			fmt.Println("setrlimit:", err)
			os.Exit(3)
		}
		err := Write(os.Getenv("ATOMICFILE_PATH"), []byte(strings.Repeat("x", 100000)), 0o644)
		fmt.Println("error:", err)
		os.Exit(0)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "r.json")
	os.WriteFile(p, []byte("old"), 0o644)
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriteFullDisk$")
	cmd.Env = append(os.Environ(), "ATOMICFILE_CHILD=full", "ATOMICFILE_PATH="+p)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "error: write") || !strings.Contains(string(out), "file too large") {
		t.Errorf("the failed write was not reported: %s", out)
	}
	if got := read(t, p); got != "old" {
		t.Errorf("old content lost: %d bytes", len(got))
	}
	onlyFiles(t, dir, "r.json")
}

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.json")
	os.WriteFile(p, []byte("x"), 0o644)
	// A dead writer's file (pid 0 names no process we could be), one from a
	// version that wrote no pid, this process's own, and files of others.
	dead := exec.Command("true")
	dead.Run()
	deadPID := dead.Process.Pid
	files := map[string]bool{ // name: should stay
		fmt.Sprintf(".r.json.%d-123.tmp", deadPID):   false,
		".r.json.4242424242.tmp":                     false,
		fmt.Sprintf(".r.json.%d-9.tmp", os.Getpid()): true,
		".other.json.1-1.tmp":                        true,
		"r.json.tmp":                                 true,
		fmt.Sprintf(".r.json.%d-77.tmpx", deadPID):   true,
	}
	for n := range files {
		os.WriteFile(filepath.Join(dir, n), nil, 0o644)
	}
	n, err := RemoveStale(p)
	if err != nil || n != 2 {
		t.Errorf("removed %d, err %v; want 2", n, err)
	}
	for name, stay := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if (err == nil) != stay {
			t.Errorf("%s: present %v, want %v", name, err == nil, stay)
		}
	}
}

// The lock excludes a second holder until it is released, also within one
// process (flock locks belong to an open file, not to a process).
func TestLockExcludes(t *testing.T) {
	p := filepath.Join(t.TempDir(), "r.json")
	l1, err := Acquire(p)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan time.Time)
	go func() {
		l2, err := Acquire(p)
		if err != nil {
			t.Error(err)
		}
		got <- time.Now()
		l2.Release()
	}()
	time.Sleep(100 * time.Millisecond)
	released := time.Now()
	l1.Release()
	if at := <-got; at.Before(released) {
		t.Error("a second holder took the lock while the first held it")
	}
}

// A writer that fails part way through (an export whose rendering breaks
// after 100 kB were written) leaves the old file whole and no temporary
// file, and its error comes back with the path.
func TestWriteFuncFailingFill(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.json")
	os.WriteFile(p, []byte("old"), 0o644)
	broken := errors.New("the template broke")
	err := WriteFunc(p, 0o644, func(w io.Writer) error {
		w.Write([]byte(strings.Repeat("x", 100_000)))
		return broken
	})
	if !errors.Is(err, broken) || !strings.Contains(err.Error(), p) {
		t.Errorf("err %v, want the fill's error with the path", err)
	}
	if got := read(t, p); got != "old" {
		t.Errorf("old content lost: %d bytes", len(got))
	}
	onlyFiles(t, dir, "x.json")
	if err := WriteFunc(p, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, strings.Repeat("y", 200_000)); return err }); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p); len(got) != 200_000 || got[199_999] != 'y' {
		t.Errorf("the new content is %d bytes", len(got))
	}
}

// A file larger than writebackChunk, written in writes of every size, has
// its disk writing started as it goes (writeback) and arrives whole.
func TestWriteFuncLargeFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.json")
	var want []byte
	err := WriteFunc(p, 0o644, func(w io.Writer) error {
		for i := 0; len(want) < 2*writebackChunk+12345; i++ {
			chunk := []byte(strings.Repeat(string(rune('a'+i%26)), 1+i*7919%300_000))
			want = append(want, chunk...)
			if _, err := w.Write(chunk); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, p); got != string(want) {
		t.Errorf("%d bytes read back, %d written, or not the same", len(got), len(want))
	}
}
