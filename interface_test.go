package main

import (
	"errors"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// The interface's loading hands everything back in its result: the
// articles, the loader's error as one line an input (errors.Join's own
// list, not the text split at newlines), the sample flag.
func TestInterfaceLoadHandsOverErrors(t *testing.T) {
	res, _, err := load(nil, config{review: t.TempDir() + "/r.json"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	joined := errors.Join(errors.New("a.txt: no such file"), errors.Join(errors.New("b.txt: binary\nfile"), errors.New("c.txt: empty")))
	d, err := interfaceLoad([]string{"-"}, config{review: t.TempDir() + "/r.json"}, nil, &res, joined)()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.txt: no such file", "b.txt: binary\nfile", "c.txt: empty"}; !slices.Equal(d.Errors, want) {
		t.Errorf("errors %q, want %q", d.Errors, want)
	}
	if d.LoadErr != joined || d.Result == nil || d.Store == nil || len(d.Articles) != len(res.Articles) {
		t.Errorf("data: err %v, result %v, store %v, %d articles", d.LoadErr, d.Result != nil, d.Store != nil, len(d.Articles))
	}
	if d.Sample {
		t.Error("standard input taken for the sample")
	}
	d, err = interfaceLoad(nil, config{review: t.TempDir() + "/r.json"}, nil, nil, nil)()
	if err != nil || !d.Sample {
		t.Errorf("no inputs: err %v, sample %v", err, d.Sample)
	}
	d, err = interfaceLoad([]string{"-"}, config{}, nil, &loader.Result{}, joined)()
	if err == nil || d.LoadErr != joined {
		t.Errorf("nothing loaded: err %v, load error %v", err, d.LoadErr)
	}
}
