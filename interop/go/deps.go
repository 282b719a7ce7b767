package main

// Blank imports pin the modules the oracle is about; the subcommands use them directly.
import (
	_ "github.com/grafana/ckit"
	_ "github.com/hashicorp/go-msgpack/v2/codec"
	_ "github.com/hashicorp/memberlist"
)
