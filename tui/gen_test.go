package tui

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// The made-up event the generated articles report: a flood in a town that
// does not exist, told by outlets that do not exist. Every word is written
// here; none comes from a sample or an evaluation article.
var (
	genOutlets = []string{"Northern Ledger", "Valley Courier", "The Morning Wire", "Radio Estmark", "Coastal Herald", "Estmark Today"}
	genAuthors = []string{"Mara Olsen", "Teo Brandt", "Ines Varga", "Jon Pelt", "Ada Rusk", ""}
	genTowns   = []string{"Lindau-on-Sel", "Brekke", "Hollin", "Ostvik", "Marren", "Sylt Ford"}
	genQuotes  = []string{
		"We have never seen the river rise this fast, and we are not done yet",
		"We have never seen the river rise so fast, and we are not finished",
		"Nobody in Varnholt has seen water rise this fast",
	}
	genHedges = []string{"officials said", "according to the Civil Protection Office", "", "residents reported"}
	genTimes  = []string{"shortly after 3 a.m.", "around 4 a.m.", "before dawn", "at 3:40 a.m. local time"}
	genDays   = []string{"Tuesday", "Monday night", "Tuesday"}
	genAsides = []string{
		"Schools across the district will stay closed until the water recedes.",
		"The regional rail line between Varnholt and Brekke was suspended.",
		"Insurers said it was too early to estimate the cost of the damage.",
		"A shelter has been opened in the Varnholt sports hall for those who lost their homes.",
		"The last comparable flood in the valley was recorded more than forty years ago.",
		"Power was cut to several neighbourhoods as a precaution.",
	}
)

// genArticle is the text of one generated article: a lede with a toll and a
// time, a quotation in one of its wordings, a list of helping towns, asides
// only some sources carry, and now and then a caption or a newsletter box.
func genArticle(rng *rand.Rand, i int) map[string]string {
	pick := func(xs []string) string { return xs[rng.Intn(len(xs))] }
	dead, hurt := 3+rng.Intn(4), 10+rng.Intn(15)
	var paras []string
	if rng.Intn(4) == 0 {
		paras = append(paras, "Photo: volunteers carry sandbags along the Sel embankment.")
	}
	hedge := pick(genHedges)
	lede := fmt.Sprintf("Floodwaters swept through Varnholt on %s, killing %d people and injuring %d", pick(genDays), dead, hurt)
	if hedge != "" {
		lede += ", " + hedge
	}
	paras = append(paras, lede+".")
	paras = append(paras, fmt.Sprintf("The river Sel burst its banks %s after two days of heavy rain, and the water rose %d metres above its usual level.", pick(genTimes), 2+rng.Intn(3)))
	paras = append(paras, fmt.Sprintf("Mayor Ilse Brandvik said: “%s.”", pick(genQuotes)))
	towns := append([]string(nil), genTowns...)
	rng.Shuffle(len(towns), func(a, b int) { towns[a], towns[b] = towns[b], towns[a] })
	n := 2 + rng.Intn(3)
	paras = append(paras, fmt.Sprintf("Rescue teams from %s and %s joined the search.", strings.Join(towns[:n-1], ", "), towns[n-1]))
	paras = append(paras, fmt.Sprintf("At least %d homes were destroyed, and %d more were damaged.", 20+rng.Intn(30), 100+rng.Intn(200)))
	for _, a := range rng.Perm(len(genAsides))[:1+rng.Intn(3)] {
		paras = append(paras, genAsides[a])
	}
	if rng.Intn(5) == 0 {
		paras = append(paras, "Sign up for our newsletter to get the morning's headlines.")
	}
	a := map[string]string{
		"source":    genOutlets[i%len(genOutlets)],
		"title":     fmt.Sprintf("Flood in Varnholt: %d dead as the Sel bursts its banks", dead),
		"author":    pick(genAuthors),
		"published": fmt.Sprintf("2031-03-%02dT%02d:%02d:00Z", 11+rng.Intn(2), rng.Intn(24), rng.Intn(60)),
		"text":      strings.Join(paras, "\n\n"),
	}
	if a["author"] == "" {
		delete(a, "author")
	}
	return a
}

// genFS is n generated articles as JSON files, reproducible from a seed.
func genFS(seed int64, n int) (fstest.MapFS, []string) {
	rng := rand.New(rand.NewSource(seed))
	fsys := fstest.MapFS{}
	var names []string
	for i := range n {
		b, _ := json.Marshal(genArticle(rng, i))
		name := fmt.Sprintf("gen/%02d.json", i)
		fsys[name] = &fstest.MapFile{Data: b}
		names = append(names, name)
	}
	return fsys, names
}

// loadData loads, compares and opens an empty review for files of fsys.
func loadData(t testing.TB, fsys fstest.MapFS, names []string) Data {
	t.Helper()
	res, err := loader.Load(context.Background(), names, loader.Options{FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	store, err := review.Load(filepath.Join(reviewDir(t), "review.json"), review.Key(res.Articles), nil)
	if err != nil {
		t.Fatal(err)
	}
	return Data{Articles: res.Articles, Result: compare.Compare(res.Articles), Store: store, Warnings: res.Warnings}
}

// generatedData is n generated articles, loaded and compared.
func generatedData(t testing.TB, n int) Data {
	fsys, names := genFS(7, n)
	return loadData(t, fsys, names)
}

// The generator gives what the random tests need: many sources, several
// topics and some discrepancies, outlets named twice.
func TestGeneratedArticles(t *testing.T) {
	d := generatedData(t, 30)
	if len(d.Articles) != 30 {
		t.Fatalf("%d of 30 generated articles loaded", len(d.Articles))
	}
	if len(d.Result.Topics) < 2 || len(d.Result.Discrepancies) == 0 {
		t.Errorf("generated articles give %d topics and %d discrepancies; the random tests need both", len(d.Result.Topics), len(d.Result.Discrepancies))
	}
	if d.Articles[0].Source != genOutlets[0] || d.Articles[0].Title == "" {
		t.Errorf("metadata not read: source %q title %q", d.Articles[0].Source, d.Articles[0].Title)
	}
}
