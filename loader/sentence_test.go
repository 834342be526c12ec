package loader

import (
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"country abbreviation", "U.S. military forces launched strikes. The Pentagon confirmed it.",
			[]string{"U.S. military forces launched strikes.", "The Pentagon confirmed it."}},
		{"city abbreviation", "The Pentagon in Washington, D.C. said so. Then it stopped.",
			[]string{"The Pentagon in Washington, D.C. said so.", "Then it stopped."}},
		{"rank before a name", "Navy Cmdr. Jessica McNulty spoke. Gen. Mark Milley agreed.",
			[]string{"Navy Cmdr. Jessica McNulty spoke.", "Gen. Mark Milley agreed."}},
		{"plural title", "He told Sens. Dick Durbin and Dianne Feinstein so. They left.",
			[]string{"He told Sens. Dick Durbin and Dianne Feinstein so.", "They left."}},
		{"state abbreviation", "He lives in Fresno, Calif. He moved there in 2010.",
			[]string{"He lives in Fresno, Calif.", "He moved there in 2010."}},
		{"state abbreviation mid-sentence", "The Fresno, Calif. Highway Patrol said no.",
			[]string{"The Fresno, Calif. Highway Patrol said no."}},
		{"month before a day", "The attacks of Sept. 11 changed it. Nobody forgot.",
			[]string{"The attacks of Sept. 11 changed it.", "Nobody forgot."}},
		{"time of day", "It began at 6 p.m. Eastern time. It ended at 7 a.m. The next day was calm.",
			[]string{"It began at 6 p.m. Eastern time.", "It ended at 7 a.m.", "The next day was calm."}},
		{"number sign", "Resolution No. 5 passed. It was late.",
			[]string{"Resolution No. 5 passed.", "It was late."}},
		{"initials", "Lawrence J. Korb told Al Jazeera. He was clear.",
			[]string{"Lawrence J. Korb told Al Jazeera.", "He was clear."}},
		{"decimals", "A magnitude 5.9 quake hit. Another, of 6.1, followed.",
			[]string{"A magnitude 5.9 quake hit.", "Another, of 6.1, followed."}},
		{"quote spanning sentences", `"We will act. We have acted," Kirby said. "It is done."`,
			[]string{`"We will act.`, `We have acted," Kirby said.`, `"It is done."`}},
		{"curly quotes", "“I think so.” She left.", []string{"“I think so.”", "She left."}},
		{"question and exclamation", "Who did it? Nobody knows! Yet.", []string{"Who did it?", "Nobody knows!", "Yet."}},
		{"ellipsis then lower case", "He paused... and went on. Done.", []string{"He paused... and went on.", "Done."}},
		{"ellipsis then capital", "He paused... Then he went on.", []string{"He paused...", "Then he went on."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range SplitSentences(tt.in) {
				got = append(got, tt.in[s.Start:s.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{"U.S. forces. The end.", "“Quote.” He said.", "a... B", "Gen. X", " ", "é. É."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range SplitSentences(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v in %q (len %d, prev %d)", sp, s, len(s), prev)
			}
			prev = sp.End
		}
	})
}

// The one-sentence shortcut gives what the iterator gives, on every
// paragraph of the bundled sample and of the evaluation articles beside the
// repository, and on shapes at its edges.
func TestOneSentenceAsTheIterator(t *testing.T) {
	texts := []string{"", " ", "A headline", "One sentence.", "Is it?\" ", "Yes!)]  ", "Two. Sentences.", "U.S. forces struck.", "a\nb.", "Ends with an ellipsis...", "Quoted \"end.\"", "tab\tinside.", "(aside.) more"}
	for _, a := range loadSeeds(t) {
		for _, p := range a.Paragraphs {
			texts = append(texts, p.Text)
		}
	}
	paths, _ := filepath.Glob("../../shared/eval/*/*/articles/*.txt")
	more, _ := filepath.Glob("../../shared/eval/news-dev/*/*.txt")
	if res, err := Load(t.Context(), append(paths, more...), Options{}); err == nil || len(res.Articles) > 0 {
		for _, a := range res.Articles {
			for _, p := range a.Paragraphs {
				texts = append(texts, p.Text)
			}
		}
	}
	short := 0
	for _, text := range texts {
		if !oneSentence(text) {
			continue
		}
		short++
		if want, got := splitUAX(text), SplitSentences(text); !slices.Equal(got, want) {
			t.Errorf("%q: shortcut %v, iterator %v", text, got, want)
		}
	}
	t.Logf("the shortcut took %d of %d texts", short, len(texts))
	if short < 5 {
		t.Errorf("the shortcut took %d of %d texts", short, len(texts))
	}
}
