package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// para is an expected paragraph: its kind and a piece of its text.
type para struct {
	kind Kind
	has  string
}

func TestFormats(t *testing.T) {
	tests := []struct {
		file      string
		index     int // which article of the file
		source    string
		title     string
		author    string
		url       string
		published string
		format    Format
		want      []para   // in order, not necessarily adjacent
		absent    []string // text that must not appear in any paragraph
	}{
		{
			file: "quake-news.html", source: "Daily Courier",
			title:     "Two earthquakes strike northwest Iran, killing scores",
			author:    "Sara Haddad",
			url:       "https://www.dailycourier.example/world/iran-quakes",
			published: "2012-08-11T18:42:00+04:30", format: FormatHTML,
			want: []para{
				{KindTitle, "Two earthquakes strike"},
				{KindBody, "TABRIZ, Iran — Two powerful earthquakes"},
				{KindBoilerplate, "ADVERTISEMENT"},
				{KindSubheading, "Villages flattened"},
				{KindBody, "“We have lost everything,” said Reza Mohammadi"},
				{KindBody, "mountains of East Azerbaijan province."},
				{KindBoilerplate, "Read more: Iran coverage"},
			},
			absent: []string{"dataLayer", "Politics", "quakewatcher", "Why is the death toll", "All rights reserved", "min-height", "Search"},
		},
		{
			file: "newsapi-export.json", source: "Wire East", title: "Magnitude 6.4 quake hits Iran's northwest",
			author: "Jon Park", url: "https://wire-east.example/2012/08/11/iran-quake",
			published: "2012-08-11T14:05:00Z", format: FormatJSON,
			want: []para{
				{KindTitle, "Magnitude 6.4"},
				{KindBody, "killing at least 227 people."},
				{KindBody, "according to the USGS."},
				{KindBoilerplate, "Related: Iran's deadliest earthquakes"},
			},
			absent: []string{"urlToImage", "Two quakes struck near Tabriz on Saturday.\n"},
		},
		{
			file: "newsapi-export.json", index: 1, source: "Gulf Times Online",
			title: "Iran quakes: death toll rises to 300", url: "https://gulftimes.example/iran-quakes",
			published: "2012-08-12", format: FormatJSON,
			want:   []para{{KindBody, "rose to 300"}, {KindBody, "About 5,000 people were injured."}},
			absent: []string{"<p>"},
		},
		{
			file: "single-article.json", source: "Tehran Bulletin", title: "Rescuers comb rubble after Iran quakes",
			author: "M. Rahimi", url: "https://bulletin.example/quake", published: "2012-08-12T09:00:00+04:30",
			format: FormatJSON,
			want:   []para{{KindBody, "Rescuers searched"}, {KindBody, "At least 306"}, {KindBody, "Some 3,037"}},
		},
		{
			file: "quake-notes.md", source: "Field Notes", title: "Iran earthquakes: what we know",
			author: "Amir Tehrani, Lena Voss", url: "https://fieldnotes.example/iran", published: "2012-08-12",
			format: FormatMarkdown,
			want: []para{
				{KindTitle, "Iran earthquakes: what we know"},
				{KindBody, "Two earthquakes of magnitude 6.4 and 6.3 struck near Tabriz on Saturday"},
				{KindCaption, "Map of the affected area"},
				{KindSubheading, "Casualties"},
				{KindBody, "At least 250 people were killed, according to state media."},
				{KindBody, "\"We have lost everything,\" a farmer told reporters."},
				{KindBoilerplate, "Read more: our earlier coverage"},
			},
			absent: []string{"**", "](", "wikipedia", "title:", "---", "> "},
		},
		{
			file: "headers.txt", source: "Plains Gazette", title: "Iran quake toll passes 300", author: "Dana Cole",
			url: "https://plains.example/iran", published: "2012-08-12T08:30:00-05:00", format: FormatText,
			want: []para{
				{KindTitle, "Iran quake toll passes 300"},
				{KindBody, "rose past 300 on Sunday"},
				{KindBody, "Gen. Hassan Firouzabadi"},
			},
			absent: []string{"Title:", "Source:", "Author:"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			arts, err := Parse(tt.file, data, "", "")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if tt.index >= len(arts) {
				t.Fatalf("got %d articles, want more than %d", len(arts), tt.index)
			}
			a := arts[tt.index]
			check := func(name, got, want string) {
				if got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			check("Source", a.Source, tt.source)
			check("Title", a.Title, tt.title)
			check("Author", a.Author, tt.author)
			check("URL", a.URL, tt.url)
			check("Published", a.Published.String(), tt.published)
			check("Format", string(a.Format), string(tt.format))
			assertParagraphs(t, a, tt.want)
			for _, p := range a.Paragraphs {
				for _, bad := range tt.absent {
					if strings.Contains(p.Text, bad) {
						t.Errorf("paragraph %d holds %q: %q", p.Index, bad, p.Text)
					}
				}
			}
			assertInvariants(t, a)
		})
	}
}

// assertParagraphs checks that the wanted paragraphs appear in order with their kinds.
func assertParagraphs(t *testing.T, a *Article, want []para) {
	t.Helper()
	i := 0
	for _, w := range want {
		found := false
		for ; i < len(a.Paragraphs); i++ {
			if strings.Contains(a.Paragraphs[i].Text, w.has) {
				found = true
				if a.Paragraphs[i].Kind != w.kind {
					t.Errorf("paragraph %q: kind %s, want %s", a.Paragraphs[i].Text, a.Paragraphs[i].Kind, w.kind)
				}
				i++
				break
			}
		}
		if !found {
			t.Errorf("no paragraph holding %q (in order); paragraphs:\n%s", w.has, dump(a))
		}
	}
}

func dump(a *Article) string {
	var b strings.Builder
	for _, p := range a.Paragraphs {
		b.WriteString("  [" + string(p.Kind) + "] " + p.Text + "\n")
	}
	return b.String()
}
