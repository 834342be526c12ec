package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// The reviewer's workbench in the interface (issue 13): which source is
// right and the evidence link, findings recorded by hand, topic fixes, the
// fact table, the timeline and the review sheet; each tried by keys as a
// reviewer would, and each checked in the review file it leaves.

// reopen is the review file of d read again, as the next run reads it.
func reopen(t *testing.T, d Data) *review.Store {
	t.Helper()
	s, err := review.Load(d.Store.Path, review.Key(d.Articles), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRightAndEvidence(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 160, 45)
	press(m, "]", "r")
	if m.mode != modeRight || !strings.Contains(m.status, "1 Northern Ledger") || !strings.Contains(m.status, "u unresolved") {
		t.Fatalf("r: mode %d, prompt %q", m.mode, m.status)
	}
	// d1's sides: the 4 of ledger-0311, then the 6 of ledger-0312 that
	// differs, then the courier's 4.
	press(m, "2")
	d1 := d.Result.Discrepancies[0]
	if got := d.Store.Get(d1).Right; got != "ledger-0312" {
		t.Fatalf("2: right %q, want ledger-0312", got)
	}
	if s := screenText(m); !strings.Contains(s, "right: Northern Ledger, 12 Mar 18:00") {
		t.Errorf("the source named right is not in the detail panel:\n%s", s)
	}
	// A link that is not http(s) is refused and the line stays open.
	press(m, "L")
	typeText(m, "javascript:alert(1)")
	press(m, "enter")
	if m.mode != modeEvidence || m.inputErr == "" || d.Store.Get(d1).Evidence != "" {
		t.Fatalf("javascript: link: mode %d, error %q, saved %q", m.mode, m.inputErr, d.Store.Get(d1).Evidence)
	}
	press(m, "esc", "L")
	typeText(m, "https://civil-protection.example/toll")
	press(m, "enter")
	if got := d.Store.Get(d1).Evidence; got != "https://civil-protection.example/toll" {
		t.Fatalf("evidence %q", got)
	}
	if !strings.Contains(screenText(m), "evidence: https://civil-protection.example/toll") {
		t.Error("the evidence link is not in the detail panel")
	}
	// Unresolved, then undo twice: the link goes, the right source comes
	// back.
	press(m, "r", "u")
	if got := d.Store.Get(d1).Right; got != review.Unresolved {
		t.Fatalf("r u: right %q", got)
	}
	press(m, "u")
	if got := d.Store.Get(d1).Right; got != "ledger-0312" {
		t.Errorf("undo: right %q, want ledger-0312 again", got)
	}
	again := reopen(t, d)
	if e := again.Get(d1); e.Right != "ledger-0312" || e.Evidence != "https://civil-protection.example/toll" {
		t.Errorf("saved verdict: %+v", e)
	}
}

// ownFinding records a finding on "Tuesday" in the first two sources that
// say it, by search and m, of kind time.
func ownFinding(t *testing.T, m *Model, note string) {
	t.Helper()
	press(m, "/")
	typeText(m, "Tuesday")
	press(m, "enter", "m", "n", "m")
	if m.mode != modeMark || len(m.marks) != 2 {
		t.Fatalf("marking: mode %d, %d marks, status %q", m.mode, len(m.marks), m.status)
	}
	if !strings.Contains(screenText(m), "enter records the finding") {
		t.Error("the status does not say how to record the marked words")
	}
	press(m, "enter")
	if m.mode != modeKind {
		t.Fatalf("enter: mode %d, status %q", m.mode, m.status)
	}
	press(m, "t")
	typeText(m, note)
	press(m, "enter")
}

func TestOwnFindingRecordedShownAndPlacedAgain(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 160, 45)
	engine := len(d.Result.Discrepancies)
	ownFinding(t, m, "the day of the flood is Tuesday in both, but the hour is not")
	if m.mode != modeNormal || m.disc < 0 || !m.doc.own[m.disc] {
		t.Fatalf("recorded: mode %d, selected %d, status %q", m.mode, m.disc, m.status)
	}
	if n := len(m.doc.res.Discrepancies); n != engine+1 {
		t.Errorf("%d findings shown, want the engine's %d and the reviewer's", n, engine)
	}
	d6 := m.doc.res.Discrepancies[m.disc]
	if d6.ID != "r1" || d6.Kind != compare.KindTime || len(d6.Claims) != 2 {
		t.Fatalf("the reviewer's finding: %+v", d6)
	}
	for _, c := range d6.Claims {
		if c.Text != "Tuesday" {
			t.Errorf("claim %q, want the marked word", c.Text)
		}
	}
	s := screenText(m)
	for _, want := range []string{"✎ yours", "r1 TIME", "the day of the flood is Tuesday", "✎ 1 yours"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q", want)
		}
	}
	// A verdict on it, then the next run: the finding is placed again by
	// its words, with its verdict.
	press(m, "c")
	d2 := d
	d2.Store = reopen(t, d)
	d2.Result = fixResult(d2.Articles)
	m2 := newModel(t, d2, 160, 45)
	var found *compare.Discrepancy
	for i := range m2.doc.res.Discrepancies {
		if m2.doc.own[i] {
			found = &m2.doc.res.Discrepancies[i]
		}
	}
	if found == nil || found.Claims[0].Text != "Tuesday" || d2.Store.Get(*found).Status != review.Confirmed {
		t.Fatalf("reopened: the reviewer's finding %+v", found)
	}
	// D takes it back, u gives it back.
	press(m, "D")
	if len(m.doc.res.Discrepancies) != engine || len(d.Store.Own()) != 0 {
		t.Fatalf("D: %d findings, %d of the reviewer's", len(m.doc.res.Discrepancies), len(d.Store.Own()))
	}
	press(m, "u")
	if len(m.doc.res.Discrepancies) != engine+1 || m.disc < 0 || !m.doc.own[m.disc] {
		t.Errorf("u after D: %d findings, selected %d", len(m.doc.res.Discrepancies), m.disc)
	}
}

// A search while marking words comes back to the marks, its match ready
// for m.
func TestSearchWhileMarking(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 160, 45)
	press(m, "m", "/")
	typeText(m, "Tuesday")
	press(m, "enter")
	if m.mode != modeMark || len(m.marks) != 1 {
		t.Fatalf("after the search: mode %d, %d marks", m.mode, len(m.marks))
	}
	press(m, "m", "n", "m")
	if len(m.marks) != 2 || m.spanText(m.marks[0]) != "Tuesday" || m.spanText(m.marks[1]) != "Tuesday" {
		t.Fatalf("marks %+v", m.marks)
	}
	press(m, "/", "esc")
	if m.mode != modeMark || len(m.marks) != 2 {
		t.Errorf("esc from the search: mode %d, %d marks", m.mode, len(m.marks))
	}
}

func TestOwnFindingNeedsTwoSources(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 160, 45)
	press(m, "m", "enter")
	if m.mode != modeMark || !m.statusErr || !strings.Contains(m.status, "another source") {
		t.Errorf("one mark then enter: mode %d, status %q", m.mode, m.status)
	}
	press(m, "esc")
	if m.mode != modeNormal || len(m.marks) != 0 || len(d.Store.Own()) != 0 {
		t.Errorf("esc: mode %d, %d marks, %d findings", m.mode, len(m.marks), len(d.Store.Own()))
	}
}

// sharesTopic says whether two paragraphs are members of one topic.
func sharesTopic(r *compare.Result, a, b compare.Ref) bool {
	for _, tp := range r.Topics {
		if slices.Contains(tp.Members, a) && slices.Contains(tp.Members, b) {
			return true
		}
	}
	return false
}

// engineWait is how long a test waits for the engine's re-comparison of
// the bundled sample.
const engineWait = 20 * time.Second

func TestTopicFixMoveAppliedAndReopened(t *testing.T) {
	d := seedData(t)
	m := newModel(t, d, 160, 45)
	press(m, "p")
	if m.mode != modeFix || m.fix.para.Source == "" {
		t.Fatalf("p: mode %d, paragraph %+v, status %q", m.mode, m.fix.para, m.status)
	}
	para := m.fix.para
	press(m, "m")
	if m.mode != modePickTopic || m.topic < 0 {
		t.Fatalf("m: mode %d, topic %d", m.mode, m.topic)
	}
	if slices.Contains(m.doc.res.Topics[m.topic].Members, para) {
		t.Fatalf("the first topic offered already holds %+v", para)
	}
	// The move pins the paragraph to the target's first member of another
	// source (applyPick). A paragraph may stand in several topics, so the
	// target is chosen by rule, not by place: the first topic offered, on
	// from the one } gives, whose such member shares no topic with it yet.
	partner := func() compare.Ref {
		for _, r := range m.doc.res.Topics[m.topic].Members {
			if r.Source != para.Source {
				return r
			}
		}
		return compare.Ref{}
	}
	for range m.doc.res.Topics {
		if w := partner(); w.Source != "" && !sharesTopic(m.doc.res, para, w) && !slices.Contains(m.doc.res.Topics[m.topic].Members, para) {
			break
		}
		press(m, "}")
	}
	with := partner()
	if with.Source == "" || sharesTopic(m.doc.res, para, with) {
		t.Fatalf("no topic to move %+v to: every one's first member of another source shares a topic with it", para)
	}
	if m.mode != modePickTopic {
		t.Fatalf("} while choosing: mode %d", m.mode)
	}
	_, cmd := m.Update(keyMsg("enter"))
	runFor(m, cmd, engineWait)
	if m.recomputing {
		t.Fatal("the re-comparison did not come back")
	}
	if !sharesTopic(m.doc.res, para, with) {
		t.Errorf("after the move %+v and %+v share no topic", para, with)
	}
	if !strings.Contains(m.status, "moved ¶") || !strings.Contains(screenText(m), "1 topic fix") {
		t.Errorf("status %q, header %q", m.status, strings.Split(screenText(m), "\n")[0])
	}
	// The next run compares with the review's pins.
	again := reopen(t, d)
	if fs := again.Fixes(d.Articles); len(fs) != 1 || fs[0].Op != review.FixMove || fs[0].Unapplied != 0 {
		t.Fatalf("saved fixes: %+v", fs)
	}
	if !sharesTopic(review.Compare(d.Articles, again), para, with) {
		t.Error("reopened: the move is not applied")
	}
	// Undo from the review sheet: the paragraphs part again.
	press(m, "R")
	for i, l := range m.reviewLines() {
		if l.fix != "" {
			m.sheetRow = i
		}
	}
	_, cmd = m.Update(keyMsg("d"))
	runFor(m, cmd, engineWait)
	if sharesTopic(m.doc.res, para, with) || len(d.Store.Fixes(nil)) != 0 {
		t.Errorf("d in the review sheet did not undo the move")
	}
}

func TestTopicFixSplitJoinExclude(t *testing.T) {
	d := seedData(t)
	m := newModel(t, d, 160, 45)
	// Split the first topic of several members: its first member apart.
	press(m, "}")
	for len(m.doc.res.Topics[m.topic].Members) < 3 {
		press(m, "}")
	}
	members := slices.Clone(m.doc.res.Topics[m.topic].Members)
	press(m, "p", "s")
	if m.mode != modeSplit || !strings.Contains(screenText(m), "SPLIT") {
		t.Fatalf("p s: mode %d", m.mode)
	}
	press(m, "space")
	_, cmd := m.Update(keyMsg("enter"))
	runFor(m, cmd, engineWait)
	for _, r := range members[1:] {
		if sharesTopic(m.doc.res, members[0], r) {
			t.Errorf("after the split %+v still shares a topic with %+v", members[0], r)
		}
	}
	// Join two topics the split has no part in: the split's pins keep its
	// first member apart from the rest, which a join of the two parts
	// would ask to undo. The topics are chosen by rule, not by place: the
	// first after the selected one that holds no member of the topic split,
	// and the first such topic offered after it.
	press(m, "esc", "esc")
	outsideSplit := func() bool {
		return !slices.ContainsFunc(m.doc.res.Topics[m.topic].Members, func(r compare.Ref) bool { return slices.Contains(members, r) })
	}
	for range m.doc.res.Topics {
		press(m, "}")
		if outsideSplit() {
			break
		}
	}
	from := m.topic
	a := m.doc.res.Topics[m.topic].Members[0]
	press(m, "p", "j")
	if m.mode != modePickTopic {
		t.Fatalf("p j: mode %d", m.mode)
	}
	for range m.doc.res.Topics {
		if m.topic != from && outsideSplit() {
			break
		}
		press(m, "}")
	}
	if !outsideSplit() || m.topic == from {
		t.Fatalf("no two topics outside the split to join")
	}
	var b compare.Ref // the member the join pins a to: of another source
	for _, r := range m.doc.res.Topics[m.topic].Members {
		if r.Source != a.Source {
			b = r
			break
		}
	}
	_, cmd = m.Update(keyMsg("enter"))
	runFor(m, cmd, engineWait)
	if !sharesTopic(m.doc.res, a, b) {
		t.Errorf("after the join %+v and %+v share no topic", a, b)
	}
	// Leave the focused source out.
	press(m, "3")
	id := m.doc.sources[m.focus].art.ID
	press(m, "p", "x", "n")
	if len(d.Store.Fixes(nil)) != 2 {
		t.Fatalf("p x then n made a fix")
	}
	press(m, "p", "x")
	_, cmd = m.Update(keyMsg("y"))
	runFor(m, cmd, engineWait)
	if !slices.Contains(m.doc.res.Excluded, id) || !strings.Contains(screenText(m), "1 left out") {
		t.Errorf("excluded %v, want %s; header %q", m.doc.res.Excluded, id, strings.Split(screenText(m), "\n")[0])
	}
	// The review sheet names the source left out as people do, not by
	// its id (it has no pane left to take a name from).
	press(m, "R")
	if name := m.leftOutName(id); name == id || !strings.Contains(screenText(m), name) {
		t.Errorf("the review sheet does not name the source left out (%q):\n%s", name, screenText(m))
	}
	again := reopen(t, d)
	if r := review.Compare(d.Articles, again); !slices.Contains(r.Excluded, id) || len(again.Fixes(nil)) != 3 {
		t.Errorf("reopened: excluded %v, %d fixes", r.Excluded, len(again.Fixes(nil)))
	}
}

// tableData is the fixture with a fact table: the toll (answered by all,
// set against each other by d1), the hour the river burst (two sources),
// the schools (one source).
func tableData(t *testing.T) Data {
	d := fixtureData(t)
	r := d.Result
	r.Facts = append(r.Facts, compare.Fact{ID: "f11", Kind: compare.FactQuantity, Span: fixSpan(d.Articles, "ledger-0312", 3, "Schools across the district"),
		Value: "schools closed", Key: "closed|schools", Label: "schools closed"})
	r.Table = []compare.Row{
		{Key: "killed|people", Label: "people killed", Disagree: true, Cells: []compare.Cell{{Source: "ledger-0311", Value: "4 people killed", Facts: []string{"f1"}},
			{Source: "ledger-0312", Value: "6 people killed", Facts: []string{"f2"}}, {Source: "valley-courier", Value: "4 people killed", Facts: []string{"f3"}},
			{Source: "9f2c4e1a7b3d5c60", Value: "4 people killed", Facts: []string{"f4"}}}},
		{Key: "when|burst", Label: "when the river burst", Cells: []compare.Cell{{Source: "ledger-0311", Value: "03:00", Facts: []string{"f5"}},
			{Source: "ledger-0312", Value: "04:00", Facts: []string{"f6"}}}},
		{Key: "closed|schools", Label: "schools closed", Cells: []compare.Cell{{Source: "ledger-0312", Value: "schools closed", Facts: []string{"f11"}}}},
	}
	return d
}

func TestFactTableSheet(t *testing.T) {
	d := tableData(t)
	m := newModel(t, d, 160, 45)
	press(m, "T")
	s := screenText(m)
	for _, want := range []string{"fact table · 3 rows", "people killed", "6 people killed", "when the river burst", "schools closed"} {
		if !strings.Contains(s, want) {
			t.Errorf("the table lacks %q:\n%s", want, s)
		}
	}
	lines := strings.Split(s, "\n")
	row := func(label string) string {
		for _, l := range lines {
			if strings.Contains(l, label) && !strings.Contains(l, "fact table") {
				return l
			}
		}
		return ""
	}
	// The marks: the toll set against itself by d1 (!) and differing (≠);
	// the hour differs; the schools are one source's.
	if r := row("people killed"); !strings.HasPrefix(strings.TrimLeft(r, " "), "!≠") {
		t.Errorf("toll row %q: want ! and ≠", r)
	}
	if r := row("when the river"); !strings.HasPrefix(strings.TrimLeft(r, " "), "!≠") {
		t.Errorf("hour row %q: want ! (d2 claims its cells) and ≠", r)
	}
	if r := row("schools closed"); !strings.Contains(r, " 1 ") || strings.Count(r, "·") != 3 {
		t.Errorf("schools row %q: want 1 and three silent cells", r)
	}
	// The cursor's cell in full, then enter: its claim selected in its pane.
	press(m, "j", "l")
	if s := screenText(m); !strings.Contains(s, "“around 4 a.m.” → 04:00") {
		t.Errorf("the cell line does not show the claim:\n%s", s)
	}
	press(m, "enter")
	if m.sheet != sheetNone || m.focus != 1 || m.fact.idx < 0 || m.doc.sources[1].facts[m.fact.idx].span != fixSpan(d.Articles, "ledger-0312", 1, "around 4 a.m.") {
		t.Errorf("enter: sheet %d, focus %d, fact %+v", m.sheet, m.focus, m.fact)
	}
	// A silent cell says so.
	press(m, "T", "j", "j", "h")
	press(m, "enter")
	if m.sheet != sheetTable || !strings.Contains(m.status, "does not answer") {
		t.Errorf("enter on a silent cell: sheet %d, status %q", m.sheet, m.status)
	}
	for _, size := range [][2]int{{80, 24}, {40, 12}, {240, 60}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkScreen(t, m)
	}
}

func TestTimelineTiesAndOrder(t *testing.T) {
	d := fixtureData(t)
	m := newModel(t, d, 160, 45)
	press(m, "P")
	s := screenText(m)
	// The courier gives 11 March without an hour: it cannot be told from
	// the morning ledger, and both come first; the evening ledger third;
	// the undated source last.
	i1, i2 := strings.Index(s, "1.  11 Mar 2031 06:10 UTC"), strings.Index(s, "1.  11 Mar 2031 · ")
	i3, i4 := strings.Index(s, "3.  12 Mar 2031 18:00"), strings.Index(s, "date unknown")
	if i1 < 0 || i2 < 0 || i3 < 0 || i4 < 0 || i1 > i3 || i2 > i3 || i3 > i4 || !strings.Contains(s, "the day of the first") {
		t.Errorf("timeline (positions %d %d %d %d):\n%s", i1, i2, i3, i4, s)
	}
	if !strings.Contains(s, "1 day after the first") {
		t.Errorf("the evening ledger's gap is not said by days (the first has no hour):\n%s", s)
	}
	press(m, "j", "j", "enter")
	if m.sheet != sheetNone || m.focus != 1 { // the third line: the evening ledger
		t.Errorf("enter on the third line: sheet %d, focus %d", m.sheet, m.focus)
	}
	// Each pane's date says its place.
	if h := screenText(m); !strings.Contains(h, "(1st") || !strings.Contains(h, "(3rd") {
		t.Errorf("the panes' dates lack their places:\n%s", h)
	}
}

func TestReviewSheetListsOrphansAndChanges(t *testing.T) {
	d := fixtureData(t)
	gone := compare.Discrepancy{ID: "d9", Kind: compare.KindNumber, Summary: "a count the engine no longer finds",
		Claims: []compare.Claim{{Span: compare.Span{Source: "ledger-0311", Paragraph: 4}, Text: "Brekke, Hollin and Ostvik teams", Value: "3 teams"},
			{Span: compare.Span{Source: "ledger-0312", Paragraph: 2}, Text: "Brekke and Hollin teams", Value: "2 teams"}}}
	if err := d.Store.SetVerdict(gone, review.Verdict{Status: review.Dismissed, Right: "ledger-0312", Note: "kept whatever the engine says"}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	m := newModel(t, d, 160, 45)
	if !strings.Contains(m.status, "1 verdict matches no finding") {
		t.Errorf("opening status %q does not say a verdict matches no finding", m.status)
	}
	if !strings.Contains(screenText(m), "1 orphaned") {
		t.Errorf("header lacks the orphan: %q", strings.Split(screenText(m), "\n")[0])
	}
	press(m, "R")
	s := screenText(m)
	for _, want := range []string{"verdicts that match no finding (1)", "a count the engine no longer finds", "kept whatever the engine says", "Northern Ledger"} {
		if !strings.Contains(s, want) {
			t.Errorf("review sheet lacks %q:\n%s", want, s)
		}
	}
	press(m, "esc")
	if m.sheet != sheetNone {
		t.Error("esc did not close the review sheet")
	}
}

// An article edited since the review: said at opening and in the sheet.
func TestArticleChangedSinceReview(t *testing.T) {
	d := fixtureData(t)
	first, err := review.OpenFile(d.Store.Path, review.SourcesOf(d.Articles))
	if err != nil {
		t.Fatal(err)
	}
	d.Store = first
	m := newModel(t, d, 160, 45)
	press(m, "]", "c")
	arts := fixArts()
	arts[1].Paragraphs[3].Text += " Bus services resumed on Thursday."
	arts[1].Paragraphs[3].Sentences = []loader.Sentence{{Start: 0, End: len(arts[1].Paragraphs[3].Text)}}
	st, err := review.OpenFile(d.Store.Path, review.SourcesOf(arts))
	if err != nil {
		t.Fatal(err)
	}
	m2 := newModel(t, Data{Articles: arts, Result: fixResult(arts), Store: st}, 160, 45)
	if !strings.Contains(m2.status, "since the review") || !strings.Contains(screenText(m2), "1 article changed") {
		t.Errorf("status %q, header %q", m2.status, strings.Split(screenText(m2), "\n")[0])
	}
	press(m2, "R")
	if !strings.Contains(screenText(m2), "articles changed since the review") {
		t.Errorf("review sheet lacks the change:\n%s", screenText(m2))
	}
}

func TestPluralOfWordsInY(t *testing.T) {
	for word, want := range map[string]string{"day": "2 days", "discrepancy": "2 discrepancies", "key": "2 keys", "source": "2 sources"} {
		if got := plural(2, word); got != want {
			t.Errorf("plural(2, %q) = %q, want %q", word, got, want)
		}
	}
}
