package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime"
	"sort"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"github.com/grafana/ckit"
	"github.com/grafana/ckit/peer"
	"golang.org/x/net/http2"
	"golang.org/x/net/http2/h2c"
)

// The cluster subcommand is the Go half of the side-by-side harness (scripts/side-by-side; the Java
// half is io.ckit.benchmarks.sidebyside.SideBySide). It runs N real Go ckit nodes in this one
// process on loopback, each with its own listener and h2c http.Server, all dialing through one
// shared http2.Transport (as the Java half shares one Jetty HttpClient), and measures:
//
//   - heap per node: HeapAlloc after two runtime.GC() calls, minus the same with zero nodes, / N
//     (goroutine stacks are reported apart, as stackBytesPerNode);
//   - goroutines per node: runtime.NumGoroutine() minus the zero-node baseline, / N;
//   - bytes/s per node at steady state: ckit's transport counters (cluster_transport_tx_bytes_total
//     plus cluster_transport_stream_tx_bytes_total), and wire bytes (everything read and written by
//     the servers' sockets, which see both directions of every connection), over a window;
//   - CPU per node: process user+system CPU over the same window;
//   - convergence: the initial cluster (every node lists N peers); one more node joins (until every
//     base node lists it), that node leaves gracefully (until every base node drops it), repeated
//     -rounds times; and another extra node joins and, after a delay spread over one probe
//     interval (crashDelay), crashes (server closed, outgoing requests cut; until every base node
//     drops it), -crashes times. Times come from each node's
//     ckit Observer; the median of each kind is reported, all samples too.
//
// Progress goes to stderr; the result is one JSON object on stdout, with the same fields the Java
// half prints.
func init() {
	register("cluster", "run N Go ckit nodes in one process and measure memory, traffic and convergence", runCluster)
}

type clusterOptions struct {
	nodes, rounds, crashes  int
	warmup, window, timeout time.Duration
	logLevel                string
}

func runCluster(args []string) error {
	var o clusterOptions
	fs := flag.NewFlagSet("cluster", flag.ContinueOnError)
	fs.IntVar(&o.nodes, "n", 151, "nodes in the base cluster")
	fs.IntVar(&o.rounds, "rounds", 5, "join and leave measurements (the median is reported)")
	fs.IntVar(&o.crashes, "crashes", 1, "crash measurements (the median is reported)")
	fs.DurationVar(&o.warmup, "warmup", 60*time.Second, "steady-state wait after the initial convergence")
	fs.DurationVar(&o.window, "window", 5*time.Minute, "steady-state measurement window")
	fs.DurationVar(&o.timeout, "timeout", 5*time.Minute, "limit of each convergence wait")
	fs.StringVar(&o.logLevel, "log-level", "none", "node log level: debug, info, warn, error, none")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.nodes < 2 || o.rounds < 1 || o.crashes < 1 {
		return fmt.Errorf("-n must be at least 2, -rounds and -crashes at least 1; got %d, %d, %d", o.nodes, o.rounds, o.crashes)
	}
	result, err := newGoCluster(o).run()
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(result, "", "  ")
	if err != nil {
		return err
	}
	fmt.Println(string(b))
	return nil
}

// clusterResult is the harness output; the Java half prints the same fields.
type clusterResult struct {
	Impl                   string             `json:"impl"`
	Nodes                  int                `json:"nodes"`
	HeapBytesPerNode       float64            `json:"heapBytesPerNode"`
	StackBytesPerNode      float64            `json:"stackBytesPerNode"`
	ThreadsPerNode         float64            `json:"threadsPerNode"`
	ThreadsKind            string             `json:"threadsKind"`
	TxBytesPerSecPerNode   float64            `json:"txBytesPerSecPerNode"`
	TxPacketBytesPerSec    float64            `json:"txPacketBytesPerSecPerNode"`
	TxStreamBytesPerSec    float64            `json:"txStreamBytesPerSecPerNode"`
	WireBytesPerSecPerNode float64            `json:"wireBytesPerSecPerNode"`
	CPUMillisPerSecPerNode float64            `json:"cpuMillisPerSecPerNode"`
	ConvergeMillis         map[string]int64   `json:"convergeMillis"`
	ConvergeSamples        map[string][]int64 `json:"convergeSamples"`
	Runtime                string             `json:"runtime"`
	WarmupSeconds          float64            `json:"warmupSeconds"`
	WindowSeconds          float64            `json:"windowSeconds"`
}

type goCluster struct {
	opts    clusterOptions
	logger  log.Logger
	shared  http.RoundTripper
	tracker *viewTracker
	wire    atomic.Int64
	nodes   []*clusterNode
}

// clusterNode is one in-process node with its own server and a client that can be cut.
type clusterNode struct {
	name   string
	addr   string
	node   *ckit.Node
	server *http.Server
	client *cuttableTransport
}

func newGoCluster(o clusterOptions) *goCluster {
	return &goCluster{
		opts:    o,
		logger:  newLogger(o.logLevel, "cluster"),
		shared:  newHTTPClient(nil).Transport,
		tracker: newViewTracker(),
	}
}

func (c *goCluster) run() (*clusterResult, error) {
	res := &clusterResult{
		Impl: "go", Nodes: c.opts.nodes, ThreadsKind: "goroutines",
		Runtime:        runtime.Version() + " GOMAXPROCS=" + fmt.Sprint(runtime.GOMAXPROCS(0)),
		ConvergeMillis: map[string]int64{}, ConvergeSamples: map[string][]int64{},
		WarmupSeconds: c.opts.warmup.Seconds(), WindowSeconds: c.opts.window.Seconds(),
	}
	base := sampleMemory()
	progress("baseline: heap %d B, goroutines %d", base.heap, base.goroutines)

	n := c.opts.nodes
	for i := 0; i < n; i++ {
		cn, err := c.newNode(fmt.Sprintf("node-%03d", i))
		if err != nil {
			return nil, err
		}
		c.nodes = append(c.nodes, cn)
	}
	all := indices(n)
	initial, err := c.tracker.await(all, hasCount(n), c.opts.timeout, func() error {
		for i, cn := range c.nodes {
			if err := c.start(cn, i); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("initial convergence: %w", err)
	}
	res.add("initial", initial)
	progress("initial convergence of %d nodes: %v", n, initial)

	progress("warming up for %v, then measuring for %v", c.opts.warmup, c.opts.window)
	time.Sleep(c.opts.warmup) // a harness, not a test: the steady state is a wall-clock window
	pk0, st0 := c.txBytes()
	wire0, cpu0, t0 := c.wire.Load(), cpuTime(), time.Now()
	time.Sleep(c.opts.window)
	pk1, st1 := c.txBytes()
	wire1, cpu1, t1 := c.wire.Load(), cpuTime(), time.Now()
	secs := t1.Sub(t0).Seconds()
	res.TxPacketBytesPerSec = float64(pk1-pk0) / secs / float64(n)
	res.TxStreamBytesPerSec = float64(st1-st0) / secs / float64(n)
	res.TxBytesPerSecPerNode = res.TxPacketBytesPerSec + res.TxStreamBytesPerSec
	res.WireBytesPerSecPerNode = float64(wire1-wire0) / secs / float64(n)
	res.CPUMillisPerSecPerNode = float64((cpu1 - cpu0).Milliseconds()) / secs / float64(n)
	mem := sampleMemory()
	res.HeapBytesPerNode = float64(int64(mem.heap)-int64(base.heap)) / float64(n)
	res.StackBytesPerNode = float64(int64(mem.stack)-int64(base.stack)) / float64(n)
	res.ThreadsPerNode = float64(mem.goroutines-base.goroutines) / float64(n)
	progress("steady state: %+v", res)

	if err := c.membershipChanges(res, all); err != nil {
		return nil, err
	}
	return res, nil
}

// membershipChanges times joins, graceful leaves and crashes of extra nodes (a fresh name each
// time), as seen by the base nodes.
func (c *goCluster) membershipChanges(res *clusterResult, base []int) error {
	for r := 0; r < c.opts.rounds; r++ {
		joiner, err := c.newNode(fmt.Sprintf("node-extra-join-%d", r))
		if err != nil {
			return err
		}
		d, err := c.tracker.await(base, lists(joiner.name, true), c.opts.timeout, func() error {
			return c.start(joiner, len(c.nodes)+r)
		})
		if err != nil {
			return fmt.Errorf("join: %w", err)
		}
		res.add("join", d)
		progress("join %d converged in %v", r, d)

		d, err = c.tracker.await(base, lists(joiner.name, false), c.opts.timeout, joiner.node.Stop)
		if err != nil {
			return fmt.Errorf("leave: %w", err)
		}
		res.add("leave", d)
		progress("leave %d converged in %v", r, d)
	}
	for r := 0; r < c.opts.crashes; r++ {
		victim, err := c.newNode(fmt.Sprintf("node-extra-crash-%d", r))
		if err != nil {
			return err
		}
		if _, err := c.tracker.await(base, lists(victim.name, true), c.opts.timeout, func() error {
			return c.start(victim, len(c.nodes)+c.opts.rounds+r)
		}); err != nil {
			return fmt.Errorf("join before crash: %w", err)
		}
		time.Sleep(crashDelay(r))
		d, err := c.tracker.await(base, lists(victim.name, false), c.opts.timeout, victim.crash)
		if err != nil {
			return fmt.Errorf("crash: %w", err)
		}
		res.add("crash", d)
		progress("crash %d converged in %v", r, d)
	}
	return nil
}

// crashDelay is how long crash r waits after every base node lists the victim: the golden-ratio
// sequence over one probe interval (5 s), the same on both halves. Without it, a crash would come a
// fixed time after the previous crash's detection, and so at a fixed point of the probe cycle: Go
// ckit starts a node's probe ticker in NewNode, so the Go half's base nodes, created in one loop,
// probe in lockstep, and the crashes after the first came at one point of their common cycle (6
// of 11 Go crashes were detected within 0.5 s of the fastest possible time without the delay, 2
// of 16 with it; see docs/benchmarks-side-by-side.md).
func crashDelay(r int) time.Duration {
	frac := float64(r+1) * 0.6180339887498949
	frac -= float64(int64(frac))
	return time.Duration(frac*5000) * time.Millisecond
}

// add records one convergence sample and keeps the median of each kind in ConvergeMillis (the
// lower middle sample for an even count).
func (res *clusterResult) add(kind string, d time.Duration) {
	samples := append(res.ConvergeSamples[kind], d.Milliseconds())
	res.ConvergeSamples[kind] = samples
	sorted := append([]int64(nil), samples...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	res.ConvergeMillis[kind] = sorted[(len(sorted)-1)/2]
}

func (c *goCluster) newNode(name string) (*clusterNode, error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	cn := &clusterNode{name: name, addr: lis.Addr().String(), client: &cuttableTransport{base: c.shared}}
	node, err := ckit.NewNode(&http.Client{Transport: cn.client}, ckit.Config{
		Name:          name,
		AdvertiseAddr: cn.addr,
		Log:           log.With(c.logger, "node", name),
	})
	if err != nil {
		lis.Close()
		return nil, fmt.Errorf("create node %s: %w", name, err)
	}
	cn.node = node
	mux := http.NewServeMux()
	route, handler := node.Handler()
	mux.Handle(route, handler)
	cn.server = &http.Server{Handler: h2c.NewHandler(mux, &http2.Server{})}
	go func() {
		if err := cn.server.Serve(&countingListener{Listener: lis, total: &c.wire}); err != nil &&
			!errors.Is(err, http.ErrServerClosed) {
			level.Error(c.logger).Log("msg", "server failed", "node", name, "err", err)
		}
	}()
	return cn, nil
}

// start registers the node's observer under index i and joins it to the first node.
func (c *goCluster) start(cn *clusterNode, i int) error {
	cn.node.Observe(ckit.FuncObserver(func(peers []peer.Peer) bool {
		c.tracker.update(i, peers, time.Now())
		return true
	}))
	var join []string
	if i > 0 {
		join = []string{c.nodes[0].addr}
	}
	if err := cn.node.Start(join); err != nil {
		return fmt.Errorf("start %s: %w", cn.name, err)
	}
	return nil
}

// crash makes the node unreachable and mute at once, without leaving: its server closes every
// connection and its client fails every request. Its goroutines live on, isolated.
func (cn *clusterNode) crash() error {
	cn.client.cut.Store(true)
	return cn.server.Close()
}

// txBytes sums the packet and the stream bytes sent by every base node, by ckit's own counters.
func (c *goCluster) txBytes() (packets, streams int64) {
	var p, s float64
	for _, cn := range c.nodes {
		p += counterSum(cn.node, "cluster_transport_tx_bytes_total")
		s += counterSum(cn.node, "cluster_transport_stream_tx_bytes_total")
	}
	return int64(p), int64(s)
}

type memorySample struct {
	heap, stack uint64
	goroutines  int
}

func sampleMemory() memorySample {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return memorySample{heap: ms.HeapAlloc, stack: ms.StackInuse, goroutines: runtime.NumGoroutine()}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func indices(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, time.Now().Format("15:04:05 ")+format+"\n", args...)
}

// cuttableTransport fails every request once cut, to silence a crashed node's outgoing traffic.
type cuttableTransport struct {
	base http.RoundTripper
	cut  atomic.Bool
}

func (t *cuttableTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.cut.Load() {
		if r.Body != nil {
			r.Body.Close()
		}
		return nil, errors.New("node crashed")
	}
	return t.base.RoundTrip(r)
}

// countingListener counts the bytes read and written on every accepted connection.
type countingListener struct {
	net.Listener
	total *atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &countingConn{Conn: conn, total: l.total}, nil
}

type countingConn struct {
	net.Conn
	total *atomic.Int64
}

func (c *countingConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.total.Add(int64(n))
	return n, err
}

func (c *countingConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.total.Add(int64(n))
	return n, err
}
