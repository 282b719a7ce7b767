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
 * <p>Go computes {@code Log2(x)} as {@code Log(frac) * (1/Ln2) + exp} from {@code Frexp(x)} and
 * {@code Log10(x)} as {@code Log(x) * (1/Ln10)}; the two constants below are Go's compile-time
 * values rounded to float64 (bits {@code 3ff71547652b82fe} and {@code 3fdbcb7b1526e50e}). {@code
 * Log} is Go's own reduction of fdlibm's algorithm ({@code math/log.go}, and on amd64 the same steps
 * in {@code log_amd64.s}); it is not fdlibm's {@code e_log.c} ({@link StrictMath#log}), which
 * differs in the last bit for some inputs (14, for example). The interop test {@code
 * MemberlistEngineInteropTest} checks all three functions bit for bit against Go on this machine.
 * Go on arm64 may fuse multiply-adds in the pure-Go version and then differ by an ulp.
 */
final class GoMath {
  private static final double INV_LN2 = Double.longBitsToDouble(0x3ff71547652b82feL);
  private static final double INV_LN10 = Double.longBitsToDouble(0x3fdbcb7b1526e50eL);

  private GoMath() {}

  /** Go's {@code math.Log2(x)} for finite {@code x > 0}. */
  static double log2(double x) {
    // Frexp: x = frac * 2^exp with frac in [0.5, 1).
    int exp = Math.getExponent(x) + 1;
    double frac = Math.scalb(x, -exp);
    if (frac == 0.5) {
      return exp - 1;
    }
    return log(frac) * INV_LN2 + exp;
  }

  /** Go's {@code math.Log10(x)} for finite {@code x > 0}. */
  static double log10(double x) {
    return log(x) * INV_LN10;
  }

  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double L1 = 6.666666666666735130e-01;
  private static final double L2 = 3.999999999940941908e-01;
  private static final double L3 = 2.857142874366239149e-01;
  private static final double L4 = 2.222219843214978396e-01;
  private static final double L5 = 1.818357216161805012e-01;
  private static final double L6 = 1.531383769920937332e-01;
  private static final double L7 = 1.479819860511658591e-01;
  private static final double HALF_SQRT2 = 7.07106781186547524401e-01;

  /** Go's {@code math.Log(x)} for finite normal {@code x > 0}, step by step as Go computes it. */
  static double log(double x) {
    int ki = Math.getExponent(x) + 1;
    double f1 = Math.scalb(x, -ki);
    if (f1 < HALF_SQRT2) {
      f1 *= 2;
      ki--;
    }
    double f = f1 - 1;
    double k = ki;
    double s = f / (2 + f);
    double s2 = s * s;
    double s4 = s2 * s2;
    double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
    double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
    double r = t1 + t2;
    double hfsq = 0.5 * f * f;
    return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
  }

  /** Go's {@code time.Duration(nanos).Seconds()}: whole seconds plus the fraction, as Go sums them. */
  static double seconds(long nanos) {
    long sec = nanos / 1_000_000_000L;
    long nsec = nanos % 1_000_000_000L;
    return sec + nsec / 1e9;
  }
}
