package main

// Mirrors of memberlist v0.5.3's unexported wire structs (net.go) and of ckit's internal
// messages (internal/messages/state.go, node.go localState): same field names, types, order and
// codec tags, so go-msgpack encodes them exactly as memberlist and ckit do.

import (
	"bytes"
	"compress/lzw"
	"hash/crc32"
	"io"

	codec055 "github.com/hashicorp/go-msgpack/codec"
	"github.com/hashicorp/go-msgpack/v2/codec"
)

type ping struct {
	SeqNo      uint32
	Node       string
	SourceAddr []byte `codec:",omitempty"`
	SourcePort uint16 `codec:",omitempty"`
	SourceNode string `codec:",omitempty"`
}

type indirectPingReq struct {
	SeqNo      uint32
	Target     []byte
	Port       uint16
	Node       string
	Nack       bool
	SourceAddr []byte `codec:",omitempty"`
	SourcePort uint16 `codec:",omitempty"`
	SourceNode string `codec:",omitempty"`
}

type ackResp struct {
	SeqNo   uint32
	Payload []byte
}

type nackResp struct {
	SeqNo uint32
}

type errResp struct {
	Error string
}

type suspect struct {
	Incarnation uint32
	Node        string
	From        string
}

type alive struct {
	Incarnation uint32
	Node        string
	Addr        []byte
	Port        uint16
	Meta        []byte
	Vsn         []uint8
}

type dead struct {
	Incarnation uint32
	Node        string
	From        string
}

type pushPullHeader struct {
	Nodes        int
	UserStateLen int
	Join         bool
}

type userMsgHeader struct {
	UserMsgLen int
}

type nodeStateType int

type pushNodeState struct {
	Name        string
	Addr        []byte
	Port        uint16
	Meta        []byte
	Incarnation uint32
	State       nodeStateType
	Vsn         []uint8
}

type compressionType uint8

type compress struct {
	Algo compressionType
	Buf  []byte
}

// ckit's peer.State is a uint; lamport.Time is a uint64.
type ckitState struct {
	NodeName string
	NewState uint
	Time     uint64
}

type ckitLocalState struct {
	CurrentTime uint64
	NodeStates  []ckitState
}

// Message type bytes (memberlist net.go).
const (
	pingMsg         = 0
	indirectPingMsg = 1
	ackRespMsg      = 2
	suspectMsg      = 3
	aliveMsg        = 4
	deadMsg         = 5
	pushPullMsg     = 6
	compoundMsg     = 7
	userMsg         = 8
	compressMsg     = 9
	nackRespMsg     = 11
	hasCrcMsg       = 12
	errMsg          = 13
	hasLabelMsg     = 244
)

// mpEncode encodes v as memberlist's encode() does (v2.1.5, TimeNotBuiltin).
func mpEncode(v interface{}) []byte {
	var buf bytes.Buffer
	hd := codec.MsgpackHandle{BasicHandle: codec.BasicHandle{TimeNotBuiltin: true}}
	if err := codec.NewEncoder(&buf, &hd).Encode(v); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// mpEncode055 encodes v as this ckit revision's messages.Encode and encodeLocalState do.
func mpEncode055(v interface{}) []byte {
	var buf bytes.Buffer
	var hd codec055.MsgpackHandle
	if err := codec055.NewEncoder(&buf, &hd).Encode(v); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// encodeMsg is memberlist's encode(): type byte + msgpack.
func encodeMsg(t byte, v interface{}) []byte {
	return append([]byte{t}, mpEncode(v)...)
}

// makeCompound is memberlist's makeCompoundMessage.
func makeCompound(msgs [][]byte) []byte {
	out := []byte{compoundMsg, byte(len(msgs))}
	for _, m := range msgs {
		out = append(out, byte(len(m)>>8), byte(len(m)))
	}
	for _, m := range msgs {
		out = append(out, m...)
	}
	return out
}

// lzwCompress is Go's compress/lzw with memberlist's parameters.
func lzwCompress(in []byte) []byte {
	var buf bytes.Buffer
	w := lzw.NewWriter(&buf, lzw.LSB, 8)
	if _, err := w.Write(in); err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func lzwDecompress(in []byte) ([]byte, error) {
	r := lzw.NewReader(bytes.NewReader(in), lzw.LSB, 8)
	defer r.Close()
	return io.ReadAll(r)
}

// compressPayload is memberlist's compressPayload.
func compressPayload(in []byte) []byte {
	return encodeMsg(compressMsg, &compress{Algo: 0, Buf: lzwCompress(in)})
}

// addCrc is memberlist's CRC wrapper from rawSendMsgPacket.
func addCrc(in []byte) []byte {
	crc := crc32.ChecksumIEEE(in)
	return append([]byte{hasCrcMsg, byte(crc >> 24), byte(crc >> 16), byte(crc >> 8), byte(crc)}, in...)
}

// addLabel is memberlist's AddLabelHeaderToPacket for a non-empty label.
func addLabel(in []byte, label string) []byte {
	return append(append([]byte{hasLabelMsg, byte(len(label))}, label...), in...)
}

// ckitEncodeState055 is ckit's messages.Encode at the pinned revision (go-msgpack v0.5.5).
func ckitEncodeState055(s *ckitState) []byte {
	return append([]byte{0x12, 0x01, 0x01}, mpEncode055(s)...)
}

// ckitEncodeStateV2 is the same with go-msgpack v2.1.5 (ckit HEAD).
func ckitEncodeStateV2(s *ckitState) []byte {
	var buf bytes.Buffer
	var hd codec.MsgpackHandle
	if err := codec.NewEncoder(&buf, &hd).Encode(s); err != nil {
		panic(err)
	}
	return append([]byte{0x12, 0x01, 0x01}, buf.Bytes()...)
}

func mpEncodeV2Zero(v interface{}) []byte {
	var buf bytes.Buffer
	var hd codec.MsgpackHandle
	if err := codec.NewEncoder(&buf, &hd).Encode(v); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
