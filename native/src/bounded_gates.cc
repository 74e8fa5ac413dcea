// Why the bound is safe (the same argument as the output argmax's blocks). A row's exact gate is
// G = Σ w_i·x_i ≤ U = Σ max(high_i·x_i, low_i·x_i) over the group's slots (a row without slot i
// has w_i = 0, between low_i and high_i). The computed gate and the computed U are each within
// k·2^−53·A of their exact values, k ≤ 16 terms (a group's union of slots is at most kMaxUnion) and A = Σ magnitude_i·|x_i|, so computed(G) ≤
// computed(U) + 2^−40·A + 2^−1000 (the last for subnormal products); when that is at or below 0 no
// row fires (a neuron fires when its computed gate is above 0). NaN or infinity makes the
// comparison false: the group is then computed row by row.
#include "bounded_gates.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace tvm {

void BoundedGates::build(const SparseRows& gate, const std::vector<int32_t>& neurons) {
  groups_.clear();
  loose_.clear();
  grouped_.clear();
  column_.clear();
  high_.clear();
  low_.clear();
  magnitude_.clear();
  looseRow_.clear();
  looseRows_.start.assign(1, 0);
  looseRows_.column.clear();
  looseRows_.value.clear();
  groupedRows_.start.assign(1, 0);
  groupedRows_.column.clear();
  groupedRows_.value.clear();
  // A group's bound reads the union of its rows' slots: kept small, so that it costs less than
  // the rows it may skip (a machine's flag-gated rows have a handful of weights).
  constexpr size_t kMaxUnion = 16;
  // Key: the slot of a row's largest positive weight S (the first on ties) and the slots where it
  // weighs −S/2 or less. Rows sharing both keep those large negative weights in the group's high
  // values, so while the flag slot is 0 the bound stays far below 0. A row is grouped only when S
  // is at least 1024 times its small weights (those below S/1024) and 1024 or more: a flag that
  // switches the neuron, not a ramp of small integers whose bound would be about as often
  // positive as its gate. The others are loose.
  std::map<std::pair<int32_t, std::vector<int32_t>>, std::vector<int32_t>> byFlag;
  std::vector<int32_t> ungrouped;
  for (int32_t j : neurons) {
    int32_t flag = -1;
    double top = 0;
    for (int32_t i = gate.start[j]; i < gate.start[j + 1]; i++)
      if (gate.value[i] > top) top = gate.value[i], flag = gate.column[i];
    std::vector<int32_t> negative;
    double small = 1;  // the largest magnitude below S/1024, at least 1
    for (int32_t i = gate.start[j]; i < gate.start[j + 1]; i++) {
      if (gate.value[i] <= -top / 2) negative.push_back(gate.column[i]);
      if (std::fabs(gate.value[i]) < top / 1024) small = std::max(small, std::fabs(gate.value[i]));
    }
    if (flag < 0 || negative.empty() || !(top >= 1024 * small)) ungrouped.push_back(j);
    else byFlag[{flag, negative}].push_back(j);
  }
  std::vector<int32_t> loose = ungrouped;
  for (const auto& [key, rows] : byFlag) {
    std::map<int32_t, std::pair<double, double>> range;  // slot → (high, low) over the rows
    for (int32_t j : rows)
      for (int32_t i = gate.start[j]; i < gate.start[j + 1]; i++)
        range.emplace(gate.column[i], std::make_pair(0.0, 0.0));
    if (rows.size() < 2 || range.size() > kMaxUnion) {
      loose.insert(loose.end(), rows.begin(), rows.end());
      continue;
    }
    for (auto& [slot, hl] : range) {
      hl = std::make_pair(-INFINITY, INFINITY);
      for (int32_t j : rows) {  // a row without the slot weighs 0 there
        double w = 0;
        for (int32_t i = gate.start[j]; i < gate.start[j + 1]; i++)
          if (gate.column[i] == slot) w = gate.value[i];
        hl.first = std::max(hl.first, w);
        hl.second = std::min(hl.second, w);
      }
    }
    Group g;
    g.first = static_cast<int32_t>(grouped_.size());
    g.count = static_cast<int32_t>(rows.size());
    g.term = static_cast<int32_t>(column_.size());
    g.terms = static_cast<int32_t>(range.size());
    for (const auto& [slot, hl] : range) {
      column_.push_back(slot);
      high_.push_back(hl.first);
      low_.push_back(hl.second);
      magnitude_.push_back(std::max(std::fabs(hl.first), std::fabs(hl.second)));
    }
    for (int32_t j : rows) {
      grouped_.push_back(j);
      groupedRows_.appendRow(gate, j);
    }
    groups_.push_back(g);
  }
  // Loose rows, each distinct row once: neurons with the same gate row (a machine has many that
  // read `one` alone) share one dot product, the same double for each.
  std::sort(loose.begin(), loose.end());
  std::map<std::vector<std::pair<int32_t, double>>, int32_t> distinct;
  for (int32_t j : loose) {
    std::vector<std::pair<int32_t, double>> row;
    for (int32_t i = gate.start[j]; i < gate.start[j + 1]; i++) row.emplace_back(gate.column[i], gate.value[i]);
    const auto found = distinct.emplace(std::move(row), static_cast<int32_t>(distinct.size()));
    if (found.second) looseRows_.appendRow(gate, j);
    loose_.push_back(j);
    looseRow_.push_back(found.first->second);
  }
}

}  // namespace tvm
