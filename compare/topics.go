package compare

import (
	"fmt"
	"maps"
	"slices"
)

// Topics group the paragraphs that speak of one thing. They are built by
// average-linkage clustering over the links: two groups merge when the mean
// score over all their pairs of paragraphs (an unlinked pair scores 0)
// reaches topicThreshold, so that no single link can join two groups that
// have nothing else in common, as a chain of best links would. A paragraph
// left alone but linked above the threshold joins the topic of its best
// link; what no other source speaks of gathers in one topic per source. A
// paragraph that is linked to a second topic as strongly as the topic's own
// members are joins it too: a paragraph belongs to two topics at most.

// cluster is a group of units under construction. Its neighbours and
// sources are short lists sorted by key, not maps: a thousand articles
// make fourteen thousand clusters, each with a few dozen neighbours, and
// the lists merge in one pass where maps took a lookup per entry.
type cluster struct {
	members []int32
	alive   bool
	perSrc  []srcCount // members per source, by source
	// nb holds, for each neighbouring cluster, the sum of the link scores
	// between the two, by cluster.
	nb []neighbour
}

// neighbour is a cluster next to another and their summed link score.
type neighbour struct {
	c   int32
	sum float64
}

// srcCount is how many of a cluster's members one source gave.
type srcCount struct{ src, n int }

// bySource searches the sorted lists of sources.
func bySource(e srcCount, src int) int { return e.src - src }

// searchCluster is where cluster k is or would be in the sorted list nb,
// and whether it is there: written out, as slices.BinarySearchFunc called
// its comparison through a pointer at every step, and a merge searches
// every neighbour's list.
func searchCluster(nb []neighbour, k int32) (int, bool) {
	lo, hi := 0, len(nb)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if nb[m].c < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(nb) && nb[lo].c == k
}

// moveNeighbour makes c's entry for cluster from (which merged into to,
// to < from) an entry for to, adding its sum to what c had with to: in
// place, shifting only the entries between the two.
func (c *cluster) moveNeighbour(from, to int32, sum float64) {
	pf, _ := searchCluster(c.nb, from)
	pt, ok := searchCluster(c.nb[:pf], to)
	if ok {
		c.nb[pt].sum += sum
		c.nb = slices.Delete(c.nb, pf, pf+1)
		return
	}
	copy(c.nb[pt+1:pf+1], c.nb[pt:pf])
	c.nb[pt] = neighbour{to, sum}
}

// mergeNeighbours is the neighbours of a and b together, without a and b
// themselves (ai, bi), the sums of a shared neighbour added, written into
// buf.
func mergeNeighbours(buf, a, b []neighbour, ai, bi int32) []neighbour {
	out := buf[:0]
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].c < b[j].c:
			if a[i].c != bi {
				out = append(out, a[i])
			}
			i++
		case i == len(a) || b[j].c < a[i].c:
			if b[j].c != ai {
				out = append(out, b[j])
			}
			j++
		default:
			out = append(out, neighbour{a[i].c, a[i].sum + b[j].sum})
			i++
			j++
		}
	}
	return out
}

// mergeCand is a possible merge of clusters a and b (a < b), with the mean
// link score over their pairs of members.
type mergeCand struct {
	mean float64
	a, b int32
}

// noMerge is a cluster's best merge when it has none at the threshold.
var noMerge = mergeCand{mean: -1, a: -1, b: -1}

// before orders merges best first: the higher mean, ties to the earlier
// pair.
func (m mergeCand) before(o mergeCand) bool {
	if m.mean != o.mean {
		return m.mean > o.mean
	}
	if m.a != o.a {
		return m.a < o.a
	}
	return m.b < o.b
}

// has reports whether the merge is one of cluster c's.
func (m mergeCand) has(c int32) bool { return m.a == c || m.b == c }

// clusterHeap holds the clusters that have a merge at the threshold, the
// one whose best merge is best at the top (the two clusters of that merge
// both have it as their best). It is indexed by cluster, so that a
// cluster's entry moves when its best merge changes: a heap of every merge
// ever offered, most of them stale by the time they came up, was the
// grouping's whole cost.
type clusterHeap struct {
	ids  []int32     // clusters in heap order
	at   []int32     // each cluster's place in ids, or -1
	best []mergeCand // each cluster's best merge, or noMerge
}

func (h *clusterHeap) less(i, j int) bool { return h.best[h.ids[i]].before(h.best[h.ids[j]]) }

func (h *clusterHeap) swap(i, j int) {
	h.ids[i], h.ids[j] = h.ids[j], h.ids[i]
	h.at[h.ids[i]], h.at[h.ids[j]] = int32(i), int32(j)
}

func (h *clusterHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(i, p) {
			return
		}
		h.swap(i, p)
		i = p
	}
}

func (h *clusterHeap) down(i int) {
	for {
		m, l := i, 2*i+1
		if l < len(h.ids) && h.less(l, m) {
			m = l
		}
		if r := l + 1; r < len(h.ids) && h.less(r, m) {
			m = r
		}
		if m == i {
			return
		}
		h.swap(i, m)
		i = m
	}
}

// set gives cluster c its best merge m and moves its entry: in, out, up
// or down.
func (h *clusterHeap) set(c int32, m mergeCand) {
	h.best[c] = m
	i := int(h.at[c])
	switch {
	case i < 0 && m.mean < 0:
	case i < 0:
		h.at[c] = int32(len(h.ids))
		h.ids = append(h.ids, c)
		h.up(len(h.ids) - 1)
	case m.mean < 0:
		last := len(h.ids) - 1
		h.swap(i, last)
		h.ids = h.ids[:last]
		h.at[c] = -1
		if i < last {
			h.down(i)
			h.up(i)
		}
	default:
		h.down(i)
		h.up(i)
	}
}

// groupUnits clusters the units by their links. together lists unit pairs
// a reviewer pinned together: they start in one group, whatever their
// links and sizes. apart lists unit pairs pinned apart: no group ever holds
// both. It returns the groups, each sorted, in the order of their first
// unit.
//
// The best merge of all is made first, again and again, until none
// reaches the threshold; a merge refused (pinned apart, or too many of one
// source) is not offered again until one of its clusters changes. Each
// cluster keeps its own best merge, and the clusters are kept in a heap by
// it: a merge changes only the means of the merged cluster's neighbours,
// so only their best merges need be looked at again.
func groupUnits(us []*unit, links []scoredPair, together [][2]int32, apart map[[2]int32]bool) [][]int32 {
	n := len(us)
	cs := make([]cluster, n)
	owner := make([]int32, n) // unit → the cluster that holds it
	size := make([]int32, n)  // each cluster's members: read for every mean, apart from the rest
	for i := range cs {
		cs[i] = cluster{members: []int32{int32(i)}, alive: true, perSrc: []srcCount{{us[i].src, 1}}}
		owner[i], size[i] = int32(i), 1
	}
	neighbourLists(cs, links)
	forbidden := func(a, b *cluster) bool {
		if len(apart) == 0 {
			return false
		}
		for _, x := range a.members {
			for _, y := range b.members {
				if apart[[2]int32{min(x, y), max(x, y)}] {
					return true
				}
			}
		}
		return false
	}
	var buf []neighbour
	// join moves cluster bi into ai (ai < bi).
	join := func(ai, bi int32) {
		a, b := &cs[ai], &cs[bi]
		a.members = append(a.members, b.members...)
		for _, m := range b.members {
			owner[m] = ai
		}
		size[ai], size[bi] = int32(len(a.members)), 0
		a.perSrc = mergeSources(a.perSrc, b.perSrc)
		b.alive = false
		for _, e := range b.nb {
			if e.c != ai {
				cs[e.c].moveNeighbour(bi, ai, e.sum)
			}
		}
		buf = mergeNeighbours(buf, a.nb, b.nb, ai, bi)
		a.nb, buf = buf, a.nb
		b.nb = nil
	}
	for _, p := range together {
		ai, bi := owner[p[0]], owner[p[1]]
		if ai != bi && !forbidden(&cs[ai], &cs[bi]) {
			join(min(ai, bi), max(ai, bi))
		}
	}
	// refused holds the merges refused, with the two clusters' sizes then:
	// a cluster only grows, so a merge of other sizes is a new one.
	refused := map[[2]int32][2]int32{}
	// mergeOf is the merge of c and its neighbour e.
	mergeOf := func(c int32, e neighbour) mergeCand {
		a, b := min(c, e.c), max(c, e.c)
		return mergeCand{e.sum / float64(int(size[a])*int(size[b])), a, b}
	}
	// bestOf is cluster c's best merge that reaches the threshold and was
	// not refused.
	bestOf := func(c int32) mergeCand {
		best := noMerge
		for _, e := range cs[c].nb {
			m := mergeOf(c, e)
			if m.mean < topicThreshold || !m.before(best) {
				continue
			}
			if len(refused) > 0 {
				if s, ok := refused[[2]int32{m.a, m.b}]; ok && s == [2]int32{size[m.a], size[m.b]} {
					continue
				}
			}
			best = m
		}
		return best
	}
	h := &clusterHeap{at: make([]int32, n), best: make([]mergeCand, n)}
	for i := range cs {
		h.at[i], h.best[i] = -1, noMerge
		if cs[i].alive {
			if m := bestOf(int32(i)); m.mean >= 0 {
				h.best[i], h.at[i] = m, int32(len(h.ids))
				h.ids = append(h.ids, int32(i))
			}
		}
	}
	for i := len(h.ids)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
	for len(h.ids) > 0 {
		m := h.best[h.ids[0]]
		a, b := &cs[m.a], &cs[m.b]
		if forbidden(a, b) || tooMany(a, b) {
			refused[[2]int32{m.a, m.b}] = [2]int32{size[m.a], size[m.b]}
			h.set(m.a, bestOf(m.a))
			h.set(m.b, bestOf(m.b))
			continue
		}
		join(m.a, m.b)
		h.set(m.b, noMerge)
		h.set(m.a, bestOf(m.a))
		// A neighbour's merge with the new cluster is new; its others are
		// as they were, so its best is looked for again only when it was
		// with one of the two merged.
		for _, e := range a.nb {
			old := h.best[e.c]
			if old.has(m.a) || old.has(m.b) {
				h.set(e.c, bestOf(e.c))
			} else if mc := mergeOf(m.a, e); mc.mean >= topicThreshold && mc.before(old) {
				h.set(e.c, mc)
			}
		}
	}
	var out [][]int32
	for i := range cs {
		if c := &cs[i]; c.alive {
			slices.Sort(c.members)
			out = append(out, c.members)
		}
	}
	slices.SortFunc(out, func(x, y []int32) int { return int(x[0] - y[0]) })
	return out
}

// neighbourLists gives each unit's cluster its links as neighbours, sorted
// by cluster, in one array cut at each cluster's degree. The links are
// distinct pairs, so each neighbour is listed once, and a link between x
// and y is in both lists: the links are listed by unit first (by their
// numbers), then read out unit by unit in order, each unit y's giving y to
// the other end, whose list so comes out sorted with no sort.
func neighbourLists(cs []cluster, links []scoredPair) {
	start := make([]int32, len(cs)+1)
	for _, l := range links {
		start[l.i+1]++
		start[l.j+1]++
	}
	for x := range cs {
		start[x+1] += start[x]
	}
	byUnit := make([]int32, 2*len(links))
	fill := slices.Clone(start[:len(cs)])
	for k, l := range links {
		byUnit[fill[l.i]], byUnit[fill[l.j]] = int32(k), int32(k)
		fill[l.i]++
		fill[l.j]++
	}
	all := make([]neighbour, 2*len(links))
	copy(fill, start)
	for y := range cs {
		for _, k := range byUnit[start[y]:start[y+1]] {
			l := links[k]
			x := l.i + l.j - int32(y)
			all[fill[x]] = neighbour{int32(y), l.score}
			fill[x]++
		}
	}
	for x := range cs {
		cs[x].nb = all[start[x]:start[x+1]:start[x+1]]
	}
}

// mergeSources adds b's members per source to a's.
func mergeSources(a, b []srcCount) []srcCount {
	for _, e := range b {
		i, ok := slices.BinarySearchFunc(a, e.src, bySource)
		if ok {
			a[i].n += e.n
			continue
		}
		a = slices.Insert(a, i, e)
	}
	return a
}

// tooMany reports a merge that would give a topic more than maxPerSource
// paragraphs of one source: a topic is one thing, which a source tells in a
// few paragraphs, not a story's whole thread.
func tooMany(a, b *cluster) bool {
	for _, e := range b.perSrc {
		have := 0
		if i, ok := slices.BinarySearchFunc(a.perSrc, e.src, bySource); ok {
			have = a.perSrc[i].n
		}
		if have+e.n > maxPerSource {
			return true
		}
	}
	return false
}

// scoredPair is a link between two units by index.
type scoredPair struct {
	i, j  int32
	score float64
}

// buildTopics makes the topics from the links and records each unit's
// topics (the first is its own, the second one it also speaks of).
func buildTopics(c *comparison) {
	us := c.units
	sp := c.pairs
	apart := map[[2]int32]bool{}
	var together [][2]int32
	for _, p := range c.opt.Pins {
		a, okA := c.unitOf[p.A]
		b, okB := c.unitOf[p.B]
		if !okA || !okB || a == b {
			continue
		}
		switch p.Kind {
		case PinTogether:
			together = append(together, [2]int32{a, b})
		case PinApart:
			apart[[2]int32{min(a, b), max(a, b)}] = true
		}
	}
	if len(apart) > 0 {
		kept := make([]scoredPair, 0, len(sp)) // c.pairs stays as the links are
		for _, l := range sp {
			if !apart[[2]int32{l.i, l.j}] {
				kept = append(kept, l)
			}
		}
		sp = kept
	}
	groups := groupUnits(us, sp, together, apart)
	topicOf := make([][]int, len(us)) // unit → topic indices
	var topics [][]int32
	multi := func(g []int32) bool {
		for _, x := range g[1:] {
			if us[x].src != us[g[0]].src {
				return true
			}
		}
		return false
	}
	for _, g := range groups {
		if len(g) > 1 && multi(g) {
			for _, x := range g {
				topicOf[x] = []int{len(topics)}
			}
			topics = append(topics, g)
		}
	}
	// The best link of each unit still alone.
	best := make([]scoredPair, len(us))
	for _, l := range sp {
		for _, end := range [2][2]int32{{l.i, l.j}, {l.j, l.i}} {
			if x := end[0]; len(topicOf[x]) == 0 && l.score > best[x].score {
				best[x] = scoredPair{x, end[1], l.score}
			}
		}
	}
	// Alone units join their best link's topic, strongest first, so that a
	// pair of alone units linked to each other makes one topic.
	var alone []int32
	for x := range us {
		if len(topicOf[x]) == 0 && best[x].score > 0 {
			alone = append(alone, int32(x))
		}
	}
	slices.SortStableFunc(alone, func(a, b int32) int {
		switch {
		case best[a].score > best[b].score:
			return -1
		case best[a].score < best[b].score:
			return 1
		}
		return int(a - b)
	})
	// clash reports a unit a reviewer pinned apart from a member.
	clash := func(x int32, members []int32) bool {
		for _, m := range members {
			if apart[[2]int32{min(x, m), max(x, m)}] {
				return true
			}
		}
		return false
	}
	for _, x := range alone {
		if len(topicOf[x]) > 0 {
			continue // joined as the partner of another
		}
		y := best[x].j
		if len(topicOf[y]) > 0 && clash(x, topics[topicOf[y][0]]) {
			continue
		}
		if len(topicOf[y]) == 0 {
			t := len(topics)
			topics = append(topics, []int32{min(x, y), max(x, y)})
			topicOf[x], topicOf[y] = []int{t}, []int{t}
			continue
		}
		t := topicOf[y][0]
		topics[t] = append(topics[t], x)
		topicOf[x] = []int{t}
	}
	// A second topic for a unit linked to it as strongly as its members are
	// to one another.
	second := secondTopics(us, sp, topics, topicOf)
	for _, x := range slices.Sorted(maps.Keys(second)) {
		t := second[x]
		if clash(x, topics[t]) {
			continue
		}
		topics[t] = append(topics[t], x)
		topicOf[x] = append(topicOf[x], t)
	}
	// What only one source speaks of: one topic per source.
	own := map[int]int{}
	for x, u := range us {
		if len(topicOf[x]) > 0 {
			continue
		}
		t, ok := own[u.src]
		if !ok {
			t = len(topics)
			own[u.src] = t
			topics = append(topics, nil)
		}
		topics[t] = append(topics[t], int32(x))
		topicOf[x] = []int{t}
	}
	ownTopic := map[int]bool{}
	for _, t := range own {
		ownTopic[t] = true
	}
	// Topics in reading order of their first paragraph; a source's own
	// topic after those it shares.
	order := make([]int, len(topics))
	for i := range order {
		slices.Sort(topics[i])
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if ownTopic[a] != ownTopic[b] {
			if ownTopic[a] {
				return 1
			}
			return -1
		}
		return int(topics[a][0] - topics[b][0])
	})
	newID := make([]int, len(topics))
	for k, t := range order {
		newID[t] = k
	}
	c.unitTopics = make([][]string, len(us))
	var srcs []int
	for k, t := range order {
		tp := Topic{ID: fmt.Sprintf("t%d", k+1), Own: ownTopic[t], Members: make([]Ref, 0, len(topics[t]))}
		// The sources in their order, which is that of c.res.Sources: the
		// members' sorted, not every source looked up in a set of the
		// members' (a thousand sources for each of a thousand topics).
		srcs = srcs[:0]
		for _, x := range topics[t] {
			tp.Members = append(tp.Members, us[x].ref)
			srcs = append(srcs, us[x].src)
		}
		slices.Sort(srcs)
		for i, si := range srcs {
			if i == 0 || si != srcs[i-1] {
				tp.Sources = append(tp.Sources, c.res.Sources[si])
			}
		}
		c.res.Topics = append(c.res.Topics, tp)
		c.topicUnits = append(c.topicUnits, topics[t])
	}
	for x := range us {
		for _, t := range topicOf[x] {
			c.unitTopics[x] = append(c.unitTopics[x], c.res.Topics[newID[t]].ID)
		}
	}
	// The links each topic keeps, with why they were made: each link's
	// place in its topic's list is known before it is explained, so that
	// the lists are made once at their size and filled on every core, in
	// the links' order.
	type kept struct{ link, topic, slot int }
	jobs := make([]kept, 0, len(c.pairs))
	count := make([]int, len(c.res.Topics))
	for k := range c.pairs {
		a, b := c.pairs[k].i, c.pairs[k].j
		for _, t := range topicOf[a] {
			if slices.Contains(topicOf[b], t) {
				id := newID[t]
				jobs = append(jobs, kept{k, id, count[id]})
				count[id]++
			}
		}
	}
	for t, n := range count {
		if n > 0 {
			c.res.Topics[t].Links = make([]Link, n)
		}
	}
	// The workers take the links a block at a time (explainBlock).
	parallel((len(jobs)+explainBlock-1)/explainBlock, func(_ int, next func() (int, bool)) {
		st := newStemmer(c.stems)
		var buf []sharedTerm
		for blk, ok := next(); ok; blk, ok = next() {
			for _, j := range jobs[blk*explainBlock : min(len(jobs), (blk+1)*explainBlock)] {
				p := c.pairs[j.link]
				l := &c.res.Topics[j.topic].Links[j.slot]
				*l = linkOf(us, p)
				buf = explain(us[p.i], us[p.j], l, st, buf[:0])
			}
		}
	})
}

// secondTopics finds, for units already in a topic, another topic they are
// tied to by a mean link score at the topic threshold over its members.
func secondTopics(us []*unit, sp []scoredPair, topics [][]int32, topicOf [][]int) map[int32]int {
	n := len(us)
	first := make([]int32, n) // each unit's own topic, or -1
	for x := range us {
		first[x] = -1
		if len(topicOf[x]) > 0 {
			first[x] = int32(topicOf[x][0])
		}
	}
	// across reports a link between two units of two topics.
	across := func(l scoredPair) bool {
		ti, tj := first[l.i], first[l.j]
		return ti >= 0 && tj >= 0 && ti != tj
	}
	// Each unit's links into other topics, as (topic, score) in the links'
	// order, laid out unit after unit in one array, and summed per topic
	// in that order: the same scores added in the same order as a map of
	// (unit, topic) filled link by link did, in a fraction of its time.
	type toTopic struct {
		t     int32
		score float64
	}
	start := make([]int32, n+1)
	for _, l := range sp {
		if across(l) {
			start[l.i+1]++
			start[l.j+1]++
		}
	}
	for x := range n {
		start[x+1] += start[x]
	}
	all := make([]toTopic, start[n])
	fill := slices.Clone(start[:n])
	for _, l := range sp {
		if across(l) {
			all[fill[l.i]] = toTopic{first[l.j], l.score}
			all[fill[l.j]] = toTopic{first[l.i], l.score}
			fill[l.i]++
			fill[l.j]++
		}
	}
	out := map[int32]int{}
	sum := make([]float64, len(topics))
	seen := make([]int32, len(topics)) // 1 + the unit whose sums have the topic
	var touched []int32
	for x := range us {
		touched = touched[:0]
		for _, e := range all[start[x]:start[x+1]] {
			if seen[e.t] != int32(x+1) {
				seen[e.t] = int32(x + 1)
				sum[e.t] = 0
				touched = append(touched, e.t)
			}
			sum[e.t] += e.score
		}
		// The best mean, ties to the earlier topic.
		best, bestT := 0.0, int32(-1)
		for _, t := range touched {
			if mean := sum[t] / float64(len(topics[t])); mean >= topicThreshold && (mean > best || mean == best && t < bestT) {
				best, bestT = mean, t
			}
		}
		if bestT >= 0 {
			out[int32(x)] = int(bestT)
		}
	}
	return out
}
