/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Go ckit, built once per JVM from {@code interop/go} through the Go module proxy, and run
 * as the oracle of the interop tests.
 *
 * <p>The binary is built with {@code go build} on first use into {@code target/go-bin}; the Go
 * module cache makes rebuilds cheap. Subcommands are documented in {@code interop/go/main.go}.
 */
public final class GoOracle {
  private static final Path GO_DIR =
      Path.of(System.getProperty("ckit.interop.goDir", "go")).toAbsolutePath();
  private static final Path BUILD_DIR =
      Path.of(System.getProperty("ckit.interop.buildDir", "target/go-bin")).toAbsolutePath();

  private static Path binary;

  private GoOracle() {}

  /**
   * Returns the oracle binary, building it on first use.
   *
   * @return the path of the built {@code ckit-oracle} executable
   */
  public static synchronized Path binary() {
    if (binary == null) {
      try {
        Files.createDirectories(BUILD_DIR);
        Path out = BUILD_DIR.resolve("ckit-oracle");
        Result result =
            exec(GO_DIR, 600, null, List.of("go", "build", "-o", out.toString(), "."));
        if (result.exitCode() != 0) {
          throw new IllegalStateException(
              "go build of the interop oracle failed (exit " + result.exitCode() + "):\n"
                  + result.stderrText());
        }
        binary = out;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot build the Go oracle in " + GO_DIR, e);
      }
    }
    return binary;
  }

  /**
   * Runs a subcommand to completion and returns its output; fails if it exits non-zero.
   *
   * @param timeoutSeconds how long the command may run
   * @param stdin bytes to write to its standard input, or null for none
   * @param args the subcommand and its flags
   * @return the command's result
   */
  public static Result run(int timeoutSeconds, byte[] stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(args));
    try {
      Result result = exec(GO_DIR, timeoutSeconds, stdin, command);
      if (result.exitCode() != 0) {
        throw new IllegalStateException(
            "ckit-oracle " + String.join(" ", args) + " exited " + result.exitCode() + ":\n"
                + result.stderrText());
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a long-running subcommand (a Go peer, for example). The caller owns the process and must
   * destroy it.
   *
   * @param args the subcommand and its flags
   * @return the started process, with stderr inherited into the test log
   */
  public static Process start(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command)
          .directory(GO_DIR.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result exec(Path dir, int timeoutSeconds, byte[] stdin, List<String> command)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Process process = builder.start();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Thread outPump = pump(process.getInputStream(), stdout, "stdout");
    Thread errPump = pump(process.getErrorStream(), stderr, "stderr");
    try (var in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin);
      }
    }
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
      }
      outPump.join();
      errPump.join();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    return new Result(process.exitValue(), stdout.toByteArray(), stderr.toByteArray());
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream out, String name) {
    Thread thread =
        new Thread(
            () -> {
              try (in) {
                in.transferTo(out);
              } catch (IOException ignored) {
                // The process ended; whatever was read is kept.
              }
            },
            "go-oracle-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * The outcome of a finished oracle command.
   *
   * @param exitCode the process exit code
   * @param stdout everything written to standard output
   * @param stderr everything written to standard error
   */
  public record Result(int exitCode, byte[] stdout, byte[] stderr) {
    /** Returns standard output as UTF-8 text. */
    public String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Returns standard error as UTF-8 text. */
    public String stderrText() {
      return new String(stderr, StandardCharsets.UTF_8);
    }
  }
}
