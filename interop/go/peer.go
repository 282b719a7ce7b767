package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"github.com/grafana/ckit"
	"github.com/grafana/ckit/peer"
	"github.com/grafana/ckit/shard"
	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/net/http2"
	"golang.org/x/net/http2/h2c"
)

// The peer subcommand runs one real Go ckit Node, served by Go's http.Server (h2c, or TLS with
// ALPN h2), for mixed Java/Go cluster tests.
//
// Output: one JSON object per line on stdout. Asynchronous events carry "event":
//
//	{"event":"listening","name":"go-1","addr":"127.0.0.1:41234","advertise":"127.0.0.1:41234","pid":4242}
//	{"event":"peers","peers":[{"name":"go-1","addr":"127.0.0.1:41234","isSelf":true,"state":"viewer"}]}
//	{"event":"exiting"}
//
// Input: one command per line on stdin; each is answered with exactly one line carrying "reply"
// (the command word), "ok", and either the result fields or "error":
//
//	join <addr,...>                                   -> {"reply":"join","ok":true,"joined":N}
//	state <viewer|participant|terminating>            -> {"reply":"state","ok":true}
//	peers                                             -> {"reply":"peers","ok":true,"peers":[...]}
//	lookup <ring|rendezvous|multiprobe> <key> <n> <read|readwrite>
//	                                                  -> {"reply":"lookup","ok":true,"owners":[...]}
//	owners <ring|rendezvous|multiprobe> <n> <read|readwrite> <key,key,...>
//	                                                  -> {"reply":"owners","ok":true,"owners":[["go-1","go-2"],...]}
//	                                                     (owner names per key, in key order; a key whose
//	                                                     lookup fails gets ["error: <message>"])
//	info                                              -> {"reply":"info","ok":true,"name":"go-1","state":"viewer","lamport":7}
//	metrics [prefix]                                  -> {"reply":"metrics","ok":true,"metrics":{"name{label=\"v\"}":value,...},
//	                                                      "families":{"name":{"type":"counter","help":"..."},...}}
//	stop                                              -> {"reply":"stop","ok":true}  (leave + shutdown)
//	exit                                              -> {"reply":"exit","ok":true}, then the process exits 0
//
// Restart a peer under the same name by starting a new process with that -name (and, after a crash,
// the same -listen address: memberlist keeps a dead node's address until it is reaped). To crash a
// peer, kill it with SIGKILL; "pid" in the listening event names the process.
//
// A lookup key is hashed with shard.StringKey, unless written "u64:<decimal>" (a raw shard.Key).
// End of stdin acts as "exit", so the peer never outlives its driver. Logs go to stderr.
func init() {
	register("peer", "run a real Go ckit Node driven by stdin commands; JSON lines on stdout", runPeer)
}

type peerOptions struct {
	name, listen, advertise, label   string
	tlsCert, tlsKey, tlsCA, logLevel string
	ringTokens                       int
}

func runPeer(args []string) error {
	var o peerOptions
	fs := flag.NewFlagSet("peer", flag.ContinueOnError)
	fs.StringVar(&o.name, "name", "", "node name (required, unique in the cluster)")
	fs.StringVar(&o.listen, "listen", "127.0.0.1:0", "host:port to serve HTTP/2 on")
	fs.StringVar(&o.advertise, "advertise", "", "host:port other nodes dial (default: the listen address)")
	fs.StringVar(&o.label, "label", "", "cluster label (ckit Config.Label)")
	fs.StringVar(&o.tlsCert, "tls-cert", "", "PEM certificate; with -tls-key, serve and dial over TLS")
	fs.StringVar(&o.tlsKey, "tls-key", "", "PEM private key for -tls-cert")
	fs.StringVar(&o.tlsCA, "tls-ca", "", "PEM CA bundle that peer certificates must chain to (default: system roots)")
	fs.StringVar(&o.logLevel, "log-level", "warn", "stderr log level: debug, info, warn, error, none")
	fs.IntVar(&o.ringTokens, "ring-tokens", 256, "tokens per node of the ring sharder")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.name == "" {
		return errors.New("-name is required")
	}
	if (o.tlsCert == "") != (o.tlsKey == "") {
		return errors.New("-tls-cert and -tls-key go together")
	}
	return newPeerProcess(o).run()
}

type peerProcess struct {
	opts    peerOptions
	outMut  sync.Mutex
	out     *bufio.Writer
	logger  log.Logger
	node    *ckit.Node
	shards  *sharders
	server  *http.Server
	stopped bool
}

func newPeerProcess(o peerOptions) *peerProcess {
	return &peerProcess{
		opts: o,
		out:  bufio.NewWriter(os.Stdout),
		shards: &sharders{
			ring:       shard.Ring(o.ringTokens),
			rendezvous: shard.Rendezvous(),
			multiprobe: shard.Multiprobe(),
		},
	}
}

func (p *peerProcess) emit(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(map[string]any{"event": "error", "error": err.Error()})
	}
	p.outMut.Lock()
	defer p.outMut.Unlock()
	p.out.Write(b)
	p.out.WriteByte('\n')
	p.out.Flush()
}

func (p *peerProcess) run() error {
	p.logger = newLogger(p.opts.logLevel, p.opts.name)

	var serverTLS, clientTLS *tls.Config
	if p.opts.tlsCert != "" {
		var err error
		if serverTLS, clientTLS, err = loadTLS(p.opts); err != nil {
			return err
		}
	}

	lis, err := net.Listen("tcp", p.opts.listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", p.opts.listen, err)
	}
	advertise := p.opts.advertise
	if advertise == "" {
		advertise = lis.Addr().String()
	}

	node, err := ckit.NewNode(newHTTPClient(clientTLS), ckit.Config{
		Name:          p.opts.name,
		AdvertiseAddr: advertise,
		Log:           p.logger,
		Sharder:       p.shards,
		Label:         p.opts.label,
		EnableTLS:     clientTLS != nil,
	})
	if err != nil {
		lis.Close()
		return fmt.Errorf("create node: %w", err)
	}
	p.node = node

	mux := http.NewServeMux()
	route, handler := node.Handler()
	mux.Handle(route, handler)
	p.server = &http.Server{ErrorLog: nil}
	if serverTLS != nil {
		p.server.Handler = mux
		p.server.TLSConfig = serverTLS
		if err := http2.ConfigureServer(p.server, &http2.Server{}); err != nil {
			return fmt.Errorf("configure HTTP/2: %w", err)
		}
		go p.serve(func() error { return p.server.ServeTLS(lis, "", "") })
	} else {
		p.server.Handler = h2c.NewHandler(mux, &http2.Server{})
		go p.serve(func() error { return p.server.Serve(lis) })
	}

	node.Observe(ckit.FuncObserver(func(peers []peer.Peer) bool {
		p.emit(map[string]any{"event": "peers", "peers": peers})
		return true
	}))
	if err := node.Start(nil); err != nil {
		return fmt.Errorf("start node: %w", err)
	}
	p.emit(map[string]any{"event": "listening", "name": p.opts.name, "addr": lis.Addr().String(), "advertise": advertise, "pid": os.Getpid()})

	p.commands(os.Stdin)
	p.shutdown()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = p.server.Shutdown(ctx)
	p.emit(map[string]any{"event": "exiting"})
	return nil
}

func (p *peerProcess) serve(serve func() error) {
	if err := serve(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		level.Error(p.logger).Log("msg", "HTTP server failed", "err", err)
		p.emit(map[string]any{"event": "error", "error": err.Error()})
	}
}

func (p *peerProcess) commands(in io.Reader) {
	scanner := bufio.NewScanner(in)
	scanner.Buffer(make([]byte, 64*1024), 1024*1024)
	for scanner.Scan() {
		fields := strings.Fields(scanner.Text())
		if len(fields) == 0 {
			continue
		}
		reply := map[string]any{"reply": fields[0]}
		result, err := p.execute(fields[0], fields[1:])
		for k, v := range result {
			reply[k] = v
		}
		reply["ok"] = err == nil
		if err != nil {
			reply["error"] = err.Error()
		}
		p.emit(reply)
		if fields[0] == "exit" {
			return
		}
	}
}

func (p *peerProcess) execute(cmd string, args []string) (map[string]any, error) {
	switch cmd {
	case "join":
		if len(args) != 1 {
			return nil, errors.New("usage: join <addr,...>")
		}
		addrs := strings.Split(args[0], ",")
		before := len(p.node.Peers())
		if err := p.node.Start(addrs); err != nil {
			return nil, err
		}
		return map[string]any{"peersBefore": before}, nil
	case "state":
		if len(args) != 1 {
			return nil, errors.New("usage: state <viewer|participant|terminating>")
		}
		var to peer.State
		switch args[0] {
		case "viewer":
			to = peer.StateViewer
		case "participant":
			to = peer.StateParticipant
		case "terminating":
			to = peer.StateTerminating
		default:
			return nil, fmt.Errorf("unknown state %q", args[0])
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return nil, p.node.ChangeState(ctx, to)
	case "peers":
		return map[string]any{"peers": p.node.Peers()}, nil
	case "lookup":
		return p.lookup(args)
	case "owners":
		return p.owners(args)
	case "info":
		return map[string]any{
			"name":    p.opts.name,
			"state":   p.node.CurrentState().String(),
			"lamport": p.lamport(),
		}, nil
	case "metrics":
		prefix := ""
		if len(args) > 0 {
			prefix = args[0]
		}
		return p.metrics(prefix)
	case "stop", "exit":
		return nil, p.shutdown()
	default:
		return nil, fmt.Errorf("unknown command %q", cmd)
	}
}

// lamport reads the node's lamport clock through its cluster_node_lamport_time metric.
func (p *peerProcess) lamport() uint64 {
	res, err := p.metrics("cluster_node_lamport_time")
	if err != nil {
		return 0
	}
	return uint64(res["metrics"].(map[string]float64)["cluster_node_lamport_time"])
}

// metrics gathers the node's Prometheus metrics (ckit's Node.Metrics) whose names start with prefix.
func (p *peerProcess) metrics(prefix string) (map[string]any, error) {
	reg := prometheus.NewRegistry()
	if err := reg.Register(p.node.Metrics()); err != nil {
		return nil, err
	}
	families, err := reg.Gather()
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	described := map[string]any{}
	for _, mf := range families {
		if !strings.HasPrefix(mf.GetName(), prefix) {
			continue
		}
		described[mf.GetName()] = map[string]string{
			"type": strings.ToLower(mf.GetType().String()),
			"help": mf.GetHelp(),
		}
		for _, m := range mf.GetMetric() {
			key := mf.GetName()
			if len(m.GetLabel()) > 0 {
				labels := make([]string, 0, len(m.GetLabel()))
				for _, l := range m.GetLabel() {
					labels = append(labels, fmt.Sprintf("%s=%q", l.GetName(), l.GetValue()))
				}
				key += "{" + strings.Join(labels, ",") + "}"
			}
			switch {
			case m.GetCounter() != nil:
				out[key] = m.GetCounter().GetValue()
			case m.GetGauge() != nil:
				out[key] = m.GetGauge().GetValue()
			case m.GetUntyped() != nil:
				out[key] = m.GetUntyped().GetValue()
			case m.GetHistogram() != nil:
				out[key+"_count"] = float64(m.GetHistogram().GetSampleCount())
			case m.GetSummary() != nil:
				out[key+"_count"] = float64(m.GetSummary().GetSampleCount())
			}
		}
	}
	return map[string]any{"metrics": out, "families": described}, nil
}

// shutdown leaves the cluster and stops the node; the HTTP server keeps answering (503) until exit.
func (p *peerProcess) shutdown() error {
	if p.stopped {
		return nil
	}
	p.stopped = true
	return p.node.Stop()
}

func newHTTPClient(clientTLS *tls.Config) *http.Client {
	if clientTLS != nil {
		return &http.Client{Transport: &http2.Transport{TLSClientConfig: clientTLS}}
	}
	return &http.Client{Transport: &http2.Transport{
		AllowHTTP: true,
		DialTLSContext: func(ctx context.Context, network, addr string, _ *tls.Config) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
	}}
}

func loadTLS(o peerOptions) (server, client *tls.Config, err error) {
	cert, err := tls.LoadX509KeyPair(o.tlsCert, o.tlsKey)
	if err != nil {
		return nil, nil, fmt.Errorf("load TLS key pair: %w", err)
	}
	var roots *x509.CertPool
	if o.tlsCA != "" {
		pem, err := os.ReadFile(o.tlsCA)
		if err != nil {
			return nil, nil, fmt.Errorf("read CA: %w", err)
		}
		roots = x509.NewCertPool()
		if !roots.AppendCertsFromPEM(pem) {
			return nil, nil, fmt.Errorf("no certificates in %s", o.tlsCA)
		}
	}
	server = &tls.Config{Certificates: []tls.Certificate{cert}, NextProtos: []string{"h2"}}
	client = &tls.Config{RootCAs: roots, NextProtos: []string{"h2"}}
	return server, client, nil
}

func newLogger(lvl, name string) log.Logger {
	if lvl == "none" {
		return log.NewNopLogger()
	}
	logger := log.NewLogfmtLogger(log.NewSyncWriter(os.Stderr))
	logger = log.With(logger, "node", name, "ts", log.DefaultTimestampUTC)
	switch lvl {
	case "debug":
		return level.NewFilter(logger, level.AllowDebug())
	case "info":
		return level.NewFilter(logger, level.AllowInfo())
	case "error":
		return level.NewFilter(logger, level.AllowError())
	default:
		return level.NewFilter(logger, level.AllowWarn())
	}
}
