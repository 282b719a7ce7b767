package main

// wire-vectors: prints the wire spec's §6 vectors (gossiphttp frames excluded), decoder-tolerance
// results and many randomised cases, all produced at run time by go-msgpack v2.1.5 (memberlist's
// encoding), go-msgpack v0.5.5 (this ckit revision's own messages), compress/lzw and hash/crc32.
//
// Output, one record per line, space separated:
//
//	vec NAME HEX                      a fixed vector
//	tol KIND NAME INPUT RESULT [v055=RESULT]
//	                                   Go's decoder on INPUT: RESULT is the re-encoded value or ERR
//	rand KIND HEX [Field=VALUE ...]    a random message and its field values
//	lzw IN OUT                         random LZW input and Go's compressed output
//
// Field values: integers in decimal, bools as true/false, strings and byte slices as hex of their
// bytes ("" for empty), nil byte slices as "nil".

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strings"
)

func init() {
	register("wire-vectors", "print memberlist/ckit wire vectors, tolerance results and random cases", runWireVectors)
}

var localhost = []byte{127, 0, 0, 1}
var ckitVsn = []uint8{1, 5, 2, 0, 0, 0}

type vecWriter struct{ w *bufio.Writer }

func (v vecWriter) line(parts ...string) {
	v.w.WriteString(strings.Join(parts, " "))
	v.w.WriteByte('\n')
}

func (v vecWriter) vec(name string, b []byte) { v.line("vec", name, hex.EncodeToString(b)) }

func runWireVectors(args []string) error {
	fs := flag.NewFlagSet("wire-vectors", flag.ContinueOnError)
	seed := fs.Int64("seed", 1, "seed for the random cases")
	count := fs.Int("count", 200, "random cases per kind")
	if err := fs.Parse(args); err != nil {
		return err
	}
	out := vecWriter{bufio.NewWriter(os.Stdout)}
	defer out.w.Flush()
	fixedVectors(out)
	toleranceVectors(out)
	randomVectors(out, rand.New(rand.NewSource(*seed)), *count)
	return nil
}

func fixedVectors(out vecWriter) {
	m1 := encodeMsg(pingMsg, &ping{SeqNo: 1, Node: "a"})
	m2 := encodeMsg(pingMsg, &ping{SeqNo: 1, Node: "node-b", SourceAddr: localhost, SourcePort: 7946, SourceNode: "node-a"})
	m4 := encodeMsg(ackRespMsg, &ackResp{SeqNo: 1, Payload: nil})
	m8 := encodeMsg(aliveMsg, &alive{Incarnation: 1, Node: "node-a", Addr: localhost, Port: 7946, Meta: nil, Vsn: ckitVsn})
	out.vec("M1", m1)
	out.vec("M2", m2)
	out.vec("M3", encodeMsg(indirectPingMsg, &indirectPingReq{SeqNo: 7, Target: []byte{10, 0, 0, 2}, Port: 7946,
		Node: "node-c", Nack: true, SourceAddr: []byte{10, 0, 0, 1}, SourcePort: 7946, SourceNode: "node-a"}))
	out.vec("M4", m4)
	out.vec("M5", encodeMsg(ackRespMsg, &ackResp{SeqNo: 1, Payload: []byte{}}))
	out.vec("M6", encodeMsg(nackRespMsg, &nackResp{SeqNo: 300}))
	out.vec("M7", encodeMsg(suspectMsg, &suspect{Incarnation: 5, Node: "node-b", From: "node-a"}))
	out.vec("M8", m8)
	out.vec("M9", encodeMsg(deadMsg, &dead{Incarnation: 3, Node: "node-a", From: "node-a"}))
	out.vec("M10", encodeMsg(errMsg, &errResp{Error: "boom"}))
	out.vec("M11", mpEncode(&userMsgHeader{UserMsgLen: 5}))
	out.vec("M12", mpEncode(&pushPullHeader{Nodes: 200, UserStateLen: 70000, Join: false}))
	out.vec("M13", encodeMsg(suspectMsg, &suspect{Incarnation: math.MaxUint32, Node: strings.Repeat("n", 32), From: ""}))
	out.vec("M14", encodeMsg(nackRespMsg, &nackResp{SeqNo: 128}))
	out.vec("M15", encodeMsg(nackRespMsg, &nackResp{SeqNo: 65536}))

	c1 := makeCompound([][]byte{m4, m8})
	c2 := addCrc(c1)
	out.vec("C1", c1)
	out.vec("C2", c2)
	out.vec("C3", addLabel(c2, "prod"))
	out.vec("C5", lzwCompress(m8))
	out.vec("C6", compressPayload(m8))
	out.vec("C7", addCrc([]byte("123456789"))[1:5])
	out.vec("C1z", compressPayload(c1))
	var tenAlives [][]byte
	for i := 0; i < 10; i++ {
		tenAlives = append(tenAlives, encodeMsg(aliveMsg, &alive{Incarnation: 1, Node: fmt.Sprintf("node-%d", i),
			Addr: localhost, Port: uint16(7946 + i), Vsn: ckitVsn}))
	}
	c8 := makeCompound(tenAlives)
	out.vec("C8", c8)
	out.vec("C8z", compressPayload(c8))

	tobe := []byte("TOBEORNOTTOBEORTOBEORNOT")
	out.vec("Z1in", tobe)
	out.vec("Z1", lzwCompress(tobe))
	out.vec("Z2", lzwCompress(nil))
	out.vec("Z3", lzwCompress([]byte("A")))
	z4 := make([]byte, 100000)
	x := uint32(1)
	for i := range z4 {
		x = x*1103515245 + 12345
		z4[i] = byte((x>>16)%7) + 'a'
	}
	out.vec("Z4in", z4)
	out.vec("Z4", lzwCompress(z4))

	k1 := &ckitState{NodeName: "node-a", NewState: 1, Time: 42}
	k2 := &ckitState{NodeName: "node-b", NewState: 2, Time: 4294967296}
	for _, v := range []struct {
		suffix string
		enc    func(*ckitState) []byte
		encLS  func(interface{}) []byte
	}{{"", ckitEncodeState055, mpEncode055}, {".v2", ckitEncodeStateV2, mpEncodeV2Zero}} {
		out.vec("K1"+v.suffix, v.enc(k1))
		out.vec("K2"+v.suffix, v.enc(k2))
		out.vec("K5"+v.suffix, v.encLS(&ckitLocalState{CurrentTime: 42, NodeStates: []ckitState{
			{NodeName: "node-a", NewState: 1, Time: 42}, {NodeName: "node-b", NewState: 0, Time: 0}}}))
		out.vec("K6"+v.suffix, v.encLS(&ckitLocalState{CurrentTime: 0, NodeStates: []ckitState{}}))
	}
	k3 := append([]byte{userMsg}, ckitEncodeState055(k1)...)
	out.vec("K3", k3)
	out.vec("K4", makeCompound([][]byte{m2, k3}))

	k5 := mpEncode055(&ckitLocalState{CurrentTime: 42, NodeStates: []ckitState{
		{NodeName: "node-a", NewState: 1, Time: 42}, {NodeName: "node-b", NewState: 0, Time: 0}}})
	s1a := mpEncode(&pushNodeState{Name: "node-a", Addr: localhost, Port: 7946, Incarnation: 1, State: 0, Vsn: ckitVsn})
	s1b := mpEncode(&pushNodeState{Name: "node-b", Addr: []byte{127, 0, 0, 2}, Port: 7946, Incarnation: 2, State: 3, Vsn: ckitVsn})
	s1 := plainPushPull(true, [][]byte{s1a, s1b}, k5)
	out.vec("S1a", s1a)
	out.vec("S1", s1)
	s2 := compressPayload(s1)
	out.vec("S2", s2)
	out.vec("S3payload", append(addLabel(nil, "prod"), s2...))
	out.vec("S4", compressPayload(encodeMsg(errMsg, &errResp{Error: "boom"})))
	s5 := append([]byte{userMsg}, mpEncode(&userMsgHeader{UserMsgLen: 5})...)
	out.vec("S5", append(s5, "hello"...))
}

// plainPushPull is memberlist's sendLocalState body before compression.
func plainPushPull(join bool, states [][]byte, user []byte) []byte {
	var buf bytes.Buffer
	buf.WriteByte(pushPullMsg)
	buf.Write(mpEncode(&pushPullHeader{Nodes: len(states), UserStateLen: len(user), Join: join}))
	for _, s := range states {
		buf.Write(s)
	}
	buf.Write(user)
	return buf.Bytes()
}
