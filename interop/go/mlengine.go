package main

// Oracles for the Java membership engine (ckit-core io.ckit.internal.swim):
//
//   ml-math n    Go's math.Log2, math.Log10 and math.Log of 1..n (and of the small values the
//                suspicion formula uses), as float64 bits, which memberlist's suspicionTimeout,
//                retransmitLimit, pushPullScale and remainingSuspicionTime are built from.
//   ml-retransmit n
//                memberlist's retransmit limit for cluster sizes 0..n, observed through the
//                exported TransmitLimitedQueue (how many GetBroadcasts calls return one message).
//   ml-queue-collision
//                the TransmitLimitedQueue key-collision sequence (see TransmitLimitedQueueTest).

import (
	"fmt"
	"math"
	"strconv"

	"github.com/hashicorp/memberlist"
)

type oracleBroadcast struct {
	name string
	msg  []byte
	log  func(string)
}

func (b *oracleBroadcast) Invalidates(memberlist.Broadcast) bool { return false }
func (b *oracleBroadcast) Message() []byte                       { return b.msg }
func (b *oracleBroadcast) Name() string                          { return b.name }
func (b *oracleBroadcast) Finished() {
	if b.log != nil {
		b.log(b.name)
	}
}

func init() {
	register("ml-math", "print Go's Log2/Log10/Log of 1..n as float64 bits: ml-math <n>", func(args []string) error {
		n, err := limitArg(args)
		if err != nil {
			return err
		}
		for i := 1; i <= n; i++ {
			x := float64(i)
			fmt.Printf("%d %x %x %x\n", i, math.Float64bits(math.Log2(x)), math.Float64bits(math.Log10(x)),
				math.Float64bits(math.Log(x)))
		}
		return nil
	})
	register("ml-retransmit", "print memberlist's observed retransmit limit for n = 0..n: ml-retransmit <n>", func(args []string) error {
		n, err := limitArg(args)
		if err != nil {
			return err
		}
		for i := 0; i <= n; i++ {
			size := i
			q := &memberlist.TransmitLimitedQueue{NumNodes: func() int { return size }, RetransmitMult: 4}
			q.QueueBroadcast(&oracleBroadcast{name: "x", msg: []byte("x")})
			sends := 0
			for len(q.GetBroadcasts(2, 1000)) > 0 {
				sends++
			}
			fmt.Printf("%d %d\n", i, sends)
		}
		return nil
	})
	register("ml-queue-collision", "run the TransmitLimitedQueue key-collision sequence", func(args []string) error {
		q := &memberlist.TransmitLimitedQueue{NumNodes: func() int { return 100 }, RetransmitMult: 4}
		logf := func(name string) { fmt.Printf("finished %s\n", name) }
		q.QueueBroadcast(&oracleBroadcast{name: "node-76", msg: make([]byte, 41), log: logf})
		for i := 0; i < 4; i++ {
			q.GetBroadcasts(2, 1000)
		}
		alive := make([]byte, 63)
		alive[0] = 'a'
		q.QueueBroadcast(&oracleBroadcast{name: "node-76", msg: alive, log: logf})
		refute := make([]byte, 63)
		refute[0] = 'r'
		q.QueueBroadcast(&oracleBroadcast{name: "10.0.0.92", msg: refute, log: logf})
		fmt.Printf("queued %d\n", q.NumQueued())
		for _, m := range q.GetBroadcasts(2, 1000) {
			fmt.Printf("got %c %d\n", m[0], len(m))
		}
		return nil
	})
}

func limitArg(args []string) (int, error) {
	if len(args) != 1 {
		return 0, fmt.Errorf("expected one argument, the upper limit")
	}
	return strconv.Atoi(args[0])
}
