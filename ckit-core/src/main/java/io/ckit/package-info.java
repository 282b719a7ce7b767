/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The ckit Node API: create a {@code Node}, mount its handler in a Jetty server ({@code Http2} sets
 * up the HTTP/2 client and connector it needs), start it with a list of peers, and observe the
 * cluster's peers as they change.
 */
package io.ckit;
