//go:build race

package tui

// raceBuild: the race detector slows the interface some tenfold; the
// random-event test runs fewer events under it (CI runs it so).
const raceBuild = true
