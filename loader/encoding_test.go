package loader

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	out, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

const encodedText = "Title: Séisme à Tabriz\n\nLes secours ont fouillé les décombres à Varzaqan toute la nuit, a dit le Croissant-Rouge.\n\nAu moins 250 morts, selon l’agence d’État.\n"

// Articles in UTF-16 and UTF-32 with a byte-order mark are read, whatever
// their format.
func TestUnicodeEncodings(t *testing.T) {
	html := "<html><head><title>Séisme à Tabriz</title></head><body><article><p>Les secours ont fouillé les décombres à Varzaqan toute la nuit, a dit le Croissant-Rouge qui a déployé ses équipes.</p><p>Au moins 250 morts, selon l’agence d’État, et des milliers de blessés dans la région.</p></article></body></html>"
	json := `{"title":"Séisme à Tabriz","text":"Les secours ont fouillé les décombres à Varzaqan toute la nuit.\n\nAu moins 250 morts, selon l’agence d’État."}`
	md := "# Séisme à Tabriz\n\nLes secours ont fouillé les décombres à Varzaqan toute la nuit.\n\n- Au moins 250 morts, selon l’agence d’État.\n"
	bom := unicode.UseBOM
	files := map[string][]byte{
		"utf16le.txt":  encode(t, unicode.UTF16(unicode.LittleEndian, bom), encodedText),
		"utf16be.txt":  encode(t, unicode.UTF16(unicode.BigEndian, bom), encodedText),
		"utf16le.html": encode(t, unicode.UTF16(unicode.LittleEndian, bom), html),
		"utf16be.json": encode(t, unicode.UTF16(unicode.BigEndian, bom), json),
		"utf32le.md":   encode(t, utf32.UTF32(utf32.LittleEndian, utf32.UseBOM), md),
		"utf32be.txt":  encode(t, utf32.UTF32(utf32.BigEndian, utf32.UseBOM), encodedText),
		"utf8bom.txt":  append([]byte("\xef\xbb\xbf"), encodedText...),
	}
	dir := t.TempDir()
	for name, data := range files {
		writeBytes(t, filepath.Join(dir, name), data)
	}
	for name := range files {
		t.Run(name, func(t *testing.T) {
			res, err := Load(context.Background(), []string{filepath.Join(dir, name)}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := res.Articles[0]
			assertInvariants(t, a)
			if a.Title != "Séisme à Tabriz" || a.InvalidUTF8 != 0 || len(res.Warnings) != 0 {
				t.Errorf("title %q, invalid %d, warnings %q", a.Title, a.InvalidUTF8, res.Warnings)
			}
			if !strings.Contains(allText(a), "fouillé les décombres à Varzaqan") || !strings.Contains(allText(a), "l’agence d’État") {
				t.Errorf("text not decoded:\n%s", dump(a))
			}
		})
	}
	// NUL bytes without a byte-order mark are still binary.
	writeBytes(t, filepath.Join(dir, "nobom.txt"), encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), encodedText))
	if _, err := Load(context.Background(), []string{filepath.Join(dir, "nobom.txt")}, Options{}); err == nil || !strings.Contains(err.Error(), "binary") {
		t.Errorf("UTF-16 without a byte-order mark: %v", err)
	}
}

// Pages in a legacy 8-bit (or multi-byte) encoding that their HTML declares
// are read in it.
func TestLegacyHTMLEncodings(t *testing.T) {
	body := func(text string) string {
		return "<body><article><p>" + text + "</p><p>" + text + " " + text + "</p></article></body></html>"
	}
	tests := []struct {
		name, head, text string
		enc              encoding.Encoding
	}{
		{"meta charset windows-1252", `<meta charset="windows-1252">`, "Les secours ont fouillé les décombres – « toute la nuit », a dit le Croissant-Rouge.", charmap.Windows1252},
		{"http-equiv ISO-8859-1", `<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">`, "Les secours ont fouillé les décombres à Varzaqan toute la nuit, a dit le Croissant-Rouge.", charmap.ISO8859_1},
		{"meta charset KOI8-R", `<meta charset="koi8-r">`, "Спасатели всю ночь разбирали завалы в Варзакане, сообщил Красный Полумесяц.", charmap.KOI8R},
		{"meta charset ISO-8859-2", `<meta charset="iso-8859-2">`, "Záchranáři celou noc prohledávali trosky ve Varzaqanu, uvedl Červený půlměsíc.", charmap.ISO8859_2},
		{"meta charset GBK", `<meta http-equiv="content-type" content="text/html;charset=gbk">`, "救援人员连夜在废墟中搜救被困居民，红新月会表示救援仍在继续。", simplifiedchinese.GBK},
		{"meta charset after a long head", "<script>" + strings.Repeat("var x = 1;\n", 300) + "</script><meta charset=\"iso-8859-15\">", "Les secours ont fouillé les décombres, a dit le Croissant-Rouge, pour 500 €.", charmap.ISO8859_15},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head>" + tt.head + "<title>Quake</title></head>" + body(tt.text)
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".html")
			writeBytes(t, p, encode(t, tt.enc, page))
			res, err := Load(context.Background(), []string{p}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := res.Articles[0]
			if a.InvalidUTF8 != 0 || !strings.Contains(allText(a), tt.text) {
				t.Errorf("invalid %d; text:\n%s", a.InvalidUTF8, dump(a))
			}
		})
	}
	// A charset in the HTTP Content-Type is read for any format.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=windows-1252")
		w.Write(encode(t, charmap.Windows1252, encodedText))
	}))
	defer srv.Close()
	res, err := Load(context.Background(), []string{srv.URL + "/story.txt"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := res.Articles[0]; a.Title != "Séisme à Tabriz" || a.InvalidUTF8 != 0 {
		t.Errorf("title %q, invalid %d", a.Title, a.InvalidUTF8)
	}
}

func allText(a *Article) string {
	var b bytes.Buffer
	for _, p := range a.Paragraphs {
		b.WriteString(p.Text + "\n")
	}
	return b.String()
}
