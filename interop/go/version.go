package main

import (
	"fmt"
	"runtime/debug"
)

func init() {
	register("versions", "print the Go module versions this oracle was built with", func(args []string) error {
		info, ok := debug.ReadBuildInfo()
		if !ok {
			return fmt.Errorf("no build info")
		}
		fmt.Println(info.GoVersion)
		for _, dep := range info.Deps {
			fmt.Printf("%s %s\n", dep.Path, dep.Version)
		}
		return nil
	})
}
