// Exact integer geometry for hard-max attention. Queries and keys are integers carried in doubles
// (the graph makes them so; engines round them). Cleared keys reach about 2^101, so a product of
// a coordinate and a difference can need 140 bits: comparisons go through 128-bit integers, and
// through 256-bit magnitudes when the operands do not fit in 64 bits.
#pragma once
#include <cmath>
#include <cstdint>
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
  return static_cast<i128>(v);
}

/**
 * std::floor without the library call (x86-64's baseline has no rounding instruction): below 2^52
 * truncation is exact and one step from the floor; from 2^52 on every double is an integer.
 */
inline double floorOf(double v) {
  if (std::fabs(v) < 0x1p52) {
    const double t = static_cast<double>(static_cast<int64_t>(v));
    return t > v ? t - 1 : t;
  }
  return std::floor(v);  // an integer already, ±infinity or NaN
}

/** JavaScript's Math.round: the nearest integer, halves toward +infinity; never −0. */
inline double roundHalfUp(double v) {
  double r = floorOf(v);
  if (v - r >= 0.5) r += 1;
  return r == 0 ? 0.0 : r;
}

inline int signOf(i128 v) { return (v > 0) - (v < 0); }

inline bool fits64(i128 v) { return v >= INT64_MIN && v <= INT64_MAX; }

/** Sign of a·b − c·d, exactly. */
inline int compareProducts(i128 a, i128 b, i128 c, i128 d) {
  if (fits64(a) && fits64(b) && fits64(c) && fits64(d)) {
    i128 l = a * b, r = c * d;  // each below 2^126
    return (l > r) - (l < r);
  }
  int sl = signOf(a) * signOf(b);
  int sr = signOf(c) * signOf(d);
  if (sl != sr || sl == 0) return (sl > sr) - (sl < sr);
  // Same sign: compare the magnitudes |a·b| and |c·d| as 256-bit numbers (hi, lo).
  auto magnitude = [](i128 v) { return v < 0 ? u128(0) - u128(v) : u128(v); };
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

}  // namespace tvm
