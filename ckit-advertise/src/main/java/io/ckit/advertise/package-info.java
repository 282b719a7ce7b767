/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Finds the address a node should advertise to cluster peers: a port of Go ckit's
 * {@code advertise} package.
 *
 * <p>{@link io.ckit.advertise.Advertise#firstAddress(java.util.List)} looks at the addresses of the
 * named network interfaces (or of all interfaces) and returns the best one, in the order IPv4, then
 * IPv6, then IPv4 link-local, then IPv6 link-local, never a loopback address. When no interface
 * offers a usable address it throws {@link io.ckit.advertise.NoAddressFoundException}, which lists
 * every interface tried and why it was rejected.
 */
package io.ckit.advertise;
