package loader

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A saved news page with the furniture real pages carry around an article:
// a lede in a heading tag, a subheading set in bold, a list, a data table, a
// pull quote, a newsletter box with plans and prices, a link to another
// story, a print-edition line, a note about the author and reader comments.
func TestPageFurniture(t *testing.T) {
	data, err := os.ReadFile("testdata/furniture-page.html")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := Parse("furniture-page.html", data, "", "")
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Source != "The Northern Ledger" || a.Title != "Dam breach floods valley towns" || a.Author != "Marta Quinn" {
		t.Errorf("source %q, title %q, author %q", a.Source, a.Title, a.Author)
	}
	if got := a.Published.String(); got != "2023-04-02T09:15:00" {
		t.Errorf("published %q, want the JSON-LD date (in CDATA, without a zone)", got)
	}
	assertParagraphs(t, a, []para{
		{KindTitle, "Dam breach floods valley towns"},
		{KindBody, "Thousands of residents were evacuated"}, // a lede in <h2>
		{KindBody, "Water poured through a breach"},
		{KindSubheading, "What the engineers found"},
		{KindSubheading, "Rescue work"}, // <p><strong>
		{KindBody, "Boil water"},        // list items
		{KindBody, "Stay off flooded roads"},
		{KindBody, "Town | Homes flooded"}, // a table row a line
		{KindBody, "Brennet | 310"},
		{KindBoilerplate, "The spillway was too small for a storm of this size"}, // pull quote
		{KindBody, "Officials said repairs to the dam"},
		{KindBoilerplate, "Sign up for River Notes"},
		{KindBoilerplate, "Monthly"},
		{KindBoilerplate, "$5/month"},
		{KindBoilerplate, "Our best value for a year of local news."},
		{KindBoilerplate, "Forecasters warned of record rain"}, // a link alone
		{KindBoilerplate, "appears in print on"},
		{KindBoilerplate, "Marta Quinn is a staff reporter"},
		{KindBoilerplate, "3 comments on"},
		{KindBoilerplate, "My street in Cask is under a metre of water"},
		{KindBoilerplate, "The council knew about the spillway"},
	})
	assertInvariants(t, a)
}

// htmlBody loads an article whose text is HTML inside a JSON export, which
// the loader reads block by block without readability choosing for it.
func htmlBody(t *testing.T, body string) *Article {
	t.Helper()
	raw, err := json.Marshal(map[string]string{"title": "Test headline", "body": body})
	if err != nil {
		t.Fatal(err)
	}
	arts, err := Parse("a.json", raw, "", "")
	if err != nil {
		t.Fatal(err)
	}
	assertInvariants(t, arts[0])
	return arts[0]
}

func TestHTMLStructure(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []para
	}{
		{"short paragraphs and items stay text",
			`<p>Officials said the toll rose.</p><p>No comment</p><ul><li>Flood warning lifted</li></ul><ol><li>Step one</li></ol>`,
			[]para{{KindBody, "No comment"}, {KindBody, "Flood warning lifted"}, {KindBody, "Step one"}}},
		{"a short line in a styled div is a heading",
			`<div><span>Step 1</span></div><p>Fill the tank to the line, then close the valve.</p>`,
			[]para{{KindSubheading, "Step 1"}, {KindBody, "Fill the tank"}}},
		{"a list item's own words before its sublist",
			`<ul><li>migrated the storage code to the new file API<ul><li>Fixed a crash on start-up</li></ul></li></ul>`,
			[]para{{KindBody, "migrated the storage code"}, {KindBody, "Fixed a crash"}}},
		{"heading tags: headings and ledes",
			`<h2>Villages flattened</h2><h3>Why is the toll so uncertain?</h3><h2>Rescuers searched through the night for survivors trapped under collapsed homes in the mountain villages.</h2>`,
			[]para{{KindSubheading, "Villages flattened"}, {KindSubheading, "Why is the toll"}, {KindBody, "Rescuers searched through the night"}}},
		{"bold paragraph: a heading when short",
			`<p><b>What happens next</b></p><p><strong>The agency said it would publish every report it had received from the inspectors over the last ten years.</strong></p>`,
			[]para{{KindSubheading, "What happens next"}, {KindBody, "The agency said it would publish"}}},
		{"a bold table cell is a header, not a heading",
			`<table><tr><td><p><b>Status</b></p></td><td><p>new</p></td></tr><tr><td><p>Pick up tasks.</p></td></tr></table>`,
			[]para{{KindBody, "Status"}, {KindBody, "new"}, {KindBody, "Pick up tasks."}}},
		{"empty table cells leave no separators",
			`<table><tr><td><img src="a.jpg"></td></tr><tr><td></td><td>Schematic of the valve</td></tr></table>`,
			[]para{{KindBody, "Schematic of the valve"}}},
		{"code",
			`<pre>$ make install</pre>`,
			[]para{{KindBody, "$ make install"}}},
		{"a related box ends with its element",
			`<p>The dam failed on Saturday night.</p><div><h3>Related</h3><ul><li>Flood risk map</li><li>Ageing dams</li></ul></div><p>Repairs will take months, the authority said on Monday.</p>`,
			[]para{{KindBoilerplate, "Related"}, {KindBoilerplate, "Flood risk map"}, {KindBoilerplate, "Ageing dams"}, {KindBody, "Repairs will take months"}}},
		{"a section heading alone in its header goes on over the next elements",
			`<p>The dam failed.</p><div><header><h2>12 Comments</h2><p>Leave a reply</p></header><ol><li><p>Terrible news for everyone in the valley tonight.</p></li></ol></div>`,
			[]para{{KindBoilerplate, "12 Comments"}, {KindBoilerplate, "Terrible news"}}},
		{"a section ends at the next heading of its level",
			`<h2>More from the Ledger</h2><p>Storm season starts early</p><h2>The repairs</h2><p>Engineers will rebuild the spillway first, the authority said.</p>`,
			[]para{{KindBoilerplate, "More from the Ledger"}, {KindBoilerplate, "Storm season"}, {KindSubheading, "The repairs"}, {KindBody, "Engineers will rebuild"}}},
		{"a heading that only starts like a label is a heading",
			`<h2>Share prices fell</h2><p>Shares of the operator fell by a third on Monday morning.</p>`,
			[]para{{KindSubheading, "Share prices fell"}, {KindBody, "Shares of the operator"}}},
		{"an image's credit",
			`<p><img src="a.jpg"></p><p>Jane Roe</p><p><img src="b.jpg"><br><em>Portrait by John Doe</em></p>`,
			[]para{{KindCaption, "Jane Roe"}, {KindCaption, "Portrait by John Doe"}}},
		{"a figure's caption that says what the picture shows is text; its credit is not",
			`<figure><img src="a.jpg"><figcaption>Rescuers dig through the rubble in Varzaqan. (Jane Roe/Courier)</figcaption></figure>` +
				`<figure><img src="b.jpg"><figcaption>Cracked walls (Jane Roe)</figcaption></figure>` +
				`<figure><img src="c.jpg"><figcaption>Jane Roe/Courier</figcaption></figure>` +
				`<figure><img src="d.jpg"><figcaption>John Doe for The Courier</figcaption></figure>` +
				`<figure><img src="e.jpg"><figcaption>Photo by John Doe, courtesy of the family</figcaption></figure>` +
				`<figure><img src="f.jpg"><figcaption>救援人员在震后的村庄废墟中连夜搜救被困居民</figcaption></figure>` +
				`<figure><img src="g.jpg"><figcaption>新华社 王明</figcaption></figure>` +
				`<table><caption>Deaths by province</caption><tr><td>Ahar</td><td>12</td></tr></table>` +
				`<p><img src="h.jpg"></p><p>rescue workers in the rubble</p>`,
			[]para{{KindBody, "Rescuers dig"}, {KindBody, "Cracked walls"}, {KindCaption, "Jane Roe/Courier"}, {KindCaption, "John Doe for"},
				{KindCaption, "Photo by John Doe"}, {KindBody, "救援人员"}, {KindCaption, "新华社"}, {KindCaption, "Deaths by province"}, {KindCaption, "rescue workers"}}},
		{"links to other stories",
			`<p><a href="/other">Five things we learned from the hearing</a></p><p>[<a href="/x">Read: Why the dam failed</a>]</p><p>[Archive photos of the valley]</p><ul><li><a href="/bug/1">Bug 1 – fix the crash on start-up</a></li></ul><p><a href="#s2">Jump to section two</a></p>`,
			[]para{{KindBoilerplate, "Five things"}, {KindBoilerplate, "Read: Why the dam failed"}, {KindBoilerplate, "[Archive photos"}, {KindBody, "Bug 1"}, {KindBody, "Jump to section two"}}},
		{"links set straight in a div, outside any paragraph tag",
			`<div><p>The kit holds a pump, two hoses and a spare valve.</p><a href="/shop">Order one today</a><br><a href="/help/pumps">How pumps work</a></div><div><p>Fit the hoses before the valve.</p><a href="#fit">Fitting it</a></div><div>Ask the <a href="/staff">staff</a> at the desk</div>`,
			[]para{{KindBody, "The kit holds"}, {KindBoilerplate, "Order one today"}, {KindBody, "Fit the hoses"}, {KindSubheading, "Fitting it"}, {KindSubheading, "Ask the staff"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertParagraphs(t, htmlBody(t, tt.body), tt.want)
		})
	}
}

// Paragraphs are typed by their shape in any script: a Chinese or Japanese
// paragraph that ends in "。" is a sentence, not a heading.
func TestScriptShapes(t *testing.T) {
	text := "救援工作仍在继续\n\n地震发生后，救援人员连夜赶到灾区，搜救被困在废墟中的居民。\n\n当地政府表示，目前已有三百多人获救，另有数十人下落不明。\n\n地震の後、救助隊は夜通し被災地に向かい、がれきの下に閉じ込められた住民を捜索した。\n\n¿Cuántas personas siguen desaparecidas?\n"
	arts, err := Parse("zh.txt", []byte(text), "", "")
	if err != nil {
		t.Fatal(err)
	}
	assertParagraphs(t, arts[0], []para{
		{KindTitle, "救援工作仍在继续"},
		{KindBody, "地震发生后"},
		{KindBody, "当地政府表示"},
		{KindBody, "地震の後"},
		{KindBody, "¿Cuántas personas"},
	})
	page := htmlBody(t, `<h2>救援工作仍在继续</h2><p>地震发生后，救援人员连夜赶到灾区。</p><p>[责任编辑：王明]</p><p>原标题：地震救援</p><p>未经授权，不得转载。</p><p>图注：救援人员在废墟中搜救</p>`)
	assertParagraphs(t, page, []para{
		{KindSubheading, "救援工作仍在继续"},
		{KindBody, "地震发生后"},
		{KindBoilerplate, "责任编辑"},
		{KindBoilerplate, "原标题"},
		{KindBoilerplate, "未经授权"},
		{KindCaption, "图注"},
	})
	for _, tt := range []struct {
		text  string
		words int
	}{{"Two quakes struck.", 3}, {"don't U.S.-led", 2}, {"救援工作", 4}, {"DeepMind表示", 3}} {
		if got := wordUnits(tt.text); got != tt.words {
			t.Errorf("wordUnits(%q) = %d, want %d", tt.text, got, tt.words)
		}
	}
}

func TestContentKinds(t *testing.T) {
	tests := []struct {
		text string
		want Kind
	}{
		{"By Nathan Doe March 25, 2015", KindBoilerplate},
		{"Lire aussi : Les critiques de la commission", KindBoilerplate},
		{"Learn More: Five ways to repurpose video", KindBoilerplate},
		{"Comments (74 posted)", KindBoilerplate},
		{"Continue reading the main story", KindBoilerplate},
		{"This article was reprinted on another site.", KindBoilerplate},
		{"Already a subscriber? Log in to continue reading.", KindBoilerplate},
		{"Support our journalism: get unlimited digital access for $1 a week.", KindBoilerplate},
		{"Tech Explained: our series on how gadgets work. Check it out here.", KindBoilerplate},
		{"€60 per year", KindBoilerplate},
		{"***", KindBoilerplate},
		{"山城晚报2023年3月5日08:30", KindBoilerplate}, // a source and its time, as a CJK page sets them
		{"发布时间：2023年3月5日", KindBoilerplate},
		{"2023年3月5日", KindBoilerplate},
		{"大坝决口，2023年3月5日", KindSubheading},           // a heading that ends on a date
		{"河谷三镇被洪水淹没居民连夜撤离2023年3月5日", KindSubheading}, // longer before the date than a label is
		{"Photos by Jane Doe (Agency), John Roe", KindCaption},
		{"JOHN ROE IS THE NETWORK'S POLITICAL EDITOR", KindSubheading}, // a bio only at the end (see markTail)
		{"Netflix said customers can cancel anytime, and that prices would rise in March for every plan it sells in the country, which analysts had expected since the company reported weak subscriber numbers last year and warned investors of a slow year ahead.", KindBody},
	}
	for _, tt := range tests {
		if got := Classify(tt.text, false); got != tt.want {
			t.Errorf("Classify(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
	for text, want := range map[string]bool{
		"Nelson D. Roe has covered economics since 2012. Previously, he wrote about banking.": true,
		"LAURIE ROE IS THE NINE NETWORK POLITICAL EDITOR":                                     true,
		"Jane Doe is a freelance journalist based in Cairo.":                                  true,
		"The mayor is a former reporter who covered city hall for a decade.":                  false,
		"Jane Doe is a nurse in the town's hospital.":                                         false,
	} {
		if got := isAuthorBio(text); got != want {
			t.Errorf("isAuthorBio(%q) = %v, want %v", text, got, want)
		}
	}
	arts, err := Parse("bio.txt", []byte("Quake toll rises\n\nJane Doe is a nurse, and she said the ward was full.\n\nThe toll rose to 300 on Sunday, officials said.\n\nJane Doe is a freelance journalist based in Cairo.\n"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	assertParagraphs(t, arts[0], []para{{KindBody, "Jane Doe is a nurse"}, {KindBody, "The toll rose"}, {KindBoilerplate, "freelance journalist"}})
}

func TestFurnitureHeadings(t *testing.T) {
	for text, want := range map[string]bool{
		"Related": true, "Related stories": true, "More from the Ledger": true, "2 comments on “A title”": true,
		"Comments (3)": true, "Leave a Reply": true, "À lire aussi": true, "Mehr zum Thema": true, "相关新闻": true,
		"Related costs rose sharply in the last quarter": false, "Share prices fell": false, "Moreover": false,
		"Comment is free: a history of op-ed pages": false,
	} {
		if got := isFurnitureHeading(text); got != want {
			t.Errorf("isFurnitureHeading(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestParseDateForms(t *testing.T) {
	for in, want := range map[string]string{
		"2015-10-15T08:00:26+00:00":     "2015-10-15T08:00:26Z",
		"2017-01-18T23:00:00-0800":      "2017-01-18T23:00:00-08:00",
		"2020-11-11 12:00:00.000-0600":  "2020-11-11T12:00:00-06:00",
		"2015-03-17T16:27:40.294Z":      "2015-03-17T16:27:40Z",
		"2019-04-28 06:01:07":           "2019-04-28T06:01:07",
		"2017-11-03 03:01:00.000000":    "2017-11-03T03:01:00",
		"2024-06-25":                    "2024-06-25",
		"2014-05-08T00:55+05":           "2014-05-08T00:55:00+05:00",
		"Fri Mar 13 21:30:09 EST 2015":  "2015-03-13T21:30:09",
		"Mon, 02 Jan 2006 15:04:05 GMT": "2006-01-02T15:04:05Z",
		"Monday, January 2, 2006":       "2006-01-02",
	} {
		dl, ok := ParseDate(in)
		if !ok || dl.String() != want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, dl.String(), ok, want)
		}
	}
	for _, in := range []string{"2015-02-31", "2015-13-01", "2015-01-01T25:00", "yesterday", "2015-01-01T10:00+99:00"} {
		if dl, ok := ParseDate(in); ok {
			t.Errorf("ParseDate(%q) = %v, want none", in, dl)
		}
	}
}

// The published date comes from meta tags, microdata, JSON-LD with or
// without a zone, and the visible date line under the headline.
func TestPageDates(t *testing.T) {
	body := `<body><header><h1>Ledger</h1></header><article><h1>Dam breach floods towns</h1>%s<p>Water poured through a breach in the dam late on Saturday, flooding two towns downstream, officials said on Sunday.</p><p>About 4,000 people were moved to schools and halls on higher ground before the water arrived in the night.</p></article></body>`
	page := func(head, byline string) string {
		return "<html><head><title>Dam breach floods towns | Ledger</title>" + head + "</head>" + strings.Replace(body, "%s", byline, 1) + "</html>"
	}
	tests := []struct {
		name, html, want string
	}{
		{"meta property", page(`<meta property="article:published_time" content="2023-04-02T09:15:00+02:00">`, ""), "2023-04-02T09:15:00+02:00"},
		{"Dublin Core", page(`<meta name="DC.Date.Issued" content="2023-04-02">`, ""), "2023-04-02"},
		{"CMS meta without a colon in the zone", page(`<meta name="publishDate" content="2023-04-02 12:00:00.000-0600">`, ""), "2023-04-02T12:00:00-06:00"},
		{"microdata on a time element", page("", `<time itemprop="datePublished" content="2023-04-02T08:00:00-0800">April 2</time>`), "2023-04-02T08:00:00-08:00"},
		{"microdata in a title attribute", page("", `<abbr itemprop="datePublished" title="2023-04-02T00:55:00-07:00">2 April</abbr>`), "2023-04-02T00:55:00-07:00"},
		{"JSON-LD without a zone", page(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-04-02 06:01:07"}</script>`, ""), "2023-04-02T06:01:07"},
		{"JSON-LD in CDATA", page("<script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":\"BlogPosting\",\"datePublished\":\"2023-04-02\"}\n//]]></script>", ""), "2023-04-02"},
		{"visible date line", page("", `<p class="meta"><em>By</em> Jane Doe</p><p><em>April 2, 2023</em></p>`), "2023-04-02"},
		{"Chinese date line", page("", `<p>新华社2023年4月2日09:15</p>`), "2023-04-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse("a.html", []byte(tt.html), "", "")
			if err != nil {
				t.Fatal(err)
			}
			if got := arts[0].Published.String(); got != tt.want {
				t.Errorf("published %q, want %q", got, tt.want)
			}
		})
	}
	arts, err := Parse("wire.txt", []byte("Feb. 23, 2015 -- Peanut allergies have risen in the past decade, doctors say.\n\nA new study may offer a way to stem the rise.\n"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := arts[0].Published.String(); got != "2015-02-23" {
		t.Errorf("a date opening the lede: published %q", got)
	}
}

func TestSiteNames(t *testing.T) {
	for _, tt := range []struct{ title, headline, h1, want string }{
		{"Dam breach floods towns | The Ledger", "Dam breach floods towns", "", "The Ledger"},
		{"Daily Notes: Dam breach floods towns", "", "Dam breach floods towns", "Daily Notes"},
		{"Dam breach floods towns_Local_Ledger网", "", "Dam breach floods towns", "Ledger网"},
		{"Dam breach floods towns [Ledger]", "", "Dam breach floods towns", "Ledger"},
		{"Analysis - Why the talks failed", "Analysis - Why the talks failed", "", ""},
		{"Dam breach - a long account of the night the river came through the towns", "Dam breach", "", ""},
	} {
		if got := siteFromTitle(tt.title, tt.headline, tt.h1); got != tt.want {
			t.Errorf("siteFromTitle(%q, %q, %q) = %q, want %q", tt.title, tt.headline, tt.h1, got, tt.want)
		}
	}
	// A file gives no outlet's name: the source stays unknown, never the
	// file's name.
	dir := writeFiles(t, map[string]string{"ledger-story.txt": sampleText})
	res, err := Load(context.Background(), []string{filepath.Join(dir, "ledger-story.txt")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := res.Articles[0]; a.Source != "" || a.ID != "ledger-story" {
		t.Errorf("source %q (want none), id %q", a.Source, a.ID)
	}
}

// A news API's truncation marker is removed and reported.
func TestTruncationMarker(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"api.json": `{"articles":[{"title":"Dam breach","source":{"name":"Wire"},"content":"Water poured through a breach in the dam late on Saturday, flooding two towns… [+1873 chars]"},
			{"title":"Other","content":"Rescue boats reached the last families on Sunday."}]}`,
	})
	res, err := Load(context.Background(), []string{filepath.Join(dir, "api.json")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Articles[0]
	last := a.Paragraphs[len(a.Paragraphs)-1].Text
	if !a.Truncated || last != "Water poured through a breach in the dam late on Saturday, flooding two towns…" {
		t.Errorf("truncated %v, last paragraph %q", a.Truncated, last)
	}
	if res.Articles[1].Truncated {
		t.Error("an article without the marker is reported cut")
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "api.json (article 1): the text is cut short") {
		t.Errorf("warnings %q", res.Warnings)
	}
}
