package review

import (
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/atomicfile"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// A read-only review file: the save fails, says so, and keeps saying so
// until a save succeeds; the file is untouched meanwhile.
func TestSaveFailureReported(t *testing.T) {
	st := newStory()
	path := filepath.Join(t.TempDir(), "r.json")
	s := open(t, path, st.a, st.b)
	d1 := st.res.Discrepancies[0]
	s.Set(d1, Confirmed, "", t0)
	mustSave(t, s)
	before, _ := os.ReadFile(path)
	os.Chmod(path, 0o444)
	s.Set(d1, Dismissed, "changed my mind", t0.Add(time.Minute))
	err := s.Save()
	if !errors.Is(err, atomicfile.ErrReadOnly) || !strings.Contains(err.Error(), path) {
		t.Fatalf("save to a read-only file: err %v", err)
	}
	if !s.Unsaved() || !errors.Is(s.Err(), atomicfile.ErrReadOnly) {
		t.Errorf("after a failed save: unsaved %v, Err %v", s.Unsaved(), s.Err())
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the read-only file changed")
	}
	// Saving again with nothing new still fails: the change is not on disk.
	if err := s.Save(); err == nil {
		t.Error("a second save of the pending change claims success")
	}
	os.Chmod(path, 0o644)
	mustSave(t, s)
	if s.Err() != nil || s.Unsaved() {
		t.Errorf("after a good save: Err %v, unsaved %v", s.Err(), s.Unsaved())
	}
	if got := open(t, path, st.a, st.b).Get(d1); got.Status != Dismissed {
		t.Errorf("the pending change was not written: %+v", got)
	}
}

// A full disk (a file size limit in a child process makes the write fail
// as ENOSPC would): the save reports it and the old review stays whole.
func TestSaveFullDisk(t *testing.T) {
	if os.Getenv("REVIEW_CHILD") == "full" {
		st := newStory()
		s, err := OpenFile(os.Getenv("REVIEW_PATH"), SourcesOf([]*loader.Article{st.a, st.b}))
		if err != nil {
			fmt.Println("open:", err)
			os.Exit(3)
		}
		s.Set(st.res.Discrepancies[0], Dismissed, strings.Repeat("a long note ", 300), t0.Add(time.Hour))
		lim := syscall.Rlimit{Cur: 2048, Max: 2048}
		syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim)
		err = s.Save()
		fmt.Printf("save: %v\nunsaved: %v\n", err, s.Unsaved())
		os.Exit(0)
	}
	st := newStory()
	path := filepath.Join(t.TempDir(), "r.json")
	s := open(t, path, st.a, st.b)
	s.Set(st.res.Discrepancies[0], Confirmed, "short", t0)
	mustSave(t, s)
	before, _ := os.ReadFile(path)
	cmd := exec.Command(os.Args[0], "-test.run=^TestSaveFullDisk$")
	cmd.Env = append(os.Environ(), "REVIEW_CHILD=full", "REVIEW_PATH="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "save: save review: write "+path) || !strings.Contains(string(out), "file too large") || !strings.Contains(string(out), "unsaved: true") {
		t.Errorf("the failed save was not reported:\n%s", out)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the review changed on a failed save")
	}
	onlyReview(t, filepath.Dir(path), "r.json")
}

// onlyReview fails when dir holds anything but the review and its lock.
func onlyReview(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		n := e.Name()
		if !slices.Contains(names, n) && !strings.HasSuffix(n, ".lock") {
			t.Errorf("left in the folder: %s", n)
		}
	}
}

// A review file that is a symbolic link stays one: its target gets the
// verdicts.
func TestSaveThroughSymlink(t *testing.T) {
	st := newStory()
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "sync"), 0o755)
	target := filepath.Join(dir, "sync", "story.json")
	link := filepath.Join(dir, "r.json")
	os.Symlink(target, link)
	s := open(t, link, st.a, st.b)
	s.Set(st.res.Discrepancies[0], Confirmed, "via the link", t0)
	mustSave(t, s)
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	if got := open(t, target, st.a, st.b).Get(st.res.Discrepancies[0]); got.Note != "via the link" {
		t.Errorf("the target holds %+v", got)
	}
}

// Killed in the middle of saves, a hundred times: opening the review
// removes every temporary file left, and the review is whole.
func TestKilledSavesLeaveNothing(t *testing.T) {
	if os.Getenv("REVIEW_CHILD") == "loop" {
		st := newStory()
		s, err := OpenFile(os.Getenv("REVIEW_PATH"), SourcesOf([]*loader.Article{st.a, st.b}))
		if err != nil {
			os.Exit(3)
		}
		fmt.Println("ready")
		for i := 0; ; i++ {
			s.Set(st.res.Discrepancies[i%2], Confirmed, strings.Repeat("n", 200000+i), t0.Add(time.Duration(i)*time.Second))
			s.Save()
		}
	}
	st := newStory()
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	rng := rand.New(rand.NewSource(1))
	kills := 100
	if testing.Short() {
		kills = 20
	}
	leftBehind := 0
	for i := 0; i < kills; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledSavesLeaveNothing$")
		cmd.Env = append(os.Environ(), "REVIEW_CHILD=loop", "REVIEW_PATH="+path)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 6)
		out.Read(buf) // "ready": the child is saving
		time.Sleep(time.Duration(rng.Intn(20)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		leftBehind += countTemps(dir)
		s := open(t, path, st.a, st.b) // opening cleans
		if n := countTemps(dir); n != 0 {
			t.Fatalf("kill %d: %d temporary files remain after opening", i, n)
		}
		_ = s
	}
	t.Logf("%d kills left %d temporary files, all removed on opening", kills, leftBehind)
	if leftBehind == 0 {
		t.Log("no kill landed mid-write this run")
	}
	if _, err := OpenFile(path, SourcesOf([]*loader.Article{st.a, st.b})); err != nil {
		t.Fatalf("the review is not whole: %v", err)
	}
}

func countTemps(dir string) int {
	ents, _ := os.ReadDir(dir)
	n := 0
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			n++
		}
	}
	return n
}

// Two processes on one review, each giving verdicts and saving after each
// one, at the same time: the file ends with every verdict of both.
func TestTwoProcessesMerge(t *testing.T) {
	arts := func() ([]*loader.Article, []compare.Discrepancy) {
		a, b := article("wire"), article("courier")
		var discs []compare.Discrepancy
		for i := range 30 {
			a.Paragraphs = append(a.Paragraphs, loader.Paragraph{Index: i, Kind: loader.KindBody, Text: fmt.Sprintf("In district %d, %d homes burned.", i, i+100)})
			b.Paragraphs = append(b.Paragraphs, loader.Paragraph{Index: i, Kind: loader.KindBody, Text: fmt.Sprintf("In district %d, %d homes burned.", i, i+300)})
			discs = append(discs, finding(fmt.Sprintf("d%d", i+1), compare.KindNumber,
				claim(a, i, fmt.Sprintf("%d homes burned", i+100)), claim(b, i, fmt.Sprintf("%d homes burned", i+300))))
		}
		return []*loader.Article{a, b}, discs
	}
	if w := os.Getenv("REVIEW_WRITER"); w != "" {
		as, discs := arts()
		s, err := OpenFile(os.Getenv("REVIEW_PATH"), SourcesOf(as))
		if err != nil {
			fmt.Println(err)
			os.Exit(3)
		}
		n, _ := strconv.Atoi(w)
		for i := n; i < len(discs); i += 2 {
			s.Set(discs[i], Confirmed, "writer "+w, time.Now())
			if err := s.Save(); err != nil {
				fmt.Println(err)
				os.Exit(4)
			}
		}
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "r.json")
	var cmds []*exec.Cmd
	for w := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTwoProcessesMerge$")
		cmd.Env = append(os.Environ(), "REVIEW_WRITER="+strconv.Itoa(w), "REVIEW_PATH="+path)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("writer: %v", err)
		}
	}
	as, discs := arts()
	s := open(t, path, as...)
	s.Attach(&compare.Result{Discrepancies: discs})
	for i, d := range discs {
		if e := s.Get(d); e.Note != "writer "+strconv.Itoa(i%2) {
			t.Errorf("%s: %+v", d.ID, e)
		}
	}
}
