package main

// Golden cases for shard keys. Output is line based (hex for bytes, "-" for none):
//
//	k <strHex> <key>                        shard.StringKey(str)
//	b <chunks> <chunks> <key>               KeyBuilder: write the first chunks, Reset, write the
//	                                        second, Key; chunks are comma-separated hex byte strings
//	s <chunks> <key>                        KeyBuilder over chunks that split a string at rune
//	                                        boundaries (so each chunk is itself valid UTF-8)
//	h <value> <hash>                        xxhash of strconv.AppendUint(nil, value, 16), the
//	                                        second key of ckit's multiprobe hash
//
// Keys and values are unsigned decimal.

import (
	"bufio"
	"encoding/hex"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"

	"github.com/cespare/xxhash/v2"
	"github.com/grafana/ckit/shard"
)

func init() {
	register("key-golden", "print random strings and byte chunks with Go ckit's keys (-seed, -cases)", runKeyGolden)
}

func runKeyGolden(args []string) error {
	fs := flag.NewFlagSet("key-golden", flag.ContinueOnError)
	seed := fs.Int64("seed", 1, "random seed")
	cases := fs.Int("cases", 2000, "number of cases of each kind")
	if err := fs.Parse(args); err != nil {
		return err
	}
	r := rand.New(rand.NewSource(*seed))
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()

	for i := 0; i < *cases; i++ {
		// Every length from 0 to 130 bytes at least once, then random lengths up to 300.
		var str string
		if i <= 130 {
			str = randomASCII(r, i)
			if i%2 == 1 {
				str = randomBytesString(r, i)
			}
		} else if i%3 == 0 {
			str = randomASCII(r, r.Intn(300))
		} else {
			str = randomString(r, r.Intn(100))
		}
		fmt.Fprintf(w, "k %s %d\n", hexOrDash(str), uint64(shard.StringKey(str)))

		before := randomChunks(r, randomRaw(r, r.Intn(80)))
		after := randomChunks(r, randomRaw(r, r.Intn(300)))
		kb := shard.NewKeyBuilder()
		for _, c := range before {
			_, _ = kb.Write(c)
		}
		kb.Reset()
		for _, c := range after {
			_, _ = kb.Write(c)
		}
		fmt.Fprintf(w, "b %s %s %d\n", chunkList(before), chunkList(after), uint64(kb.Key()))

		runes := []rune(randomString(r, r.Intn(120)))
		var parts [][]byte
		for len(runes) > 0 {
			n := r.Intn(len(runes) + 1)
			parts = append(parts, []byte(string(runes[:n])))
			runes = runes[n:]
		}
		kb.Reset()
		for _, c := range parts {
			_, _ = kb.Write(c)
		}
		fmt.Fprintf(w, "s %s %d\n", chunkList(parts), uint64(kb.Key()))

		v := r.Uint64() >> uint(r.Intn(64))
		fmt.Fprintf(w, "h %d %d\n", v, xxhash.Sum64(strconv.AppendUint(nil, v, 16)))
	}
	return nil
}

// randomBytesString returns n bytes that are valid UTF-8 mixing 1- to 4-byte sequences.
func randomBytesString(r *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		c := randomString(r, 1)
		if b.Len()+len(c) > n {
			c = randomASCII(r, 1)
		}
		b.WriteString(c)
	}
	return b.String()
}

func randomRaw(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	_, _ = r.Read(b)
	return b
}

func randomChunks(r *rand.Rand, b []byte) [][]byte {
	var chunks [][]byte
	for len(b) > 0 {
		n := r.Intn(len(b) + 1)
		if r.Intn(4) == 0 {
			n = min(r.Intn(3), len(b)) // many tiny and empty writes
		}
		chunks = append(chunks, b[:n])
		b = b[n:]
	}
	return chunks
}

func chunkList(chunks [][]byte) string {
	if len(chunks) == 0 {
		return "-"
	}
	parts := make([]string, len(chunks))
	for i, c := range chunks {
		parts[i] = hex.EncodeToString(c)
	}
	return strings.Join(parts, ",")
}
