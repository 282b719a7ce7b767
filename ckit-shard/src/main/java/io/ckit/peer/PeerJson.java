/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.peer;

/**
 * Reads and writes the four-field Peer JSON object without a JSON library, byte for byte as Go's
 * {@code encoding/json} does for ckit's {@code Peer}. Output follows declaration order (name, addr,
 * isSelf, state). Input, like Go's: accepts fields in any order, matches their names without
 * regard to case, lets a later duplicate win, treats {@code null} as "leave unset", skips unknown
 * fields of any JSON type, and rejects a missing or unknown state with Go's message ({@code unknown
 * state ""}).
 */
final class PeerJson {
  private final String text;
  private int pos;

  private PeerJson(String text) {
    this.text = text;
  }

  static String write(Peer peer) {
    StringBuilder out = new StringBuilder(64 + peer.name().length() + peer.addr().length());
    out.append("{\"name\":");
    quote(out, peer.name());
    out.append(",\"addr\":");
    quote(out, peer.addr());
    out.append(",\"isSelf\":").append(peer.self());
    out.append(",\"state\":");
    quote(out, peer.state().toString());
    return out.append('}').toString();
  }

  static Peer read(String json) {
    return new PeerJson(json).readPeer();
  }

  private Peer readPeer() {
    String name = "";
    String addr = "";
    boolean self = false;
    String state = "";
    skipSpace();
    expect('{');
    skipSpace();
    if (peek() == '}') {
      pos++;
    } else {
      while (true) {
        skipSpace();
        String field = readString();
        skipSpace();
        expect(':');
        skipSpace();
        if (text.startsWith("null", pos)) {
          pos += 4;
        } else if (field.equalsIgnoreCase("name")) {
          name = readString();
        } else if (field.equalsIgnoreCase("addr")) {
          addr = readString();
        } else if (field.equalsIgnoreCase("isSelf")) {
          self = readBoolean();
        } else if (field.equalsIgnoreCase("state")) {
          state = readString();
        } else {
          skipValue(0);
        }
        skipSpace();
        char c = next();
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw error("expected ',' or '}'");
        }
      }
    }
    skipSpace();
    if (pos != text.length()) {
      throw error("trailing characters");
    }
    return new Peer(name, addr, self, State.parse(state));
  }

  private static void quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // Go escapes <, > and & for HTML safety, and U+2028/U+2029 for JavaScript; do the same
          // so the bytes match. Since Go 1.22, \b and \f have short escapes (above).
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private String readString() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          pos += 4;
        }
        default -> throw error("bad escape");
      }
    }
  }

  private boolean readBoolean() {
    if (text.startsWith("true", pos)) {
      pos += 4;
      return true;
    }
    if (text.startsWith("false", pos)) {
      pos += 5;
      return false;
    }
    throw error("expected a boolean");
  }

  private void skipValue(int depth) {
    if (depth > 64) {
      throw error("nested too deeply");
    }
    char c = peek();
    if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      pos++;
      skipSpace();
      if (peek() == close) {
        pos++;
        return;
      }
      while (true) {
        skipSpace();
        if (close == '}') {
          readString();
          skipSpace();
          expect(':');
          skipSpace();
        }
        skipValue(depth + 1);
        skipSpace();
        char next = next();
        if (next == close) {
          return;
        }
        if (next != ',') {
          throw error("expected ',' or '" + close + "'");
        }
      }
    }
    if (c == '"') {
      readString();
      return;
    }
    if (text.startsWith("null", pos)) {
      pos += 4;
      return;
    }
    if (c == 't' || c == 'f') {
      readBoolean();
      return;
    }
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    if (start == pos) {
      throw error("unsupported value");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("invalid peer JSON at offset " + pos + ": " + what);
  }
}
