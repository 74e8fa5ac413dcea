// FFN neurons a bound shows to be off, found in the gate weights at load:
//
//   group the neurons (outside one-hot and guarded groups) by the slot of their largest positive
//     gate weight: a machine's neurons gated by one flag (a scale S on the flag, −S on `one`, a
//     few small terms) share it, and are off while the flag is 0;
//   bound(group) = Σ over the union of its rows' slots of max(high·x, low·x) (high and low the
//     largest and smallest weight there over its rows, 0 for a row without the slot), plus a
//     margin for the rounding of every computed gate;
//   a bound at or below 0 means no row of the group has a computed gate above 0: none fires, so
//     the group is skipped; otherwise each row is computed, as any other neuron.
//
// Skipping a neuron that cannot fire changes no double, so the engines need not skip the same
// ones. The grouping is the weights' alone; what the program does never enters.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sparse_rows.h"

namespace tvm {

class BoundedGates {
 public:
  /** Groups `neurons` (ascending, nonzero gate rows) of `gate`. */
  void build(const SparseRows& gate, const std::vector<int32_t>& neurons);

  /**
   * The neurons in no group (ascending), and the distinct gate rows they have, computed every
   * position: loose()[k]'s gate is row looseRow()[k] of looseRows().
   */
  const std::vector<int32_t>& loose() const { return loose_; }
  const std::vector<int32_t>& looseRow() const { return looseRow_; }
  const SparseRows& looseRows() const { return looseRows_; }

  size_t groups() const { return groups_.size(); }
  /** Whether group g's bound shows that none of its rows fires for residual x. */
  bool off(size_t index, const double* x) const {
    const Group& g = groups_[index];
    double u = 0, a = 0;
    for (int32_t t = g.term; t < g.term + g.terms; t++) {
      const double v = x[column_[t]];
      u += v >= 0 ? high_[t] * v : low_[t] * v;
      a += magnitude_[t] * (v >= 0 ? v : -v);
    }
    return u + (a * 0x1p-40 + 0x1p-1000) <= 0;  // false for NaN anywhere (bounded_gates.cc)
  }
  /** Group g's neurons (ascending) and their gate rows: rows() rows [first, first + count). */
  int32_t first(size_t g) const { return groups_[g].first; }
  int32_t count(size_t g) const { return groups_[g].count; }
  const std::vector<int32_t>& groupedNeurons() const { return grouped_; }
  const SparseRows& groupedRows() const { return groupedRows_; }

 private:
  struct Group {
    int32_t first = 0, count = 0;  // rows of groupedRows_
    int32_t term = 0, terms = 0;   // column_[term .. term + terms)
  };
  std::vector<Group> groups_;
  std::vector<int32_t> loose_, looseRow_, grouped_;
  SparseRows looseRows_, groupedRows_;
  std::vector<int32_t> column_;
  std::vector<double> high_, low_, magnitude_;
};

}  // namespace tvm
