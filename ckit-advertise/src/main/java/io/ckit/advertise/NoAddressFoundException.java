/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.advertise;

import java.net.SocketException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown by {@link Advertise#firstAddress(java.util.List)} when no usable address was found: either
 * the machine's interfaces could not be listed, or none of the interfaces tried has an address that
 * is not loopback.
 *
 * <p>{@link #interfaces()} lists the interfaces tried and {@link #rejections()} says why each was
 * rejected. Lookup failures are also attached as {@linkplain #getSuppressed() suppressed}
 * exceptions. Instances are immutable.
 */
public final class NoAddressFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The interfaces tried, in order. */
  private final List<String> interfaces;
  /** Why each interface tried was rejected, in order; not serialized. */
  private final transient List<Rejection> rejections;

  /**
   * Why one interface offered no usable address.
   *
   * @param interfaceName the interface name, not {@code null}
   * @param reason a short explanation, such as {@code "has no addresses"}, {@code "has only
   *     loopback addresses [127.0.0.1]"} or {@code "lookup failed: no such network interface"}; not
   *     {@code null}
   */
  public record Rejection(String interfaceName, String reason) {
    /**
     * Creates a rejection.
     *
     * @param interfaceName the interface name
     * @param reason why it was rejected
     * @throws NullPointerException if an argument is {@code null}
     */
    public Rejection {
      Objects.requireNonNull(interfaceName, "interfaceName");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return interfaceName + ": " + reason;
    }
  }

  private NoAddressFoundException(
      String message, Throwable cause, List<String> interfaces, List<Rejection> rejections) {
    super(message, cause);
    this.interfaces = List.copyOf(interfaces);
    this.rejections = List.copyOf(rejections);
  }

  /**
   * Creates the exception for a failure to list the machine's interfaces.
   *
   * @param cause the listing failure
   * @return the exception
   */
  static NoAddressFoundException listingFailed(SocketException cause) {
    return new NoAddressFoundException(
        "no usable address found: failed to list network interfaces: " + cause.getMessage(),
        cause, List.of(), List.of());
  }

  /**
   * Creates the exception for interfaces that all lacked a usable address.
   *
   * @param interfaces the interfaces tried
   * @param rejections why each was rejected
   * @param failures the lookup failures among the rejections, attached as suppressed exceptions
   * @return the exception
   */
  static NoAddressFoundException noneUsable(
      List<String> interfaces, List<Rejection> rejections, List<SocketException> failures) {
    String message = "no usable address found for interfaces " + interfaces
        + (rejections.isEmpty() ? "" : rejections.stream()
            .map(Rejection::toString)
            .collect(Collectors.joining("; ", ": ", "")));
    NoAddressFoundException e = new NoAddressFoundException(message, null, interfaces, rejections);
    failures.forEach(e::addSuppressed);
    return e;
  }

  /**
   * Returns the interfaces that were tried, in order.
   *
   * @return an unmodifiable list; empty if the interfaces could not be listed
   */
  public List<String> interfaces() {
    return interfaces;
  }

  /**
   * Returns why each interface tried was rejected, in the order tried.
   *
   * @return an unmodifiable list; empty if the interfaces could not be listed, or if this
   *     exception was deserialized (rejections are not serialized)
   */
  public List<Rejection> rejections() {
    return rejections == null ? List.of() : rejections;
  }
}
