// Exact integer geometry for hard-max attention. Queries and keys are integers carried in doubles
// (the graph makes them so; engines round them). Cleared keys reach about 2^101, so a product of
// a coordinate and a difference can need 140 bits: comparisons go through 128-bit integers, and
// through 256-bit magnitudes when the operands do not fit in 64 bits.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

namespace tvm {

using i128 = __int128;
using u128 = unsigned __int128;

/** The integer a double holds; coordinates beyond 2^120 mean the weights are not a machine's. */
inline i128 toInteger(double v) {
  // Most coordinates fit in 64 bits: one conversion instruction instead of libgcc's 128-bit one.
  if (std::fabs(v) < 0x1p63) return static_cast<int64_t>(v);
  if (!(std::fabs(v) < 0x1p120))
    throw std::runtime_error("attention coordinate " + std::to_string(v) + " is out of range");
  // Cleared keys (about 2^101) are most hull keys: the mantissa shifted into place instead of
  // libgcc's __fixdfti. From 2^63 on the exponent is 63…119, so the shift is 11…67 and exact.
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  const int shift = static_cast<int>((bits >> 52) & 0x7ff) - 1075;
  const i128 magnitude = static_cast<i128>(u128((bits & ((uint64_t(1) << 52) - 1)) | (uint64_t(1) << 52)) << shift);
  return bits >> 63 ? -magnitude : magnitude;
}

/**
 * std::floor without the library call (x86-64's baseline has no rounding instruction): below 2^52
 * truncation is exact and one step from the floor; from 2^52 on every double is an integer, and
 * ±infinity and NaN are their own floor. −0 gives +0 (std::floor would keep −0).
 */
inline double floorOf(double v) {
  if (!(std::fabs(v) < 0x1p52)) return v;
  const double t = static_cast<double>(static_cast<int64_t>(v));  // never −0
  // Branchless (the comparison's mask selects 1 or 0): the step down is data-dependent, a
  // mispredicted branch on a negative coordinate costs more than the subtraction.
  return t - (t > v ? 1.0 : 0.0);
}

/**
 * JavaScript's Math.round: the nearest integer, halves toward +infinity; never −0 (Math.round(−0.4)
 * is −0 in JavaScript, +0 here). From 2^52 on (and for ±infinity and NaN) that is v itself: most
 * hull keys are about 2^101, so they skip the rounding altogether.
 */
inline double roundHalfUp(double v) {
  if (!(std::fabs(v) < 0x1p52)) return v;
  const double t = static_cast<double>(static_cast<int64_t>(v));  // never −0
  const double f = t - (t > v ? 1.0 : 0.0);                        // floor: t or t − 1, exact
  // v − f is exact (both below 2^52, f ≤ v < f + 1). The result is f or f + 1, never −0: f is
  // −0 only if t is, and −1 + 1 is +0. Branchless as in floorOf.
  return f + (v - f >= 0.5 ? 1.0 : 0.0);
}

/** x / by, as a multiplication by 1/by when that is exact (by a power of two: both round x·2^−k once). */
class Divider {
 public:
  explicit Divider(double by) : by_(by), inverse_(1 / by) {
    uint64_t bits;
    std::memcpy(&bits, &by, sizeof bits);
    // A normal power of two (mantissa bits all zero) whose inverse is normal too.
    const uint64_t exponent = (bits >> 52) & 0x7ff;
    power_ = (bits & ((uint64_t(1) << 52) - 1)) == 0 && exponent > 0 && exponent < 2046;
  }
  double operator()(double x) const { return power_ ? x * inverse_ : x / by_; }

 private:
  double by_, inverse_;
  bool power_;
};

inline int signOf(i128 v) { return (v > 0) - (v < 0); }

inline bool fitsIn64(i128 v) { return v == static_cast<int64_t>(v); }

inline bool fitsIn32(i128 v) { return v == static_cast<int32_t>(v); }

/** Sign of a·b − c·d, exactly, for any operands: the 128- and 256-bit paths (out of line). */
[[gnu::noinline]] inline int compareProductsWide(i128 a, i128 b, i128 c, i128 d) {
  if (fitsIn64(a) && fitsIn64(b) && fitsIn64(c) && fitsIn64(d)) {
    // 64-bit operands: one signed 64×64→128 multiplication each, not a full 128-bit one.
    const i128 l = i128(int64_t(a)) * int64_t(b), r = i128(int64_t(c)) * int64_t(d);  // below 2^126
    return (l > r) - (l < r);
  }
  int sl = signOf(a) * signOf(b);
  int sr = signOf(c) * signOf(d);
  if (sl != sr || sl == 0) return (sl > sr) - (sl < sr);
  // Same sign: compare the magnitudes |a·b| and |c·d|.
  auto magnitude = [](i128 v) { return v < 0 ? u128(0) - u128(v) : u128(v); };
  // First by bit lengths: a nonzero m of n bits is in [2^(n−1), 2^n), so |a·b| < 2^(na+nb) and
  // |c·d| ≥ 2^(nc+nd−2). A cleared key (about 2^101) against an ordinary one differs by far more
  // than the other product, and this settles it without the 256-bit products.
  auto bits = [](u128 m) {
    const uint64_t hi = uint64_t(m >> 64), lo = uint64_t(m);
    return hi ? 128 - __builtin_clzll(hi) : 64 - __builtin_clzll(lo);  // m ≠ 0 here
  };
  const int nl = bits(magnitude(a)) + bits(magnitude(b)), nr = bits(magnitude(c)) + bits(magnitude(d));
  if (nl + 2 <= nr) return sl > 0 ? -1 : 1;  // |a·b| < |c·d|
  if (nr + 2 <= nl) return sl > 0 ? 1 : -1;  // |a·b| > |c·d|
  // Otherwise as 256-bit numbers (hi, lo).
  auto multiply = [](u128 x, u128 y, u128& hi, u128& lo) {
    const u128 mask = ~uint64_t(0);
    u128 x0 = x & mask, x1 = x >> 64, y0 = y & mask, y1 = y >> 64;
    u128 p00 = x0 * y0, p01 = x0 * y1, p10 = x1 * y0, p11 = x1 * y1;
    u128 mid = (p00 >> 64) + (p01 & mask) + (p10 & mask);
    lo = (p00 & mask) | (mid << 64);
    hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
  };
  u128 lh, ll, rh, rl;
  multiply(magnitude(a), magnitude(b), lh, ll);
  multiply(magnitude(c), magnitude(d), rh, rl);
  int cmp = lh != rh ? (lh > rh ? 1 : -1) : (ll > rl) - (ll < rl);
  return sl > 0 ? cmp : -cmp;
}

/**
 * Sign of a·b − c·d, exactly. Inlined, the common case only: on sudoku 94% of the hull's
 * comparisons have all four operands in 32 bits (keys are about 2^101, but their differences and
 * the queries are small), and 64-bit products of those cannot overflow.
 */
inline int compareProducts(i128 a, i128 b, i128 c, i128 d) {
  if (fitsIn32(a) && fitsIn32(b) && fitsIn32(c) && fitsIn32(d)) {
    const int64_t l = int64_t(a) * int64_t(b), r = int64_t(c) * int64_t(d);  // each at most 2^62
    return (l > r) - (l < r);
  }
  return compareProductsWide(a, b, c, d);
}

}  // namespace tvm
