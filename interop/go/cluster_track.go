package main

import (
	"fmt"
	"sync"
	"time"

	"github.com/grafana/ckit"
	"github.com/grafana/ckit/peer"
	"github.com/prometheus/client_golang/prometheus"
)

// viewTracker keeps the latest peer list each node's observer reported, and times how long a
// condition takes to hold on a set of nodes (the cluster subcommand's convergence measurements).
type viewTracker struct {
	mu    sync.Mutex
	views map[int][]peer.Peer
	watch *viewWatch
}

type viewWatch struct {
	nodes     map[int]bool
	cond      func([]peer.Peer) bool
	start     time.Time
	satisfied map[int]time.Time
	done      chan struct{}
}

func newViewTracker() *viewTracker {
	return &viewTracker{views: map[int][]peer.Peer{}}
}

// update records node i's peers as its observer saw them at time now.
func (t *viewTracker) update(i int, peers []peer.Peer, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.views[i] = peers
	if w := t.watch; w != nil {
		w.check(i, peers, now)
	}
}

func (w *viewWatch) check(i int, peers []peer.Peer, now time.Time) {
	if !w.nodes[i] {
		return
	}
	if _, ok := w.satisfied[i]; ok || !w.cond(peers) {
		return
	}
	if now.Before(w.start) {
		now = w.start
	}
	w.satisfied[i] = now
	if len(w.satisfied) == len(w.nodes) {
		close(w.done)
	}
}

// await runs action and returns the time from its start until cond held on every node in nodes
// (the latest node's first observation of it).
func (t *viewTracker) await(nodes []int, cond func([]peer.Peer) bool, timeout time.Duration, action func() error) (time.Duration, error) {
	w := &viewWatch{nodes: map[int]bool{}, cond: cond, satisfied: map[int]time.Time{}, done: make(chan struct{})}
	for _, i := range nodes {
		w.nodes[i] = true
	}
	t.mu.Lock()
	w.start = time.Now()
	t.watch = w
	for i, peers := range t.views {
		w.check(i, peers, w.start)
	}
	t.mu.Unlock()

	if err := action(); err != nil {
		return 0, err
	}
	select {
	case <-w.done:
	case <-time.After(timeout):
		t.mu.Lock()
		missing := len(w.nodes) - len(w.satisfied)
		t.mu.Unlock()
		return 0, fmt.Errorf("%d of %d nodes did not converge within %v", missing, len(w.nodes), timeout)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.watch = nil
	var last time.Time
	for _, at := range w.satisfied {
		if at.After(last) {
			last = at
		}
	}
	return last.Sub(w.start), nil
}

// hasCount holds when a node lists exactly n peers (itself included).
func hasCount(n int) func([]peer.Peer) bool {
	return func(peers []peer.Peer) bool { return len(peers) == n }
}

// lists holds when a node lists (or, with want false, no longer lists) the named peer.
func lists(name string, want bool) func([]peer.Peer) bool {
	return func(peers []peer.Peer) bool {
		for _, p := range peers {
			if p.Name == name {
				return want
			}
		}
		return !want
	}
}

// counterSum gathers a node's metrics and adds up the named counters.
func counterSum(node *ckit.Node, names ...string) float64 {
	reg := prometheus.NewRegistry()
	if err := reg.Register(node.Metrics()); err != nil {
		return 0
	}
	families, err := reg.Gather()
	if err != nil {
		return 0
	}
	var total float64
	for _, mf := range families {
		for _, name := range names {
			if mf.GetName() != name {
				continue
			}
			for _, m := range mf.GetMetric() {
				total += m.GetCounter().GetValue() + m.GetGauge().GetValue() + m.GetUntyped().GetValue()
			}
		}
	}
	return total
}
