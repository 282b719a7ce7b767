package main

// Randomised cases for wire-vectors.

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
	"strconv"
)

func randString(r *rand.Rand) string {
	n := r.Intn(40)
	switch r.Intn(10) {
	case 0:
		n = 0
	case 1:
		n = 31 + r.Intn(3) // fixstr / str16 boundary
	case 2:
		n = 200 + r.Intn(400) // str16
	}
	runes := []rune("abcxyz-_.0123456789ABCéü€😀")
	s := make([]rune, 0, n)
	for len(string(s)) < n {
		s = append(s, runes[r.Intn(len(runes))])
	}
	return string(s)
}

func randBytes(r *rand.Rand) []byte {
	switch r.Intn(6) {
	case 0:
		return nil
	case 1:
		return []byte{}
	case 2:
		return []byte{byte(r.Intn(256)), byte(r.Intn(256)), byte(r.Intn(256)), byte(r.Intn(256))}
	}
	n := r.Intn(80)
	if r.Intn(8) == 0 {
		n = 65530 + r.Intn(12) // str16 / str32 boundary
	}
	b := make([]byte, n)
	r.Read(b)
	return b
}

func randUint(r *rand.Rand, bits int) uint64 {
	edges := []uint64{0, 1, 127, 128, 255, 256, 32767, 32768, 65535, 65536, math.MaxUint32, 1 << 32, math.MaxInt64, math.MaxUint64}
	var v uint64
	if r.Intn(3) == 0 {
		v = edges[r.Intn(len(edges))]
	} else {
		v = r.Uint64() >> uint(r.Intn(64))
	}
	if bits < 64 {
		v &= (1 << uint(bits)) - 1
	}
	return v
}

func fs(b string) string { return hex.EncodeToString([]byte(b)) }

func fb(b []byte) string {
	if b == nil {
		return "nil"
	}
	return hex.EncodeToString(b)
}

func fu(v uint64) string { return strconv.FormatUint(v, 10) }

func randomVectors(out vecWriter, r *rand.Rand, count int) {
	emit := func(kind string, b []byte, fields ...string) {
		out.line(append([]string{"rand", kind, hex.EncodeToString(b)}, fields...)...)
	}
	for i := 0; i < count; i++ {
		p := ping{SeqNo: uint32(randUint(r, 32)), Node: randString(r), SourceAddr: randBytes(r),
			SourcePort: uint16(randUint(r, 16)), SourceNode: randString(r)}
		emit("ping", encodeMsg(pingMsg, &p), "SeqNo="+fu(uint64(p.SeqNo)), "Node="+fs(p.Node),
			"SourceAddr="+fb(p.SourceAddr), "SourcePort="+fu(uint64(p.SourcePort)), "SourceNode="+fs(p.SourceNode))

		ip := indirectPingReq{SeqNo: uint32(randUint(r, 32)), Target: randBytes(r), Port: uint16(randUint(r, 16)),
			Node: randString(r), Nack: r.Intn(2) == 0, SourceAddr: randBytes(r), SourcePort: uint16(randUint(r, 16)),
			SourceNode: randString(r)}
		emit("indirect", encodeMsg(indirectPingMsg, &ip), "SeqNo="+fu(uint64(ip.SeqNo)), "Target="+fb(ip.Target),
			"Port="+fu(uint64(ip.Port)), "Node="+fs(ip.Node), "Nack="+strconv.FormatBool(ip.Nack),
			"SourceAddr="+fb(ip.SourceAddr), "SourcePort="+fu(uint64(ip.SourcePort)), "SourceNode="+fs(ip.SourceNode))

		a := ackResp{SeqNo: uint32(randUint(r, 32)), Payload: randBytes(r)}
		emit("ack", encodeMsg(ackRespMsg, &a), "SeqNo="+fu(uint64(a.SeqNo)), "Payload="+fb(a.Payload))

		n := nackResp{SeqNo: uint32(randUint(r, 32))}
		emit("nack", encodeMsg(nackRespMsg, &n), "SeqNo="+fu(uint64(n.SeqNo)))

		e := errResp{Error: randString(r)}
		emit("err", encodeMsg(errMsg, &e), "Error="+fs(e.Error))

		s := suspect{Incarnation: uint32(randUint(r, 32)), Node: randString(r), From: randString(r)}
		emit("suspect", encodeMsg(suspectMsg, &s), "Incarnation="+fu(uint64(s.Incarnation)), "Node="+fs(s.Node), "From="+fs(s.From))

		d := dead{Incarnation: uint32(randUint(r, 32)), Node: randString(r), From: randString(r)}
		emit("dead", encodeMsg(deadMsg, &d), "Incarnation="+fu(uint64(d.Incarnation)), "Node="+fs(d.Node), "From="+fs(d.From))

		al := alive{Incarnation: uint32(randUint(r, 32)), Node: randString(r), Addr: randBytes(r),
			Port: uint16(randUint(r, 16)), Meta: randBytes(r), Vsn: randBytes(r)}
		emit("alive", encodeMsg(aliveMsg, &al), "Incarnation="+fu(uint64(al.Incarnation)), "Node="+fs(al.Node),
			"Addr="+fb(al.Addr), "Port="+fu(uint64(al.Port)), "Meta="+fb(al.Meta), "Vsn="+fb(al.Vsn))

		st := randState(r)
		v055 := ckitEncodeState055(&st)
		emit("state", v055, "v2="+hex.EncodeToString(ckitEncodeStateV2(&st)), "NodeName="+fs(st.NodeName),
			"NewState="+fu(uint64(st.NewState)), "Time="+fu(st.Time))

		ls := ckitLocalState{CurrentTime: randUint(r, 64), NodeStates: []ckitState{}}
		for j := r.Intn(20); j > 0; j-- {
			ls.NodeStates = append(ls.NodeStates, randState(r))
		}
		emit("local", mpEncode055(&ls), "v2="+hex.EncodeToString(mpEncodeV2Zero(&ls)))

		var states [][]byte
		for j := r.Intn(20); j > 0; j-- {
			ns := pushNodeState{Name: randString(r), Addr: randBytes(r), Port: uint16(randUint(r, 16)),
				Meta: randBytes(r), Incarnation: uint32(randUint(r, 32)), State: nodeStateType(r.Intn(4)), Vsn: randBytes(r)}
			states = append(states, mpEncode(&ns))
		}
		user := mpEncode055(&ls)
		if r.Intn(4) == 0 {
			user = nil
		}
		pp := plainPushPull(r.Intn(2) == 0, states, user)
		emit("pushpull", pp)
		emit("compressed-pushpull", compressPayload(pp))
	}
	for i := 0; i < 40; i++ {
		n := r.Intn(30000)
		if i < 5 {
			n = i
		}
		alphabet := 1 + r.Intn(256)
		in := make([]byte, n)
		for j := range in {
			in[j] = byte(r.Intn(alphabet))
		}
		out.line("lzw", hex.EncodeToString(in), hex.EncodeToString(lzwCompress(in)))
	}
	_ = fmt.Sprint
}

func randState(r *rand.Rand) ckitState {
	return ckitState{NodeName: randString(r), NewState: uint(r.Intn(3)), Time: randUint(r, 64)}
}
