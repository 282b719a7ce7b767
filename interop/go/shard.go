package main

// Golden cases for the shard package: random peer sets, keys, owner counts and ops, answered by
// the real Go ckit shard package. Output is line based (hex for free text, "-" for empty):
//
//	set <index> <algo> <tokens> <reuse 0|1> <count>   count -1: SetPeers is never called
//	p <nameHex> <addrHex> <self 0|1> <state 0|1|2>    count lines, the SetPeers input order
//	peers <i> <i> ...                                 Sharder.Peers(), as indices of the p lines
//	lk <op> <n> <key> <result>                        raw key (unsigned decimal)
//	ls <op> <n> <strHex> <key> <result>               shard.StringKey(str)
//
// where <result> is "ok <i> <i> ..." (owners as p indices), "err <text>" or "panic <text>".

import (
	"bufio"
	"encoding/hex"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
	"github.com/grafana/ckit/peer"
	"github.com/grafana/ckit/shard"
)

func init() {
	register("shard-golden", "print random sharder cases with Go ckit's owners (-seed, -cases)", runShardGolden)
}

var ringTokenChoices = []int{1, 2, 3, 7, 16, 64, 128, 255, 256, 257, 300, 512}

func runShardGolden(args []string) error {
	fs := flag.NewFlagSet("shard-golden", flag.ContinueOnError)
	seed := fs.Int64("seed", 1, "random seed")
	cases := fs.Int("cases", 10000, "minimum number of lookups to print")
	perSet := fs.Int("per-set", 50, "lookups per peer set")
	if err := fs.Parse(args); err != nil {
		return err
	}
	r := rand.New(rand.NewSource(*seed))
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()

	algos := []string{"ring", "rendezvous", "multiprobe"}
	var (
		prev     shard.Sharder
		prevAlgo string
		prevToks int
		printed  int
		setIndex int
	)
	for printed < *cases {
		algo := algos[setIndex%len(algos)]
		tokens := 0
		if algo == "ring" {
			tokens = ringTokenChoices[r.Intn(len(ringTokenChoices))]
		}
		reuse := prev != nil && r.Intn(4) == 0
		if reuse {
			algo, tokens = prevAlgo, prevToks
		}
		count := peerCount(r)
		if !reuse && r.Intn(40) == 0 {
			count = -1
		}
		var s shard.Sharder
		if reuse {
			s = prev
		} else {
			s = newSharder(algo, tokens)
		}
		peers := randomPeers(r, max(count, 0))
		fmt.Fprintf(w, "set %d %s %d %d %d\n", setIndex, algo, tokens, b2i(reuse), count)
		for _, p := range peers {
			fmt.Fprintf(w, "p %s %s %d %d\n", hexOrDash(p.Name), hexOrDash(p.Addr), b2i(p.Self), int(p.State))
		}
		index := make(map[string]int, len(peers))
		for i, p := range peers {
			index[p.Name] = i
		}
		if count >= 0 {
			// SetPeers sorts its argument in place; hand it a copy so the printed order stays.
			s.SetPeers(append([]peer.Peer(nil), peers...))
		}
		fmt.Fprint(w, "peers")
		for _, p := range s.Peers() {
			fmt.Fprintf(w, " %d", index[p.Name])
		}
		fmt.Fprintln(w)

		eligible := map[shard.Op]int{}
		for _, p := range peers {
			if count >= 0 && p.State == peer.StateParticipant {
				eligible[shard.OpRead]++
				eligible[shard.OpReadWrite]++
			} else if count >= 0 && p.State == peer.StateTerminating {
				eligible[shard.OpRead]++
			}
		}
		for i := 0; i < *perSet; i++ {
			op := shard.Op(r.Intn(2))
			n := ownerCount(r, eligible[op])
			if r.Intn(3) == 0 {
				str := randomString(r, r.Intn(40))
				key := shard.StringKey(str)
				fmt.Fprintf(w, "ls %d %d %s %d %s\n", op, n, hexOrDash(str), uint64(key), lookup(s, key, n, op, index))
			} else {
				key := randomKey(r, peers, tokens)
				fmt.Fprintf(w, "lk %d %d %d %s\n", op, n, uint64(key), lookup(s, key, n, op, index))
			}
			printed++
		}
		prev, prevAlgo, prevToks = s, algo, tokens
		setIndex++
	}
	return nil
}

func newSharder(algo string, tokens int) shard.Sharder {
	switch algo {
	case "ring":
		return shard.Ring(tokens)
	case "rendezvous":
		return shard.Rendezvous()
	default:
		return shard.Multiprobe()
	}
}

func lookup(s shard.Sharder, key shard.Key, n int, op shard.Op, index map[string]int) (res string) {
	defer func() {
		if p := recover(); p != nil {
			res = "panic " + oneLine(fmt.Sprint(p))
		}
	}()
	owners, err := s.Lookup(key, n, op)
	if err != nil {
		return "err " + oneLine(err.Error())
	}
	var b strings.Builder
	b.WriteString("ok")
	for _, p := range owners {
		fmt.Fprintf(&b, " %d", index[p.Name])
	}
	return b.String()
}

// peerCount spreads peer set sizes over 0..1000, with the small sizes (where edge cases live)
// and the full 1000 both well represented.
func peerCount(r *rand.Rand) int {
	switch x := r.Intn(20); {
	case x == 0:
		return 0
	case x == 1:
		return 1000
	case x < 10:
		return 1 + r.Intn(10)
	case x < 15:
		return 11 + r.Intn(90)
	default:
		return 101 + r.Intn(900)
	}
}

// ownerCount picks n: mostly small, sometimes everything eligible or more, sometimes 0 or
// negative (Go panics on negative counts).
func ownerCount(r *rand.Rand, eligible int) int {
	switch x := r.Intn(40); {
	case x == 0:
		return 0
	case x == 1:
		return -1 - r.Intn(3)
	case x < 4:
		return eligible
	case x < 6:
		return eligible + 1 + r.Intn(2)
	case x < 10:
		return 1 + r.Intn(eligible+2)
	default:
		return 1 + r.Intn(5)
	}
}

func randomPeers(r *rand.Rand, count int) []peer.Peer {
	// Per set state mix: some sets are all participants, some have many viewers or terminating.
	viewers := []float64{0, 0.1, 0.5}[r.Intn(3)]
	terminating := []float64{0, 0.1, 0.5}[r.Intn(3)]
	style := r.Intn(4)
	prefix := randomString(r, 1+r.Intn(6))
	seen := map[string]bool{}
	peers := make([]peer.Peer, 0, count)
	for len(peers) < count {
		var name string
		switch style {
		case 0:
			name = fmt.Sprintf("node-%d", r.Intn(10*count+10))
		case 1:
			name = randomASCII(r, 1+r.Intn(30))
		case 2:
			name = randomString(r, 1+r.Intn(12))
		default:
			name = prefix + randomString(r, r.Intn(3))
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		state := peer.StateParticipant
		switch x := r.Float64(); {
		case x < viewers:
			state = peer.StateViewer
		case x < viewers+terminating:
			state = peer.StateTerminating
		}
		peers = append(peers, peer.Peer{
			Name:  name,
			Addr:  fmt.Sprintf("10.%d.%d.%d:%d", r.Intn(256), r.Intn(256), r.Intn(256), 1+r.Intn(65535)),
			Self:  r.Intn(10) == 0,
			State: state,
		})
	}
	return peers
}

// randomKey picks a raw key: uniformly random, an extreme value, or exactly on (or next to) a
// token of one of the peers, where the >= boundaries of the searches are decided.
func randomKey(r *rand.Rand, peers []peer.Peer, tokens int) shard.Key {
	switch x := r.Intn(10); {
	case x == 0:
		return shard.Key([]uint64{0, 1, math.MaxUint64, 1 << 63, 1<<63 - 1}[r.Intn(5)])
	case x < 3 && len(peers) > 0:
		name := peers[r.Intn(len(peers))].Name
		tok := xxhash.Sum64String(name) // a multiprobe token
		if tokens > 0 {
			d := xxhash.New()
			_, _ = d.WriteString(name)
			for t := 0; t <= r.Intn(tokens); t++ {
				_, _ = d.Write([]byte{byte(t)})
			}
			tok = d.Sum64() // a ring token
		}
		return shard.Key(tok + uint64(r.Intn(3)) - 1)
	default:
		return shard.Key(r.Uint64())
	}
}

// randomString returns n runes drawn from ASCII, 2-, 3- and 4-byte UTF-8, including the
// U+E000..U+FFFF range that sorts after supplementary characters in UTF-16 but before them in
// UTF-8.
func randomString(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		var c rune
		switch r.Intn(6) {
		case 0, 1:
			c = rune(0x20 + r.Intn(0x5f))
		case 2:
			c = rune(0x80 + r.Intn(0x780))
		case 3:
			c = rune(0x800 + r.Intn(0xD800-0x800))
		case 4:
			c = rune(0xE000 + r.Intn(0x2000))
		default:
			c = rune(0x10000 + r.Intn(0x100000))
		}
		if !utf8.ValidRune(c) {
			c = 'x'
		}
		b.WriteRune(c)
	}
	return b.String()
}

func randomASCII(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(0x21 + r.Intn(0x5e))
	}
	return string(b)
}

func hexOrDash(s string) string {
	if s == "" {
		return "-"
	}
	return hex.EncodeToString([]byte(s))
}

func oneLine(s string) string {
	return strconv.Quote(s)[1 : len(strconv.Quote(s))-1]
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
