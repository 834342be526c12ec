package compare

// unionFind groups indices: topics from links, copies from shared text,
// findings from the facts they share.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

// find returns the group's root, halving the path as it goes.
func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins two groups under the smaller root, so that roots do not
// depend on the order of the unions.
func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra > rb {
		ra, rb = rb, ra
	}
	u[rb] = ra
}
