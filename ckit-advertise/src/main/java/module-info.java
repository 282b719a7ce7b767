/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Picks the IP address a ckit node should advertise to its peers, with Go ckit's preference
 * order. See {@link io.ckit.advertise.Advertise}.
 */
module io.ckit.advertise {
  exports io.ckit.advertise;
}
