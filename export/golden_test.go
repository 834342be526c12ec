package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata (read them before committing)")

// The JSON export's contract, pinned on a comparison built by hand (the
// engine's own output changes as it is rewritten): every field of
// ../shared/docs/EXPORT-JSON.md and every added one, in order. A change
// here is a change of the contract: add fields, never rename or drop one
// without raising the version.
func TestJSONGolden(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, handDoc(t)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "handdoc.json")
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -run JSONGolden -update, then read the file)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("the JSON export differs from %s; if the change is meant, run with -update and read the diff:\n%s", path, b.String())
	}
}
