// Why the bound is safe. For a token t of a block (or of a group of blocks) with k ≤ dModel slots,
// the exact score S = Σ a_j·x_j is at most U = Σ max(high_j·x_j, low_j·x_j) (a slot the token
// lacks has a_j = 0, which a group's [low_j, high_j] includes), and both the computed score and the
// computed bound are within k·2^−53·A of their exact values, A = Σ magnitude_j·|x_j| (standard
// bounds for a sum of k rounded products, A bounding every partial sum). So computed(S) ≤
// computed(U) + 2k·2^−53·A (+ a few 2^−1074 if products are subnormal), and with k < 2^12 the
// margin 2^−40·A + 2^−1000 covers it with room to spare, the final addition's rounding included.
// Non-finite inputs (a residual that overflowed) take the plain path: every token scored in order.
#include "output_argmax.h"

#include <algorithm>
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
  slots_.assign(rows.column.begin(), rows.column.begin() + rows.start[vocabulary]);
  std::sort(slots_.begin(), slots_.end());
  slots_.erase(std::unique(slots_.begin(), slots_.end()), slots_.end());
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
  // Groups of consecutive blocks: per slot of the union, the range of every token's coefficient.
  groups_.clear();
  groupColumn_.clear();
  groupHigh_.clear();
  groupLow_.clear();
  groupMagnitude_.clear();
  for (size_t first = 0; first < blocks_.size(); first += kGroupBlocks) {
    Group g;
    g.first = static_cast<int32_t>(first);
    g.count = static_cast<int32_t>(std::min<size_t>(kGroupBlocks, blocks_.size() - first));
    g.term = static_cast<int32_t>(groupColumn_.size());
    std::vector<int32_t> slots;
    for (int32_t k = g.first; k < g.first + g.count; k++)
      for (int32_t j = blocks_[k].term; j < blocks_[k].term + blocks_[k].terms; j++) slots.push_back(column_[j]);
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
    for (int32_t c : slots) {
      double hi = -INFINITY, lo = INFINITY;
      for (int32_t k = g.first; k < g.first + g.count; k++) {
        const Block& b = blocks_[k];
        int32_t j = b.term;
        while (j < b.term + b.terms && column_[j] != c) j++;
        if (j == b.term + b.terms) {  // the block's tokens have coefficient 0 here
          hi = std::max(hi, 0.0);
          lo = std::min(lo, 0.0);
        } else {
          hi = std::max(hi, high_[j]);
          lo = std::min(lo, low_[j]);
        }
      }
      groupColumn_.push_back(c);
      groupHigh_.push_back(hi);
      groupLow_.push_back(lo);
      groupMagnitude_.push_back(std::max(std::fabs(hi), std::fabs(lo)));
    }
    g.terms = static_cast<int32_t>(slots.size());
    groups_.push_back(g);
  }
}

double OutputArgmax::bound(const int32_t* column, const double* high, const double* low, const double* magnitude,
                           int32_t terms, const double* x, double& slack) {
  double u = 0, m = 0;
  for (int32_t j = 0; j < terms; j++) {
    const double xj = x[column[j]];
    u += xj >= 0 ? high[j] * xj : low[j] * xj;
    m += magnitude[j] * std::fabs(xj);
  }
  slack = m * 0x1p-40 + 0x1p-1000;
  return u;
}

void OutputArgmax::score(const Block& b, const double* x, double* s) const {
  for (int32_t i = 0; i < b.count; i++) s[i] = 0;
  const double* a = &coefficient_[b.coefficient];
  for (int32_t j = 0; j < b.terms; j++, a += b.count) {
    const double xj = x[column_[b.term + j]];
    // A zero slot adds ±0, which leaves every sum as it is (a sum that starts at +0 is never −0),
    // so it is skipped: most of a block's slots are zero at most positions.
    if (xj == 0) continue;
    for (int32_t i = 0; i < b.count; i++) s[i] += a[i] * xj;
  }
}

int32_t OutputArgmax::argmax(const double* x, std::vector<double>& scratch) const {
  const size_t n = groups_.size();
  if (n == 0) return 0;
  // Group bounds and slacks, then a block bound and slack for each block of a group visited.
  scratch.resize(2 * n + 2 * static_cast<size_t>(kGroupBlocks));
  double* bound = scratch.data();
  double* slack = bound + n;
  double* blockBound = slack + n;
  double* blockSlack = blockBound + kGroupBlocks;
  double s[kBlockTokens];
  // Finite group bounds and margins mean finite everything else: a group's slots are all its
  // tokens' slots, so a NaN or infinite x among them makes its margin sum non-finite; and a
  // block's bound, margin and scores are sums over a subset of those slots of terms no larger in
  // magnitude, added in the same (column) order, so rounding, which is monotone, keeps each
  // within the group's finite margin sum.
  bool finite = true;
  size_t top = 0;
  for (size_t k = 0; k < n; k++) {
    const Group& g = groups_[k];
    bound[k] = OutputArgmax::bound(&groupColumn_[g.term], &groupHigh_[g.term], &groupLow_[g.term],
                                   &groupMagnitude_[g.term], g.terms, x, slack[k]);
    finite = finite && std::isfinite(bound[k]) && std::isfinite(slack[k]);
    if (bound[k] > bound[top]) top = k;
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
  // Every score is finite here (a group's slots are its blocks' slots). The group with the
  // highest bound first and, in it, the block with the highest bound, so that the best score is
  // high early; then the rest, a lower id winning a tie whatever the visiting order.
  auto visit = [&](const Block& b) {
    score(b, x, s);
    for (int32_t i = 0; i < b.count; i++)
      if (s[i] > bestScore || (s[i] == bestScore && b.first + i < best)) bestScore = s[i], best = b.first + i;
  };
  auto visitGroup = [&](const Group& g) {
    int32_t first = 0;
    for (int32_t i = 0; i < g.count; i++) {
      const Block& b = blocks_[g.first + i];
      blockBound[i] = OutputArgmax::bound(&column_[b.term], &high_[b.term], &low_[b.term], &magnitude_[b.term],
                                          b.terms, x, blockSlack[i]);
      if (blockBound[i] > blockBound[first]) first = i;
    }
    if (!(blockBound[first] + blockSlack[first] < bestScore)) visit(blocks_[g.first + first]);
    for (int32_t i = 0; i < g.count; i++)
      if (i != first && !(blockBound[i] + blockSlack[i] < bestScore)) visit(blocks_[g.first + i]);
  };
  visitGroup(groups_[top]);
  for (size_t k = 0; k < n; k++)
    if (k != top && !(bound[k] + slack[k] < bestScore)) visitGroup(groups_[k]);
  return best;
}

}  // namespace tvm
