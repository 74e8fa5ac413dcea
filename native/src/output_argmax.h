// The next token, argmax over t of unembedding_t · x, without scoring the whole vocabulary:
//
//   tokens are cut into blocks of ≤ 16 consecutive ids that read the same residual slots;
//   bound(block) = Σ over its slots of the largest coefficient·x[slot] in the block, + a margin
//     that covers every rounding of the scores and of the bound itself;
//   score the block with the highest bound, then every block whose bound reaches the best score;
//   groups of 8 consecutive blocks have a bound of their own (the same sum over the union of
//   their slots, a missing slot counting as a coefficient 0), so a group that falls below the best
//   score is skipped without bounding its blocks.
//
// A skipped block cannot hold the argmax: all its scores are below the best one found. A scored
// token adds the same products in the same (column) order as a full product, so the result is
// the full argmax bit for bit, the first token on ties. The structure comes from the weights
// alone (the machine's scores are a class flag weighted 2^20 plus a parabola in one value slot,
// so nearly every block falls below the winner's), never from what the program does.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tvm {

struct SparseRows;

class OutputArgmax {
 public:
  /** Cuts the unembedding (vocabulary rows, nonzero entries in column order) into blocks. */
  void build(const SparseRows& unembedding, int64_t vocabulary);
  /**
   * The first token with the highest score for residual x. `scratch` holds the bounds: each
   * engine brings its own, since one model may serve engines on several threads.
   */
  int32_t argmax(const double* x, std::vector<double>& scratch) const;
  /** The residual slots the argmax reads (every column of the unembedding), ascending. */
  const std::vector<int32_t>& slots() const { return slots_; }
  /** Blocks, for tests and the docs. */
  size_t blocks() const { return blocks_.size(); }

  static constexpr int32_t kBlockTokens = 16;
  static constexpr int32_t kGroupBlocks = 8;

 private:
  struct Block {
    int32_t first = 0, count = 0;  // tokens first .. first + count − 1
    int32_t term = 0, terms = 0;   // slots column_[term .. term + terms − 1], ascending
    int64_t coefficient = 0;       // coefficient_[coefficient + j·count + i]: slot j of token i
  };
  std::vector<Block> blocks_;
  std::vector<int32_t> slots_;
  // Per block slot: the slot, the largest and smallest coefficient over the block's tokens, and
  // the largest magnitude.
  std::vector<int32_t> column_;
  std::vector<double> high_, low_, magnitude_;
  std::vector<double> coefficient_;
  // Groups of kGroupBlocks consecutive blocks: blocks first .. first + count − 1, and slots
  // groupColumn_[term .. term + terms − 1] with their largest and smallest coefficient over the
  // group's tokens (0 for a token without the slot) and the largest magnitude.
  struct Group {
    int32_t first = 0, count = 0, term = 0, terms = 0;
  };
  std::vector<Group> groups_;
  std::vector<int32_t> groupColumn_;
  std::vector<double> groupHigh_, groupLow_, groupMagnitude_;

  /** Σ over slots [term, term + terms) of the larger of high·x and low·x, and the margin. */
  [[gnu::always_inline]] static inline double bound(const int32_t* column, const double* high, const double* low,
                                                   const double* magnitude, int32_t terms, const double* x,
                                                   double& slack);
  /** Scores block b's tokens into s (same additions, same order as a row dot product). */
  void score(const Block& b, const double* x, double* s) const;
};

}  // namespace tvm
