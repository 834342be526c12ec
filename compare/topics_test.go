package compare

import (
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// groupUnits makes the same groups as the grouping it replaced, which
// queued every merge offered and skipped the stale ones: on random links
// with many tied scores, pins together and apart and sources' caps, and on
// a thousand ECB+ articles' own links.
func TestGroupUnitsAsQueue(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for round := range 300 {
		n := 2 + r.IntN(60)
		us := make([]*unit, n)
		sources := 1 + r.IntN(6)
		for i := range us {
			us[i] = &unit{src: r.IntN(sources)}
		}
		seen := map[[2]int32]bool{}
		var links []scoredPair
		for range r.IntN(4 * n) {
			i, j := int32(r.IntN(n)), int32(r.IntN(n))
			if i >= j || seen[[2]int32{i, j}] {
				continue
			}
			seen[[2]int32{i, j}] = true
			links = append(links, scoredPair{i, j, float64(8+r.IntN(13)) / 20}) // 0.4 to 1: ties everywhere
		}
		var together [][2]int32
		apart := map[[2]int32]bool{}
		for range r.IntN(4) {
			i, j := int32(r.IntN(n)), int32(r.IntN(n))
			if i == j {
				continue
			}
			if r.IntN(2) == 0 {
				together = append(together, [2]int32{i, j})
			} else {
				apart[[2]int32{min(i, j), max(i, j)}] = true
			}
		}
		got := groupUnits(us, links, together, apart)
		want := groupUnitsByQueue(us, links, together, apart)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("round %d: groups\n%v\nwant\n%v", round, got, want)
		}
	}
	c := newComparison(ecbArticles(t, 1000), Options{})
	prepareStage(c)
	pairs := link(c.units, c.ix, c.model)
	got := groupUnits(c.units, pairs, nil, nil)
	if want := groupUnitsByQueue(c.units, pairs, nil, nil); !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("1,000 ECB+ articles: %d groups, want %d, or the same number told apart", len(got), len(want))
	}
}

// secondTopics finds the topics the sort it replaced found, ties between
// topics of one mean included.
func TestSecondTopicsAsSort(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for round := range 300 {
		n := 2 + r.IntN(80)
		us := make([]*unit, n)
		for i := range us {
			us[i] = &unit{src: r.IntN(5)}
		}
		topics := make([][]int32, 1+r.IntN(8))
		topicOf := make([][]int, n)
		for x := range us {
			if r.IntN(5) > 0 {
				tp := r.IntN(len(topics))
				topics[tp] = append(topics[tp], int32(x))
				topicOf[x] = []int{tp}
			}
		}
		for tp := range topics {
			if len(topics[tp]) == 0 {
				topics[tp] = []int32{0} // a topic is never empty
			}
		}
		seen := map[[2]int32]bool{}
		var sp []scoredPair
		for range r.IntN(5 * n) {
			i, j := int32(r.IntN(n)), int32(r.IntN(n))
			if i >= j || seen[[2]int32{i, j}] {
				continue
			}
			seen[[2]int32{i, j}] = true
			sp = append(sp, scoredPair{i, j, float64(14+r.IntN(7)) / 20}) // 0.7 to 1: ties everywhere
		}
		got, want := secondTopics(us, sp, topics, topicOf), secondTopicsBySort(us, sp, topics, topicOf)
		if !maps.Equal(got, want) {
			t.Fatalf("round %d: second topics %v, want %v", round, got, want)
		}
	}
}

// The grouping replaced, kept to hold groupUnits to it.

// refMergeCand is a possible merge in the queue, with the mean it had when
// queued and the two sides' sizes then (stale entries are skipped).
type refMergeCand struct {
	mean  float64
	a, b  int32
	sizes [2]int32
}

// refMergeQueue is a max-heap of merges, best mean first, ties to the earlier
// pair. It is written out rather than put through container/heap, whose
// interface boxed every entry: a thousand articles queue half a million.
// Each entry has four children, not two: the heap is half as deep, and a
// pop, which reads one level after another of a heap far larger than the
// cache, waits on half as many of them.
type refMergeQueue []refMergeCand

// refQueueArity is the children per entry of the merge queue.
const refQueueArity = 4

func (q refMergeQueue) less(i, j int) bool {
	if q[i].mean != q[j].mean {
		return q[i].mean > q[j].mean
	}
	if q[i].a != q[j].a {
		return q[i].a < q[j].a
	}
	return q[i].b < q[j].b
}

func (q *refMergeQueue) push(m refMergeCand) {
	*q = append(*q, m)
	h := *q
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / refQueueArity
		if !h.less(i, p) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

// heapify puts the queue in heap order.
func (q *refMergeQueue) heapify() {
	for i := (len(*q) - 2) / refQueueArity; i >= 0; i-- {
		q.down(i)
	}
}

// down moves the entry at i down to its place.
func (q *refMergeQueue) down(i int) {
	h := *q
	for {
		m := i
		first := refQueueArity*i + 1
		for c := first; c < first+refQueueArity && c < len(h); c++ {
			if h.less(c, m) {
				m = c
			}
		}
		if m == i {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// pop takes the best merge out. The hole it leaves at the top goes down
// along the best children to a leaf, and the last entry fills it from
// there upwards (Floyd's order): the last entry belongs near the bottom,
// so this asks fewer comparisons than sinking it from the top.
func (q *refMergeQueue) pop() refMergeCand {
	h := *q
	top := h[0]
	last := len(h) - 1
	i := 0
	for {
		first := refQueueArity*i + 1
		if first >= last {
			break
		}
		m := first
		for c := first + 1; c < first+refQueueArity && c < last; c++ {
			if h.less(c, m) {
				m = c
			}
		}
		h[i] = h[m]
		i = m
	}
	h[i] = h[last]
	*q = h[:last]
	for i > 0 { // up from the leaf
		p := (i - 1) / refQueueArity
		if !h.less(i, p) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	return top
}

// groupUnits clusters the units by their links. together lists unit pairs
// a reviewer pinned together: they start in one group, whatever their
// links and sizes. apart lists unit pairs pinned apart: no group ever holds
// both. It returns the groups, each sorted, in the order of their first
// unit.
func groupUnitsByQueue(us []*unit, links []scoredPair, together [][2]int32, apart map[[2]int32]bool) [][]int32 {
	n := len(us)
	cs := make([]cluster, n)
	owner := make([]int32, n) // unit → the cluster that holds it
	degree := make([]int32, n)
	for _, l := range links {
		degree[l.i]++
		degree[l.j]++
	}
	for i := range cs {
		cs[i] = cluster{members: []int32{int32(i)}, alive: true, nb: make([]neighbour, 0, degree[i]), perSrc: []srcCount{{us[i].src, 1}}}
		owner[i] = int32(i)
	}
	// The links are distinct pairs: each neighbour is listed once.
	for _, l := range links {
		cs[l.i].nb = append(cs[l.i].nb, neighbour{l.j, l.score})
		cs[l.j].nb = append(cs[l.j].nb, neighbour{l.i, l.score})
	}
	for i := range cs {
		slices.SortFunc(cs[i].nb, func(x, y neighbour) int { return int(x.c - y.c) })
	}
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
	q := new(refMergeQueue)
	*q = make(refMergeQueue, 0, 2*len(links)) // a merge per link to start with, as many again after joins
	// mergeOf is the merge of a and b, whose links sum to sum, with their
	// mean link score, when it reaches the threshold.
	mergeOf := func(a, b int32, sum float64) (refMergeCand, bool) {
		a, b = min(a, b), max(a, b)
		ca, cb := &cs[a], &cs[b]
		mean := sum / float64(len(ca.members)*len(cb.members))
		return refMergeCand{mean, a, b, [2]int32{int32(len(ca.members)), int32(len(cb.members))}}, mean >= topicThreshold
	}
	// The first merges are queued at once and put in heap order in one
	// pass, not pushed one by one: there is one per link.
	for i := range cs {
		c := &cs[i]
		if !c.alive {
			continue
		}
		for _, e := range c.nb {
			if int32(i) < e.c {
				if m, ok := mergeOf(int32(i), e.c, e.sum); ok {
					*q = append(*q, m)
				}
			}
		}
	}
	q.heapify()
	for len(*q) > 0 {
		m := q.pop()
		a, b := &cs[m.a], &cs[m.b]
		if !a.alive || !b.alive || len(a.members) != int(m.sizes[0]) || len(b.members) != int(m.sizes[1]) {
			continue // stale: one side changed since it was queued
		}
		if forbidden(a, b) || tooMany(a, b) {
			continue
		}
		join(m.a, m.b)
		for _, e := range a.nb {
			if mc, ok := mergeOf(m.a, e.c, e.sum); ok {
				q.push(mc)
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

// secondTopicsBySort is the search secondTopics replaced, which sorted
// each unit's links by topic.
func secondTopicsBySort(us []*unit, sp []scoredPair, topics [][]int32, topicOf [][]int) map[int32]int {
	// Each unit's links into other topics, as (topic, score) in the links'
	// order, laid out unit after unit in one array: summed per topic after
	// a stable sort, so that each sum adds the same scores in the same
	// order as a map of (unit, topic) filled link by link did, in a
	// fraction of its time.
	type toTopic struct {
		t     int
		score float64
	}
	ends := func(l scoredPair, visit func(x int32, t int)) {
		for _, end := range [2][2]int32{{l.i, l.j}, {l.j, l.i}} {
			x, y := end[0], end[1]
			if len(topicOf[y]) == 0 || len(topicOf[x]) == 0 || topicOf[y][0] == topicOf[x][0] {
				continue
			}
			visit(x, topicOf[y][0])
		}
	}
	start := make([]int, len(us)+1)
	for _, l := range sp {
		ends(l, func(x int32, _ int) { start[x+1]++ })
	}
	for x := range us {
		start[x+1] += start[x]
	}
	all := make([]toTopic, start[len(us)])
	fill := slices.Clone(start[:len(us)])
	for _, l := range sp {
		ends(l, func(x int32, t int) {
			all[fill[x]] = toTopic{t, l.score}
			fill[x]++
		})
	}
	out := map[int32]int{}
	for x := range us {
		mine := all[start[x]:start[x+1]]
		slices.SortStableFunc(mine, func(a, b toTopic) int { return a.t - b.t })
		best := 0.0
		for k := 0; k < len(mine); {
			t, sum := mine[k].t, 0.0
			for ; k < len(mine) && mine[k].t == t; k++ {
				sum += mine[k].score
			}
			if mean := sum / float64(len(topics[t])); mean >= topicThreshold && mean > best {
				out[int32(x)], best = t, mean
			}
		}
	}
	return out
}
