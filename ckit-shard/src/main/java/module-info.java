/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Peers and consistent hashing: ring, rendezvous and multiprobe sharders that return exactly the
 * owners Go ckit returns for the same peers.
 */
module io.ckit.shard {
  exports io.ckit.peer;
  exports io.ckit.shard;
}
