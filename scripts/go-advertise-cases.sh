#!/usr/bin/env bash
# Confirms the extra advertise cases of ckit-advertise's AdvertiseTest against Go ckit's own
# firstAddress (unexported, so the test runs inside a temporary copy of the ckit module).
# Usage: scripts/go-advertise-cases.sh   (needs go and the pinned ckit in the module cache)
set -euo pipefail
CKIT_VERSION=v0.0.0-20251024151910-87043f5a3cf7
src="$(go env GOMODCACHE)/github.com/grafana/ckit@${CKIT_VERSION}"
[ -d "$src" ] || (cd "$(dirname "$0")/../interop/go" && go mod download "github.com/grafana/ckit@${CKIT_VERSION}")
work="$(mktemp -d)"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -r "$src/." "$work"
chmod -R u+w "$work"
cat > "$work/advertise/java_cases_test.go" <<'GO'
package advertise

import "testing"

// Each case: interfaces to try, interface data, expected address ("" = error).
func TestJavaCases(t *testing.T) {
	cases := []struct {
		name   string
		data   map[string][]string
		ifaces []string
		want   string
	}{
		{"ipv6 beats ipv4 link-local across interfaces", map[string][]string{"eth0": {"169.254.0.1/16"}, "eth1": {"fd00::2/64"}}, []string{"eth0", "eth1"}, "fd00::2"},
		{"same, reversed", map[string][]string{"eth0": {"169.254.0.1/16"}, "eth1": {"fd00::2/64"}}, []string{"eth1", "eth0"}, "fd00::2"},
		{"ipv6 beats ipv4 link-local on one interface", map[string][]string{"eth0": {"169.254.0.1/16", "fd00::2/64"}}, []string{"eth0"}, "fd00::2"},
		{"ipv4 ll beats ipv6 ll", map[string][]string{"eth0": {"fe80::1/64"}, "eth1": {"169.254.0.1/16"}}, []string{"eth0", "eth1"}, "169.254.0.1"},
		{"ipv4 ll beats ipv6 ll, reversed", map[string][]string{"eth0": {"fe80::1/64"}, "eth1": {"169.254.0.1/16"}}, []string{"eth1", "eth0"}, "169.254.0.1"},
		{"ipv4 ll beats ipv6 ll on one interface", map[string][]string{"eth2": {"fe80::2/64", "169.254.0.2/16"}}, []string{"eth2"}, "169.254.0.2"},
		{"later interface wins link-local tie", map[string][]string{"eth0": {"169.254.0.1/16"}, "eth1": {"169.254.0.2/16"}}, []string{"eth0", "eth1"}, "169.254.0.2"},
		{"first ipv6 within interface", map[string][]string{"eth0": {"fd00::2/64", "fd00::3/64"}}, []string{"eth0"}, "fd00::2"},
		{"first ipv4 within interface", map[string][]string{"eth1": {"10.0.0.1/8", "10.0.0.2/8"}}, []string{"eth1"}, "10.0.0.1"},
		{"ipv4 after ipv6 on one interface", map[string][]string{"eth0": {"fd00::2/64", "192.168.1.1/24"}}, []string{"eth0"}, "192.168.1.1"},
		{"stops at first ipv4", map[string][]string{"eth0": {"fd00::2/64"}, "eth1": {"192.168.1.1/24"}}, []string{"eth0", "eth1", "missing"}, "192.168.1.1"},
		{"errors dropped when an address is found", map[string][]string{"eth1": {"fe80::1/64"}}, []string{"missing", "eth1"}, "fe80::1"},
		{"only loopback", map[string][]string{"lo": {"127.0.0.1/8", "::1/128"}}, []string{"lo"}, ""},
		{"unspecified not filtered", map[string][]string{"eth0": {"0.0.0.0/0"}}, []string{"eth0"}, "0.0.0.0"},
	}
	for _, c := range cases {
		got, err := firstAddress(c.ifaces, mockAddressGetter(c.data), mockInterfaceLister)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("%s: want an error, got %v", c.name, got)
		case c.want != "" && (err != nil || got.String() != c.want):
			t.Errorf("%s: want %s, got %v (err %v)", c.name, c.want, got, err)
		}
	}
}
GO
cd "$work"
GOFLAGS=-mod=mod go test ./advertise -run 'TestJavaCases|TestFirstAddress' -count=1 -v
