package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/grafana/ckit/peer"
	"github.com/grafana/ckit/shard"
)

// The peer subcommand's sharders and its lookup and owners commands (see peer.go).

// sharders keeps one sharder of each kind in sync; ckit updates it before observers run.
type sharders struct {
	ring, rendezvous, multiprobe shard.Sharder
}

func (s *sharders) Lookup(key shard.Key, n int, op shard.Op) ([]peer.Peer, error) {
	return s.ring.Lookup(key, n, op)
}
func (s *sharders) Peers() []peer.Peer { return s.ring.Peers() }
func (s *sharders) SetPeers(ps []peer.Peer) {
	for _, sh := range []shard.Sharder{s.ring, s.rendezvous, s.multiprobe} {
		sh.SetPeers(append([]peer.Peer(nil), ps...))
	}
}

func (p *peerProcess) lookup(args []string) (map[string]any, error) {
	if len(args) != 4 {
		return nil, errors.New("usage: lookup <ring|rendezvous|multiprobe> <key> <n> <read|readwrite>")
	}
	q, err := p.parseQuery(args[0], args[2], args[3])
	if err != nil {
		return nil, err
	}
	key, err := parseKey(args[1])
	if err != nil {
		return nil, err
	}
	owners, err := q.sharder.Lookup(key, q.n, q.op)
	if err != nil {
		return nil, err
	}
	return map[string]any{"key": uint64(key), "owners": owners}, nil
}

// owners looks up many keys with one sharder, returning owner names only.
func (p *peerProcess) owners(args []string) (map[string]any, error) {
	if len(args) != 4 {
		return nil, errors.New("usage: owners <ring|rendezvous|multiprobe> <n> <read|readwrite> <key,key,...>")
	}
	q, err := p.parseQuery(args[0], args[1], args[2])
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, raw := range strings.Split(args[3], ",") {
		key, err := parseKey(raw)
		if err != nil {
			return nil, err
		}
		owners, err := q.sharder.Lookup(key, q.n, q.op)
		if err != nil {
			out = append(out, []string{"error: " + err.Error()})
			continue
		}
		names := make([]string, len(owners))
		for i, o := range owners {
			names[i] = o.Name
		}
		out = append(out, names)
	}
	return map[string]any{"owners": out}, nil
}

type shardQuery struct {
	sharder shard.Sharder
	n       int
	op      shard.Op
}

func (p *peerProcess) parseQuery(sharder, n, op string) (shardQuery, error) {
	var q shardQuery
	switch sharder {
	case "ring":
		q.sharder = p.shards.ring
	case "rendezvous":
		q.sharder = p.shards.rendezvous
	case "multiprobe":
		q.sharder = p.shards.multiprobe
	default:
		return q, fmt.Errorf("unknown sharder %q", sharder)
	}
	var err error
	if q.n, err = strconv.Atoi(n); err != nil {
		return q, fmt.Errorf("bad owner count %q", n)
	}
	switch op {
	case "read":
		q.op = shard.OpRead
	case "readwrite":
		q.op = shard.OpReadWrite
	default:
		return q, fmt.Errorf("unknown op %q", op)
	}
	return q, nil
}

// parseKey hashes a key with shard.StringKey, or reads "u64:<decimal>" as a raw shard.Key.
func parseKey(s string) (shard.Key, error) {
	if raw, ok := strings.CutPrefix(s, "u64:"); ok {
		v, err := strconv.ParseUint(raw, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("bad u64 key %q: %w", raw, err)
		}
		return shard.Key(v), nil
	}
	return shard.StringKey(s), nil
}
