package main

// Decoder-tolerance cases for wire-vectors: hand-made inputs that Go's decoders accept or reject.

import (
	"bytes"
	"encoding/hex"
	"strings"

	codec055 "github.com/hashicorp/go-msgpack/codec"
	"github.com/hashicorp/go-msgpack/v2/codec"
)

// mpDecode is memberlist's decode(): go-msgpack v2.1.5 with a zero handle.
func mpDecode(b []byte, out interface{}) error {
	return codec.NewDecoder(bytes.NewReader(b), &codec.MsgpackHandle{}).Decode(out)
}

func mpDecode055(b []byte, out interface{}) error {
	var hd codec055.MsgpackHandle
	return codec055.NewDecoder(bytes.NewReader(b), &hd).Decode(out)
}

func hx(s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		panic(err)
	}
	return b
}

// decodeMsgAndReencode decodes a single packet message as memberlist would and re-encodes it.
func decodeMsgAndReencode(in []byte) string {
	if len(in) < 1 {
		return "ERR"
	}
	var v interface{}
	switch in[0] {
	case pingMsg:
		v = &ping{}
	case indirectPingMsg:
		v = &indirectPingReq{}
	case ackRespMsg:
		v = &ackResp{}
	case suspectMsg:
		v = &suspect{}
	case aliveMsg:
		v = &alive{}
	case deadMsg:
		v = &dead{}
	case nackRespMsg:
		v = &nackResp{}
	case errMsg:
		v = &errResp{}
	default:
		return "ERR"
	}
	if err := mpDecode(in[1:], v); err != nil {
		return "ERR"
	}
	return hex.EncodeToString(encodeMsg(in[0], v))
}

// decodeStateAndReencode decodes a ckit State (after its 3-byte prefix) with the given decoder.
func decodeStateAndReencode(in []byte, dec func([]byte, interface{}) error) string {
	var s ckitState
	if len(in) < 3 || in[0] != 0x12 || in[1] != 0x01 || in[2] != 0x01 {
		return "ERR"
	}
	if err := dec(in[3:], &s); err != nil {
		return "ERR"
	}
	return hex.EncodeToString(ckitEncodeState055(&s))
}

func decodeLocalStateAndReencode(in []byte, dec func([]byte, interface{}) error) string {
	var s ckitLocalState
	if err := dec(in, &s); err != nil {
		return "ERR"
	}
	if s.NodeStates == nil {
		s.NodeStates = []ckitState{}
	}
	return hex.EncodeToString(mpEncode055(&s))
}

// decodePushPullAndReencode reads a plain push/pull as readRemoteState does (without the port
// fix-up) and re-encodes it as sendLocalState does.
func decodePushPullAndReencode(in []byte) string {
	if len(in) < 1 || in[0] != pushPullMsg {
		return "ERR"
	}
	r := bytes.NewReader(in[1:])
	dec := codec.NewDecoder(r, &codec.MsgpackHandle{})
	var h pushPullHeader
	if err := dec.Decode(&h); err != nil || h.Nodes < 0 || h.UserStateLen < 0 {
		return "ERR"
	}
	var states [][]byte
	for i := 0; i < h.Nodes; i++ {
		var s pushNodeState
		if err := dec.Decode(&s); err != nil {
			return "ERR"
		}
		states = append(states, mpEncode(&s))
	}
	user := make([]byte, h.UserStateLen)
	if n, _ := r.Read(user); n != h.UserStateLen && h.UserStateLen > 0 {
		return "ERR"
	}
	return hex.EncodeToString(plainPushPull(h.Join, states, user))
}

func toleranceVectors(out vecWriter) {
	msgs := []struct{ name, in string }{
		{"alive-reordered-str8-bin8-intarray-unknown", "04 87 a3 56 73 6e 96 01 05 02 00 00 00 a4 50 6f 72 74 d1 1f 0a d9 04 4e 6f 64 65 d9 06 6e 6f 64 65 2d 61 a4 4d 65 74 61 c0 a4 58 74 72 61 2a ab 49 6e 63 61 72 6e 61 74 69 6f 6e ce 00 00 00 05 a4 41 64 64 72 c4 04 7f 00 00 01"},
		{"alive-positional", "04 96 07 a1 78 a4 7f 00 00 01 cd 1f 0a c0 a6 01 05 02 00 00 00"},
		{"alive-positional-short", "04 92 07 a1 78"},
		{"alive-positional-extra", "04 97 07 a1 78 a4 7f 00 00 01 cd 1f 0a c0 a6 01 05 02 00 00 00 81 a1 61 92 01 02"},
		{"indirect-nack-fixint1", "01 81 a4 4e 61 63 6b 01"},
		{"indirect-nack-fixint0", "01 81 a4 4e 61 63 6b 00"},
		{"indirect-nack-fixint2", "01 81 a4 4e 61 63 6b 02"},
		{"indirect-nack-nil", "01 81 a4 4e 61 63 6b c0"},
		{"suspect-lowercase-key", "03 81 ab 69 6e 63 61 72 6e 61 74 69 6f 6e 05"},
		{"suspect-negative-fixint", "03 81 ab 49 6e 63 61 72 6e 61 74 69 6f 6e ff"},
		{"suspect-negative-int8", "03 81 ab 49 6e 63 61 72 6e 61 74 69 6f 6e d0 fe"},
		{"suspect-uint32-overflow", "03 81 ab 49 6e 63 61 72 6e 61 74 69 6f 6e cf 00 00 00 01 00 00 00 00"},
		{"suspect-float", "03 81 ab 49 6e 63 61 72 6e 61 74 69 6f 6e ca 3f 80 00 00"},
		{"nack-int16", "0b 81 a5 53 65 71 4e 6f d1 01 2c"},
		{"nack-int64", "0b 81 a5 53 65 71 4e 6f d3 00 00 00 00 00 00 01 2c"},
		{"nack-uint32-max", "0b 81 a5 53 65 71 4e 6f ce ff ff ff ff"},
		{"nack-negative-int8", "0b 81 a5 53 65 71 4e 6f d0 80"},
		{"nack-map16", "0b de 00 01 a5 53 65 71 4e 6f 05"},
		{"nack-array-extra", "0b 92 09 a3 61 62 63"},
		{"nack-duplicate-key", "0b 82 a5 53 65 71 4e 6f 01 a5 53 65 71 4e 6f 02"},
		{"nack-trailing-bytes", "0b 81 a5 53 65 71 4e 6f 01 ff ff"},
		{"nack-nil-struct", "0b c0"},
		{"nack-empty-map", "0b 80"},
		{"nack-string-body", "0b a1 78"},
		{"nack-int-key", "0b 81 01 05"},
		{"nack-nil-key", "0b 82 c0 05 a5 53 65 71 4e 6f 07"},
		{"nack-bin-key", "0b 81 c4 05 53 65 71 4e 6f 06"},
		{"nack-intarray-key", "0b 81 95 53 65 71 4e 6f 08"},
		{"alive-nil-struct", "04 c0"},
		{"alive-nil-fields", "04 82 a4 4e 6f 64 65 c0 a4 50 6f 72 74 c0"},
		{"err-unknown-nested", "0d 83 a1 5a 81 a1 61 92 ca 3f c0 00 00 d4 01 07 a5 45 72 72 6f 72 a1 78 a1 59 cb 00 00 00 00 00 00 00 00"},
		{"err-str8", "0d 81 a5 45 72 72 6f 72 d9 01 79"},
		{"err-bin16", "0d 81 a5 45 72 72 6f 72 c5 00 01 79"},
		{"err-intarray-string", "0d 81 a5 45 72 72 6f 72 92 78 79"},
		{"err-int-string", "0d 81 a5 45 72 72 6f 72 05"},
		{"ping-bin-keys-intarray-addr", "00 82 c4 04 4e 6f 64 65 c5 00 01 78 aa 53 6f 75 72 63 65 41 64 64 72 94 7f 00 00 01"},
		{"ping-sourceport-overflow", "00 81 aa 53 6f 75 72 63 65 50 6f 72 74 ce 00 01 00 00"},
		{"ping-addr-array-nil-element", "00 81 aa 53 6f 75 72 63 65 41 64 64 72 92 c0 01"},
		{"ping-addr-array-256", "00 81 aa 53 6f 75 72 63 65 41 64 64 72 91 cd 01 00"},
		{"ping-addr-array-negative", "00 81 aa 53 6f 75 72 63 65 41 64 64 72 91 ff"},
		{"ping-empty-sourceaddr", "00 81 aa 53 6f 75 72 63 65 41 64 64 72 a0"},
		{"ack-bin-payload", "02 82 a7 50 61 79 6c 6f 61 64 c4 02 01 02 a5 53 65 71 4e 6f 01"},
		{"ack-invalid-byte", "02 81 a1 5a c1"},
		{"ack-truncated", "02 82 a7 50 61 79 6c 6f 61 64 c4 05 01"},
		{"dead-map32", "05 df 00 00 00 01 a4 46 72 6f 6d a1 61"},
		{"dead-huge-map", "05 df ff ff ff ff"},
		{"empty-body", "05"},
	}
	for _, m := range msgs {
		in := hx(m.in)
		out.line("tol", "msg", m.name, hex.EncodeToString(in), decodeMsgAndReencode(in))
	}

	states := []struct{ name, in string }{
		{"state-reordered", "12 01 01 83 a4 54 69 6d 65 2a a8 4e 6f 64 65 4e 61 6d 65 a6 6e 6f 64 65 2d 61 a8 4e 65 77 53 74 61 74 65 01"},
		{"state-positional", "12 01 01 93 a6 6e 6f 64 65 2d 61 01 2a"},
		{"state-signed-time", "12 01 01 81 a4 54 69 6d 65 d3 00 00 00 00 00 00 01 00"},
		{"state-negative-time", "12 01 01 81 a4 54 69 6d 65 ff"},
		{"state-bin-name", "12 01 01 81 a8 4e 6f 64 65 4e 61 6d 65 c4 01 78"},
		{"state-str8-name", "12 01 01 81 a8 4e 6f 64 65 4e 61 6d 65 d9 01 78"},
		{"state-unknown-key", "12 01 01 82 a1 5a 93 01 02 03 a8 4e 65 77 53 74 61 74 65 02"},
		{"state-nil", "12 01 01 c0"},
	}
	for _, s := range states {
		in := hx(s.in)
		out.line("tol", "state", s.name, hex.EncodeToString(in),
			decodeStateAndReencode(in, mpDecode), "v055="+decodeStateAndReencode(in, mpDecode055))
	}

	locals := []struct{ name, in string }{
		{"local-nil-states", "82 ab 43 75 72 72 65 6e 74 54 69 6d 65 05 aa 4e 6f 64 65 53 74 61 74 65 73 c0"},
		{"local-positional", "92 07 91 93 a1 61 01 02"},
		{"local-nil-element", "81 aa 4e 6f 64 65 53 74 61 74 65 73 92 c0 83 a8 4e 65 77 53 74 61 74 65 01 a8 4e 6f 64 65 4e 61 6d 65 a1 62 a4 54 69 6d 65 03"},
		{"local-states-not-array", "81 aa 4e 6f 64 65 53 74 61 74 65 73 05"},
	}
	for _, s := range locals {
		in := hx(s.in)
		out.line("tol", "local", s.name, hex.EncodeToString(in),
			decodeLocalStateAndReencode(in, mpDecode), "v055="+decodeLocalStateAndReencode(in, mpDecode055))
	}

	pushPulls := []struct{ name, in string }{
		{"pp-join-fixint1", "06 83 a4 4a 6f 69 6e 01 a5 4e 6f 64 65 73 00 ac 55 73 65 72 53 74 61 74 65 4c 65 6e 00"},
		{"pp-unsigned-counts", "06 83 a4 4a 6f 69 6e c2 a5 4e 6f 64 65 73 cc 01 ac 55 73 65 72 53 74 61 74 65 4c 65 6e cd 00 02 81 a4 4e 61 6d 65 a1 61 01 02"},
		{"pp-positional-node", "06 93 01 01 c3 97 a1 61 a4 7f 00 00 01 cd 1f 0a c0 07 02 a6 01 05 02 00 00 00 2a"},
		{"pp-short-user-state", "06 81 ac 55 73 65 72 53 74 61 74 65 4c 65 6e 05 01 02"},
		{"pp-missing-node", "06 81 a5 4e 6f 64 65 73 02 80"},
	}
	for _, p := range pushPulls {
		in := hx(p.in)
		out.line("tol", "pushpull", p.name, hex.EncodeToString(in), decodePushPullAndReencode(in))
	}

	lzws := []struct{ name, in string }{
		{"lzw-old-Z1", "54 9e 08 29 f2 44 8a 93 27 54 04 12 34 b8 b0 e0 c1 84 01 01"},
		{"lzw-old-Z3", "41 02 02"},
		{"lzw-old-Z2", "01 01"},
		{"lzw-clear-eof", "00 03 02"},
		{"lzw-empty", ""},
		{"lzw-no-eof", "00"},
		{"lzw-literal-no-eof", "00 83 04"},
		{"lzw-invalid-code", "00 58 02"},
		{"lzw-trailing-after-eof", "00 83 04 04 ff ff"},
		{"lzw-clear-twice", "00 02 0c 20 40"},
	}
	for _, l := range lzws {
		in := hx(l.in)
		res := "ERR"
		if plain, err := lzwDecompress(in); err == nil {
			res = hex.EncodeToString(plain)
			if res == "" {
				res = "EMPTY"
			}
		}
		out.line("tol", "lzw", l.name, hex.EncodeToString(in), res)
	}
}
