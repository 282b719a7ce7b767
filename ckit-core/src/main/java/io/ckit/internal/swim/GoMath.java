/*
 * Copyright 2026 The ckit for Java Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.ckit.internal.swim;

/**
 * Go's {@code math.Log2}, {@code math.Log10} and {@code time.Duration.Seconds} with Go's exact
 * floating-point steps, so memberlist's timeout and retransmit formulas give the same integers as
 * Go at every cluster size (a naive {@code Math.log(x) / Math.log(2)} is one ulp off at some powers
 * of two, which moves a {@code ceil}).
 *
 * <p>Go computes {@code Log2(x)} from {@code Frexp(x)} and {@code Log10(x)} as {@code Log2(x) *
 * (Ln2/Ln10)}; the two constants below are Go's compile-time values rounded to float64 (bits {@code
 * 3ff71547652b82fe} and {@code 3fd34413509f79ff}). {@link StrictMath#log} is fdlibm's {@code
 * e_log.c}, the algorithm Go's {@code math.Log} implements.
 */
final class GoMath {
  private static final double INV_LN2 = Double.longBitsToDouble(0x3ff71547652b82feL);
  private static final double LN2_OVER_LN10 = Double.longBitsToDouble(0x3fd34413509f79ffL);

  private GoMath() {}

  /** Go's {@code math.Log2(x)} for finite {@code x > 0}. */
  static double log2(double x) {
    // Frexp: x = frac * 2^exp with frac in [0.5, 1).
    int exp = Math.getExponent(x) + 1;
    double frac = Math.scalb(x, -exp);
    if (frac == 0.5) {
      return exp - 1;
    }
    return StrictMath.log(frac) * INV_LN2 + exp;
  }

  /** Go's {@code math.Log10(x)} for finite {@code x > 0}. */
  static double log10(double x) {
    return log2(x) * LN2_OVER_LN10;
  }

  /** Go's {@code math.Log(x)}. */
  static double log(double x) {
    return StrictMath.log(x);
  }

  /** Go's {@code time.Duration(nanos).Seconds()}: whole seconds plus the fraction, as Go sums them. */
  static double seconds(long nanos) {
    long sec = nanos / 1_000_000_000L;
    long nsec = nanos % 1_000_000_000L;
    return sec + nsec / 1e9;
  }
}
