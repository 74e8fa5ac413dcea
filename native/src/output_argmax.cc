// Why the bound is safe. For a token t of a block with k ≤ dModel slots, the exact score
// S = Σ a_j·x_j is at most U = Σ max(high_j·x_j, low_j·x_j), and both the computed score and the
// computed bound are within k·2^−53·A of their exact values, A = Σ magnitude_j·|x_j| (standard
// bounds for a sum of k rounded products, A bounding every partial sum). So computed(S) ≤
// computed(U) + 2k·2^−53·A (+ a few 2^−1074 if products are subnormal), and with k < 2^6 the
// margin 2^−40·A + 2^−1000 covers it with room to spare, the final addition's rounding included.
// Non-finite inputs (a residual that overflowed) take the plain path: every token scored in order.
#include "output_argmax.h"

#include <cmath>

#include "model.h"

namespace tvm {

void OutputArgmax::build(const SparseRows& rows, int64_t vocabulary) {
  blocks_.clear();
  column_.clear();
  high_.clear();
  low_.clear();
  magnitude_.clear();
  coefficient_.clear();
  auto sameSlots = [&](int64_t a, int64_t b) {
    const int32_t n = rows.start[a + 1] - rows.start[a];
    if (n != rows.start[b + 1] - rows.start[b]) return false;
    for (int32_t i = 0; i < n; i++)
      if (rows.column[rows.start[a] + i] != rows.column[rows.start[b] + i]) return false;
    return true;
  };
  for (int64_t t = 0; t < vocabulary;) {
    Block b;
    b.first = static_cast<int32_t>(t);
    b.count = 1;
    while (b.count < kBlockTokens && t + b.count < vocabulary && sameSlots(t, t + b.count)) b.count++;
    b.term = static_cast<int32_t>(column_.size());
    b.terms = rows.start[t + 1] - rows.start[t];
    b.coefficient = static_cast<int64_t>(coefficient_.size());
    for (int32_t j = 0; j < b.terms; j++) {
      column_.push_back(rows.column[rows.start[t] + j]);
      double hi = -INFINITY, lo = INFINITY;
      for (int32_t i = 0; i < b.count; i++) {
        const double a = rows.value[rows.start[t + i] + j];
        coefficient_.push_back(a);
        hi = std::max(hi, a);
        lo = std::min(lo, a);
      }
      high_.push_back(hi);
      low_.push_back(lo);
      magnitude_.push_back(std::max(std::fabs(hi), std::fabs(lo)));
    }
    blocks_.push_back(b);
    t += b.count;
  }
}

void OutputArgmax::score(const Block& b, const double* x, double* s) const {
  for (int32_t i = 0; i < b.count; i++) s[i] = 0;
  const double* a = &coefficient_[b.coefficient];
  for (int32_t j = 0; j < b.terms; j++, a += b.count) {
    const double xj = x[column_[b.term + j]];
    for (int32_t i = 0; i < b.count; i++) s[i] += a[i] * xj;
  }
}

int32_t OutputArgmax::argmax(const double* x, std::vector<double>& scratch) const {
  const size_t n = blocks_.size();
  if (n == 0) return 0;
  scratch.resize(2 * n);
  double* bound = scratch.data();
  double* slack = bound + n;
  double s[kBlockTokens];
  bool finite = true;
  size_t top = 0;
  for (size_t k = 0; k < n; k++) {
    const Block& b = blocks_[k];
    double u = 0, m = 0;
    for (int32_t j = b.term, end = b.term + b.terms; j < end; j++) {
      const double xj = x[column_[j]];
      u += xj >= 0 ? high_[j] * xj : low_[j] * xj;
      m += magnitude_[j] * std::fabs(xj);
    }
    bound[k] = u;
    slack[k] = m * 0x1p-40 + 0x1p-1000;
    finite = finite && std::isfinite(u) && std::isfinite(m);
    if (u > bound[top]) top = k;
  }
  int32_t best = 0;
  double bestScore = -INFINITY;
  if (!finite) {  // the plain argmax: every token, in order, the first on ties (NaN never wins)
    for (const Block& b : blocks_) {
      score(b, x, s);
      for (int32_t i = 0; i < b.count; i++)
        if (s[i] > bestScore) bestScore = s[i], best = b.first + i;
    }
    return best;
  }
  // Every score is finite here. The block with the highest bound first, so that the best score
  // is high early; then the others in order, a lower id winning a tie whatever the visiting order.
  auto visit = [&](const Block& b) {
    score(b, x, s);
    for (int32_t i = 0; i < b.count; i++)
      if (s[i] > bestScore || (s[i] == bestScore && b.first + i < best)) bestScore = s[i], best = b.first + i;
  };
  visit(blocks_[top]);
  for (size_t k = 0; k < n; k++)
    if (k != top && !(bound[k] + slack[k] < bestScore)) visit(blocks_[k]);
  return best;
}

}  // namespace tvm
