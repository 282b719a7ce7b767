package main

// wire-capture: runs real memberlist v0.5.3 clusters (three nodes, ckit's settings scaled down in
// time, a ckit-like delegate) over an in-process transport that records every packet and stream
// byte the nodes exchange, then prints them:
//
//	packet RUN LABEL FROM TO HEX      one packet as passed to Transport.WriteTo
//	stream RUN LABEL ID DIR HEX       all bytes written on one side of one stream connection;
//	                                  DIR is c2s (dialer to acceptor) or s2c
//
// LABEL is "-" for an unlabelled cluster. The scenario: join, ckit State broadcasts, gossip,
// probes, a partition of one node (suspect, indirect probes with nacks, dead, refutation after
// healing), then a graceful leave.

import (
	"bufio"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/hashicorp/memberlist"
)

func init() {
	register("wire-capture", "run real memberlist nodes in-process and dump every packet and stream", runWireCapture)
}

type captureHub struct {
	mu          sync.Mutex
	run         string
	label       string
	transports  map[string]*captureTransport
	partitioned map[string]bool
	lines       []string
	streams     []*captureStream
	closed      bool
}

type captureStream struct {
	id   int
	c2s  []byte
	s2c  []byte
	lock sync.Mutex
}

type captureTransport struct {
	hub      *captureHub
	addr     string
	ip       net.IP
	packetCh chan *memberlist.Packet
	streamCh chan net.Conn
}

type captureAddr string

func (a captureAddr) Network() string { return "capture" }
func (a captureAddr) String() string  { return string(a) }

func (h *captureHub) newTransport(ip string) *captureTransport {
	t := &captureTransport{hub: h, addr: net.JoinHostPort(ip, "7946"), ip: net.ParseIP(ip).To4(),
		packetCh: make(chan *memberlist.Packet, 4096), streamCh: make(chan net.Conn, 64)}
	h.transports[t.addr] = t
	return t
}

func (t *captureTransport) FinalAdvertiseAddr(string, int) (net.IP, int, error) {
	return t.ip, 7946, nil
}

func (t *captureTransport) WriteTo(b []byte, addr string) (time.Time, error) {
	h := t.hub
	h.mu.Lock()
	if !h.closed {
		h.lines = append(h.lines, fmt.Sprintf("packet %s %s %s %s %s", h.run, h.labelField(), t.addr, addr, hex.EncodeToString(b)))
	}
	dest := h.transports[addr]
	blocked := h.partitioned[t.addr] || h.partitioned[addr]
	h.mu.Unlock()
	now := time.Now()
	if dest != nil && !blocked {
		select {
		case dest.packetCh <- &memberlist.Packet{Buf: append([]byte(nil), b...), From: captureAddr(t.addr), Timestamp: now}:
		default:
		}
	}
	return now, nil
}

func (t *captureTransport) PacketCh() <-chan *memberlist.Packet { return t.packetCh }
func (t *captureTransport) StreamCh() <-chan net.Conn           { return t.streamCh }
func (t *captureTransport) Shutdown() error                     { return nil }

func (t *captureTransport) DialTimeout(addr string, timeout time.Duration) (net.Conn, error) {
	h := t.hub
	h.mu.Lock()
	dest := h.transports[addr]
	blocked := h.partitioned[t.addr] || h.partitioned[addr]
	s := &captureStream{id: len(h.streams)}
	if dest != nil && !blocked {
		h.streams = append(h.streams, s)
	}
	h.mu.Unlock()
	if dest == nil || blocked {
		return nil, fmt.Errorf("no route to %s", addr)
	}
	client, server := net.Pipe()
	select {
	case dest.streamCh <- &captureConn{Conn: server, stream: s, dialer: false, remote: t.addr}:
	case <-time.After(timeout):
		return nil, fmt.Errorf("dial %s timed out", addr)
	}
	return &captureConn{Conn: client, stream: s, dialer: true, remote: addr}, nil
}

type captureConn struct {
	net.Conn
	stream *captureStream
	dialer bool
	remote string
}

func (c *captureConn) Write(b []byte) (int, error) {
	c.stream.lock.Lock()
	if c.dialer {
		c.stream.c2s = append(c.stream.c2s, b...)
	} else {
		c.stream.s2c = append(c.stream.s2c, b...)
	}
	c.stream.lock.Unlock()
	return c.Conn.Write(b)
}

func (c *captureConn) RemoteAddr() net.Addr { return captureAddr(c.remote) }

func (h *captureHub) labelField() string {
	if h.label == "" {
		return "-"
	}
	return h.label
}

// ckitDelegate mimics ckit's node delegate: State broadcasts as user messages (go-msgpack v0.5.5)
// and a localState user state on push/pull.
type ckitDelegate struct {
	name   string
	queue  *memberlist.TransmitLimitedQueue
	mu     sync.Mutex
	states map[string]ckitState
	clock  uint64
}

type ckitBroadcast struct {
	name string
	msg  []byte
}

func (b *ckitBroadcast) Invalidates(memberlist.Broadcast) bool { return false }
func (b *ckitBroadcast) Name() string                          { return b.name }
func (b *ckitBroadcast) Message() []byte                       { return b.msg }
func (b *ckitBroadcast) Finished()                             {}

func (d *ckitDelegate) NodeMeta(int) []byte { return nil }

func (d *ckitDelegate) NotifyMsg(raw []byte) {
	var s ckitState
	if len(raw) >= 3 && mpDecode055(raw[3:], &s) == nil {
		d.mu.Lock()
		if old, ok := d.states[s.NodeName]; !ok || s.Time > old.Time {
			d.states[s.NodeName] = s
			d.queue.QueueBroadcast(&ckitBroadcast{name: s.NodeName, msg: raw})
		}
		if s.Time >= d.clock {
			d.clock = s.Time + 1
		}
		d.mu.Unlock()
	}
}

func (d *ckitDelegate) GetBroadcasts(overhead, limit int) [][]byte {
	return d.queue.GetBroadcasts(overhead, limit)
}

func (d *ckitDelegate) LocalState(bool) []byte {
	d.mu.Lock()
	defer d.mu.Unlock()
	ls := ckitLocalState{CurrentTime: d.clock, NodeStates: []ckitState{}}
	for _, s := range d.states {
		ls.NodeStates = append(ls.NodeStates, s)
	}
	return mpEncode055(&ls)
}

func (d *ckitDelegate) MergeRemoteState(buf []byte, _ bool) {
	var ls ckitLocalState
	_ = mpDecode055(buf, &ls)
}

func (d *ckitDelegate) changeState(state uint) {
	d.mu.Lock()
	d.clock++
	s := ckitState{NodeName: d.name, NewState: state, Time: d.clock}
	d.states[d.name] = s
	d.mu.Unlock()
	d.queue.QueueBroadcast(&ckitBroadcast{name: d.name, msg: ckitEncodeState055(&s)})
}

func runWireCapture(args []string) error {
	fs := flag.NewFlagSet("wire-capture", flag.ContinueOnError)
	scale := fs.Duration("unit", 100*time.Millisecond, "time unit the scenario is scaled by")
	if err := fs.Parse(args); err != nil {
		return err
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for i, label := range []string{"", "prod"} {
		if err := captureRun(out, strconv.Itoa(i), label, *scale); err != nil {
			return err
		}
	}
	return nil
}

func captureRun(out *bufio.Writer, run, label string, unit time.Duration) error {
	hub := &captureHub{run: run, label: label, transports: map[string]*captureTransport{}, partitioned: map[string]bool{}}
	var lists []*memberlist.Memberlist
	var delegates []*ckitDelegate
	for i, name := range []string{"node-a", "node-b", "node-c"} {
		t := hub.newTransport(fmt.Sprintf("127.0.0.%d", i+1))
		cfg := memberlist.DefaultLANConfig()
		cfg.Name = name
		cfg.Transport = t
		cfg.AdvertiseAddr = t.ip.String()
		cfg.AdvertisePort = 7946
		cfg.Label = label
		cfg.ProbeInterval = 2 * unit
		cfg.ProbeTimeout = unit
		cfg.GossipInterval = unit / 2
		cfg.PushPullInterval = 4 * unit
		cfg.TCPTimeout = 10 * unit
		cfg.DisableTcpPings = true
		cfg.UDPBufferSize = 10 * 1024 * 1024
		cfg.LogOutput = io.Discard
		d := &ckitDelegate{name: name, states: map[string]ckitState{}}
		cfg.Delegate = d
		ml, err := memberlist.Create(cfg)
		if err != nil {
			return err
		}
		d.queue = &memberlist.TransmitLimitedQueue{NumNodes: ml.NumMembers, RetransmitMult: 4}
		lists = append(lists, ml)
		delegates = append(delegates, d)
	}
	for _, ml := range lists[1:] {
		if _, err := ml.Join([]string{"127.0.0.1:7946"}); err != nil {
			return err
		}
	}
	for _, d := range delegates {
		d.changeState(1)
	}
	time.Sleep(15 * unit)
	if label == "" {
		hub.mu.Lock()
		hub.partitioned["127.0.0.3:7946"] = true
		hub.mu.Unlock()
		time.Sleep(20 * unit)
		hub.mu.Lock()
		delete(hub.partitioned, "127.0.0.3:7946")
		hub.mu.Unlock()
		time.Sleep(20 * unit)
	}
	delegates[2].changeState(2)
	time.Sleep(5 * unit)
	if err := lists[2].Leave(10 * unit); err != nil {
		return err
	}
	time.Sleep(5 * unit)
	for _, ml := range lists {
		_ = ml.Shutdown()
	}
	hub.mu.Lock()
	hub.closed = true
	for _, l := range hub.lines {
		fmt.Fprintln(out, l)
	}
	for _, s := range hub.streams {
		s.lock.Lock()
		if len(s.c2s) > 0 {
			fmt.Fprintf(out, "stream %s %s %d c2s %s\n", run, hub.labelField(), s.id, hex.EncodeToString(s.c2s))
		}
		if len(s.s2c) > 0 {
			fmt.Fprintf(out, "stream %s %s %d s2c %s\n", run, hub.labelField(), s.id, hex.EncodeToString(s.s2c))
		}
		s.lock.Unlock()
	}
	hub.mu.Unlock()
	return nil
}
