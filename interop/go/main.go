// Command ckit-oracle runs the real Go ckit (and memberlist) on behalf of the Java test suite.
//
// Each subcommand lives in its own file and registers itself in init(). Usage:
//
//	ckit-oracle <subcommand> [flags]
//
// Subcommands write their results to stdout; diagnostics go to stderr.
package main

import (
	"fmt"
	"os"
	"sort"
)

type subcommand struct {
	help string
	run  func(args []string) error
}

var subcommands = map[string]subcommand{}

func register(name, help string, run func(args []string) error) {
	if _, dup := subcommands[name]; dup {
		panic("duplicate subcommand " + name)
	}
	subcommands[name] = subcommand{help: help, run: run}
}

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	cmd, ok := subcommands[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "unknown subcommand %q\n", os.Args[1])
		usage()
		os.Exit(2)
	}
	if err := cmd.run(os.Args[2:]); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

func usage() {
	names := make([]string, 0, len(subcommands))
	for name := range subcommands {
		names = append(names, name)
	}
	sort.Strings(names)
	fmt.Fprintln(os.Stderr, "usage: ckit-oracle <subcommand> [flags]")
	for _, name := range names {
		fmt.Fprintf(os.Stderr, "  %-20s %s\n", name, subcommands[name].help)
	}
}
