/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.examples;

import io.ckit.peer.Peer;
import io.ckit.peer.State;
import io.ckit.shard.Key;
import io.ckit.shard.NotEnoughNodesException;
import io.ckit.shard.Op;
import io.ckit.shard.Sharder;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the JSON documents the status page reads. Peers are rendered with {@link Peer#toJson()},
 * in Go ckit's format.
 *
 * <p>Stateless and thread-safe.
 */
final class StatusJson {
  private StatusJson() {}

  /**
   * Renders {@code GET /api/status}: the node, its peers and the participants' ownership shares.
   *
   * <pre>{@code
   * {"name":"first-node","state":"participant",
   *  "peers":[{"name":"first-node","addr":"127.0.0.1:41000","isSelf":true,"state":"participant"}],
   *  "samples":16384,"shares":[{"name":"first-node","share":1.0}]}
   * }</pre>
   */
  static String status(String name, State state, List<Peer> peers, Map<String, Double> shares) {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"name\":").append(string(name));
    json.append(",\"state\":").append(string(state.toString()));
    json.append(",\"peers\":[");
    for (int i = 0; i < peers.size(); i++) {
      json.append(i == 0 ? "" : ",").append(peers.get(i).toJson());
    }
    json.append("],\"samples\":").append(OwnershipShares.SAMPLES).append(",\"shares\":[");
    String separator = "";
    for (Map.Entry<String, Double> share : shares.entrySet()) {
      json.append(separator).append("{\"name\":").append(string(share.getKey()));
      json.append(",\"share\":").append(String.format(Locale.ROOT, "%.6f", share.getValue()));
      json.append('}');
      separator = ",";
    }
    return json.append("]}").toString();
  }

  /**
   * Renders {@code GET /api/lookup}: the owners of a key for both operations, or why there are not
   * enough.
   *
   * <pre>{@code
   * {"key":"some-key","hash":"7399649081520410259","count":2,
   *  "read":{"owners":[{"name":"node-2","addr":"127.0.0.1:41001"}, ...]},
   *  "readWrite":{"error":"not enough nodes: need at least 2, have 1"}}
   * }</pre>
   */
  static String lookup(Sharder sharder, String key, int count) {
    Key hash = Key.of(key);
    return "{\"key\":" + string(key)
        + ",\"hash\":" + string(hash.toString())
        + ",\"count\":" + count
        + ",\"read\":" + owners(sharder, hash, count, Op.READ)
        + ",\"readWrite\":" + owners(sharder, hash, count, Op.READ_WRITE)
        + "}";
  }

  /** Renders an error document: {@code {"error":"..."}}. */
  static String error(String message) {
    return "{\"error\":" + string(message) + "}";
  }

  private static String owners(Sharder sharder, Key key, int count, Op op) {
    List<Peer> owners;
    try {
      owners = sharder.lookup(key, count, op);
    } catch (NotEnoughNodesException e) {
      return error(e.getMessage());
    }
    StringBuilder json = new StringBuilder("{\"owners\":[");
    for (int i = 0; i < owners.size(); i++) {
      Peer owner = owners.get(i);
      json.append(i == 0 ? "" : ",");
      json.append("{\"name\":").append(string(owner.name()));
      json.append(",\"addr\":").append(string(owner.addr())).append('}');
    }
    return json.append("]}").toString();
  }

  /** Quotes a string as a JSON string literal. */
  static String string(String s) {
    StringBuilder json = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}
