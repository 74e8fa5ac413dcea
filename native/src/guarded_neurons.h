// Guarded neurons: FFN neurons that can fire for one value of an integer slot only, found in the
// gate weights at load, so that a layer evaluates the few that may fire instead of all of them.
//
//   gate_j·x = S·(2k_j·x[c] − x[q]) + w_j·x[o] + rest_j·x        (c, q, o, S shared by a group)
//            = −S·(x[c] − k_j)² + B_j + rest_j·x                  when x[q] = x[c]², x[o] = 1
//   with B_j = w_j + k_j²·S:  for x[c] ≠ k_j the gate is ≤ −S + B_j + rest_j·x
//
// At each token a group checks that x[c] is an integer, x[q] its square and x[o] one, and bounds
// max_j (B_j + rest_j·x) over its rows, rounding of every computed gate included; when that stays
// at or below S, no row with k_j ≠ x[c] can have a computed gate above 0, so only the rows with
// k_j = x[c] are computed (by the same dot products, in the same order, as any other neuron). The
// structure is the weights' (a machine's FFN tests an opcode or a selector slot this way), checked
// here row by row; what a program does never enters. A group whose check fails is computed whole.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tvm {

struct SparseRows;

class GuardedNeurons {
 public:
  /**
   * Finds groups among `candidates` (ascending neuron ids with nonzero gate rows) of `gate`;
   * `minimum` rows or more make a group.
   */
  void build(const SparseRows& gate, const std::vector<int32_t>& candidates, int64_t width, size_t minimum = 4);

  size_t groups() const { return groups_.size(); }
  /** Whether neuron j belongs to a group. */
  bool grouped(int64_t j) const { return j < static_cast<int64_t>(grouped_.size()) && grouped_[j]; }
  /** Neurons in groups, for tests and the docs. */
  size_t neurons() const;

  /**
   * The rows of group g that may fire for residual x: [*first, *last) in ascending neuron order.
   * Either the rows with k = x[c] (possibly none) when the group's bound holds, or all its rows.
   */
  void candidates(size_t g, const double* x, const int32_t** first, const int32_t** last) const;

 private:
  struct Group {
    int32_t c = 0, q = 0, o = -1;  // o = −1: no o column (every row has B_j = k_j²·S ... = 0)
    double s = 0;
    int64_t kMin = 0;
    std::vector<int32_t> byK;   // rows with k = kMin + i: rows[byK[i] .. byK[i + 1])
    std::vector<int32_t> rows;  // by k, then ascending
    std::vector<int32_t> all;   // ascending
    // Columns other than c, q, o: the largest and smallest weight over the rows (0 for a row
    // without the column) and the largest magnitude.
    std::vector<int32_t> restColumn;
    std::vector<double> restHigh, restLow, restMagnitude;
    double bMax = 0;       // max_j B_j as computed
    double magnitude = 0;  // max_j (|w_j| + k_j²·S): bounds the rounding of B_j and of the o term
    double kAbs = 0;       // max_j |k_j|
    /**
     * Every row's weights are integers, there are no rest columns, and B_j and k_j²·S are exact:
     * a gate whose products stay below 2^49 is computed without rounding, so the bound needs no
     * margin (a selector-like row, −(x[c] − k)² + 1, reaches exactly 0 next to its k).
     */
    bool integral = false;
    double weightMax = 0;  // max |weight| over the rows (integral groups)
  };
  std::vector<Group> groups_;
  std::vector<char> grouped_;

  bool holds(const Group& g, const double* x, double c) const;
};

}  // namespace tvm
