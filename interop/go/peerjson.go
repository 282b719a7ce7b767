package main

// Golden cases for peer JSON: each line is
//
//	j <nameHex> <addrHex> <self 0|1> <state 0|1|2> <jsonHex>
//
// where json is encoding/json's Marshal of the peer.Peer, whose MarshalJSON ckit defines.

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"

	"github.com/grafana/ckit/peer"
)

func init() {
	register("peer-json", "print peers with their Go JSON encoding (-seed, -cases)", runPeerJSON)
}

func runPeerJSON(args []string) error {
	fs := flag.NewFlagSet("peer-json", flag.ContinueOnError)
	seed := fs.Int64("seed", 1, "random seed")
	cases := fs.Int("cases", 500, "number of random peers after the fixed ones")
	if err := fs.Parse(args); err != nil {
		return err
	}
	r := rand.New(rand.NewSource(*seed))
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()

	// Every character that encoding/json treats specially, then random text.
	var special []rune
	for c := rune(0); c < 0x20; c++ {
		special = append(special, c)
	}
	special = append(special, '"', '\\', '/', '<', '>', '&', 0x7f, 0x2028, 0x2029, 0xfeff, 0xfffd)
	texts := []string{"", "test-peer", "localhost", "127.0.0.1:7946"}
	for _, c := range special {
		texts = append(texts, "a"+string(c)+"b")
	}
	for i := 0; i < *cases; i++ {
		texts = append(texts, randomString(r, r.Intn(20))+string(special[r.Intn(len(special))]))
	}
	for i, name := range texts {
		p := peer.Peer{
			Name:  name,
			Addr:  texts[r.Intn(len(texts))],
			Self:  i%2 == 0,
			State: peer.AllStates[i%len(peer.AllStates)],
		}
		b, err := json.Marshal(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "j %s %s %d %d %s\n", hexOrDash(p.Name), hexOrDash(p.Addr), b2i(p.Self), int(p.State), hex.EncodeToString(b))
	}
	return nil
}
