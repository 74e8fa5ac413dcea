// Why the bound is safe. For a row j of a group with x[q] = c², x[o] = 1 and c an integer other
// than k_j, the exact gate is −S·(c − k_j)² + B_j + Σ_rest w_ji·x_i ≤ −S + B_j + U, where
// U = Σ_rest max(high_i·x_i, low_i·x_i) bounds every row's rest (a row without column i has weight
// 0, between low_i and high_i). The computed gate is within n·2^−53·T of the exact one, n ≤ 4096
// terms and T = 2·max|k|·S·|c| + S·c² + max(|w_j| + k_j²·S) + Σ_rest magnitude_i·|x_i| ≥ Σ|terms|;
// B_j, U and T are computed within the same relative error. So when
// bMax + U + 2^−40·(T + S + |U|) + 2^−1000 ≤ S, no such row has a computed gate above 0. An
// integral group (integer weights, no rest columns) computes its gates exactly while the products
// stay below 2^49, and then B_j ≤ S, checked at load, is the whole condition.
#include "guarded_neurons.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "exact.h"
#include "model.h"

namespace tvm {

namespace {

constexpr int64_t kMaxK = int64_t(1) << 20;
constexpr double kMaxC = 0x1p24;  // |x[c]| below this: c² is exact

/** A group's defining columns and scale, and the rest columns that weigh heavily for it. */
struct Key {
  int32_t c, q, o;
  double s;
  std::vector<int32_t> heavy;  // rest columns with a weight ≥ S/1024: rows that differ here differ in B + rest
  bool operator<(const Key& b) const { return std::tie(c, q, o, s, heavy) < std::tie(b.c, b.q, b.o, b.s, b.heavy); }
};

struct Entry {
  int32_t column;
  double weight;
};

/** Whether |v| has at most 32 significant bits (v finite and nonzero). */
bool fewBits(double v) {
  int exponent;
  const double mantissa = std::frexp(std::fabs(v), &exponent);  // in [0.5, 1)
  double m = std::ldexp(mantissa, 53);                          // an integer below 2^53
  while (m >= 0x1p32 && std::fmod(m, 2) == 0) m /= 2;
  return m > 0 && m < 0x1p32;
}

/** Row j's weight at column `column`, 0 when the row has none. */
double weightAt(const std::vector<Entry>& row, int32_t column) {
  for (const Entry& e : row)
    if (e.column == column) return e.weight;
  return 0;
}

/**
 * Whether a row has the form S·(2k·x[c] − x[q]) + w·x[o] + rest with B = w + k²·S ≤ S, and
 * whether its heavy rest columns are the key's; k and B out.
 */
bool matches(const std::vector<Entry>& row, const Key& key, int64_t& k, double& b) {
  if (weightAt(row, key.q) != -key.s) return false;
  const double wc = weightAt(row, key.c);
  const double half = wc / (2 * key.s);
  if (!(std::fabs(half) < double(kMaxK)) || half != floorOf(half)) return false;
  // 2k·S must be w_c exactly, as real numbers: with |2k| ≤ 2^21 and S of at most 32 significant
  // bits the product is exact (the TypeScript port has no fma to tell otherwise).
  if (!fewBits(key.s) || 2 * half * key.s != wc) return false;
  k = static_cast<int64_t>(half);
  const double w = key.o >= 0 ? weightAt(row, key.o) : 0;
  b = w + double(k) * double(k) * key.s;
  if (!(b <= key.s)) return false;
  std::vector<int32_t> heavy;
  for (const Entry& e : row)
    if (e.column != key.c && e.column != key.q && e.column != key.o && e.weight >= key.s / 1024) heavy.push_back(e.column);
  return heavy == key.heavy;
}

}  // namespace

void GuardedNeurons::build(const SparseRows& gate, const std::vector<int32_t>& candidates, int64_t width,
                           size_t minimum) {
  groups_.clear();
  grouped_.clear();
  // Load stays bounded whatever the weights: at most kMaxRows candidates, rows of at most
  // kMaxEntries weights, kCombos guesses per row from the first kKeyRows rows, the kMaxKeys keys
  // most rows suggest, kMaxGroups groups (a machine's rows have a few weights; its groups, a few).
  constexpr size_t kMaxRows = 65536, kMaxEntries = 16, kKeyRows = 4096, kCombos = 64, kMaxKeys = 32,
                   kMaxGroups = 8;
  if (candidates.empty() || candidates.size() > kMaxRows || width > 4096) return;  // 2^−40 assumes < 2^12 terms
  std::vector<std::vector<Entry>> rows;
  for (int32_t j : candidates) {
    std::vector<Entry> row;
    if (gate.start[j + 1] - gate.start[j] <= static_cast<int32_t>(kMaxEntries))
      for (int32_t i = gate.start[j]; i < gate.start[j + 1]; i++) row.push_back({gate.column[i], gate.value[i]});
    rows.push_back(std::move(row));  // an empty row matches no key
  }
  // The keys rows suggest: q a column of negative weight −S, c one whose weight is 2k·S (k ≠ 0),
  // o another column or none; counted by how many rows suggest each.
  std::map<Key, size_t> suggested;
  for (size_t r = 0; r < std::min(rows.size(), kKeyRows); r++) {
    const auto& row = rows[r];
    size_t combos = 0;
    for (const Entry& q : row) {
      if (!(q.weight < 0) || !std::isfinite(q.weight)) continue;
      for (const Entry& c : row) {
        if (c.column == q.column) continue;
        for (int32_t o = -1; o < static_cast<int32_t>(row.size()) && combos < kCombos; o++) {
          const int32_t oc = o < 0 ? -1 : row[o].column;
          if (oc == q.column || oc == c.column) continue;
          combos++;
          Key key{c.column, q.column, oc, -q.weight, {}};
          for (const Entry& e : row)
            if (e.column != key.c && e.column != key.q && e.column != key.o && e.weight >= key.s / 1024)
              key.heavy.push_back(e.column);
          int64_t k;
          double b;
          if (matches(row, key, k, b)) suggested[std::move(key)]++;
        }
      }
    }
  }
  std::vector<std::pair<size_t, const Key*>> ranked;
  for (const auto& [key, n] : suggested) ranked.emplace_back(n, &key);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (ranked.size() > kMaxKeys) ranked.resize(kMaxKeys);
  std::map<Key, size_t> keys;
  for (const auto& [n, key] : ranked) keys.emplace(*key, 0);
  // Greedily, the key that most unassigned rows match makes a group, until none has `minimum`.
  std::vector<char> taken(rows.size(), 0);
  for (size_t formed = 0; formed < kMaxGroups; formed++) {
    const Key* best = nullptr;
    size_t bestCount = 0;
    for (auto& [key, count] : keys) {
      count = 0;
      int64_t k;
      double b;
      for (size_t r = 0; r < rows.size(); r++)
        if (!taken[r] && matches(rows[r], key, k, b)) count++;
      if (count > bestCount) best = &key, bestCount = count;
    }
    if (!best || bestCount < minimum) break;
    Group g;
    g.c = best->c;
    g.q = best->q;
    g.o = best->o;
    g.s = best->s;
    std::vector<std::pair<int64_t, int32_t>> members;  // (k, neuron)
    std::map<int32_t, std::pair<double, double>> rest;  // column → (high, low)
    bool integral = true;
    for (size_t r = 0; r < rows.size(); r++) {
      int64_t k;
      double b;
      if (taken[r] || !matches(rows[r], *best, k, b)) continue;
      taken[r] = 1;
      members.emplace_back(k, candidates[r]);
      const double w = g.o >= 0 ? weightAt(rows[r], g.o) : 0;
      const double k2s = double(k) * double(k) * g.s;
      g.bMax = members.size() == 1 ? b : std::max(g.bMax, b);
      g.magnitude = std::max(g.magnitude, std::fabs(w) + k2s);
      g.kAbs = std::max(g.kAbs, std::fabs(double(k)));
      // Integral: integer weights below 2^40, and k²·S and B exact (integers below 2^52).
      for (const Entry& e : rows[r]) {
        if (e.column != g.c && e.column != g.q && e.column != g.o) integral = false;
        if (!(std::fabs(e.weight) < 0x1p40) || e.weight != floorOf(e.weight)) integral = false;
        g.weightMax = std::max(g.weightMax, std::fabs(e.weight));
      }
      if (!(std::fabs(k2s) < 0x1p52) || !(std::fabs(b) < 0x1p52)) integral = false;
      for (const Entry& e : rows[r])
        if (e.column != g.c && e.column != g.q && e.column != g.o) rest.emplace(e.column, std::make_pair(0.0, 0.0));
    }
    g.integral = integral;
    for (auto& [column, range] : rest) {
      double hi = -INFINITY, lo = INFINITY;
      for (const auto& m : members) {
        const size_t r = static_cast<size_t>(std::lower_bound(candidates.begin(), candidates.end(), m.second) -
                                             candidates.begin());
        const double w = weightAt(rows[r], column);
        hi = std::max(hi, w);
        lo = std::min(lo, w);
      }
      g.restColumn.push_back(column);
      g.restHigh.push_back(hi);
      g.restLow.push_back(lo);
      g.restMagnitude.push_back(std::max(std::fabs(hi), std::fabs(lo)));
    }
    std::sort(members.begin(), members.end());
    g.kMin = members.front().first;
    const int64_t span = members.back().first - g.kMin + 1;
    g.byK.assign(static_cast<size_t>(span + 1), 0);
    for (const auto& m : members) g.byK[static_cast<size_t>(m.first - g.kMin + 1)]++;
    for (size_t i = 1; i < g.byK.size(); i++) g.byK[i] += g.byK[i - 1];
    for (const auto& m : members) g.rows.push_back(m.second);
    g.all = g.rows;
    std::sort(g.all.begin(), g.all.end());
    for (int32_t j : g.all) {
      if (grouped_.size() <= static_cast<size_t>(j)) grouped_.resize(static_cast<size_t>(j) + 1, 0);
      grouped_[j] = 1;
    }
    groups_.push_back(std::move(g));
  }
}

size_t GuardedNeurons::neurons() const {
  size_t n = 0;
  for (const Group& g : groups_) n += g.all.size();
  return n;
}

bool GuardedNeurons::holds(const Group& g, const double* x, double c) const {
  const double c2 = c * c;
  if (g.integral) return g.weightMax * (c2 + std::fabs(c) + 1) < 0x1p49;
  double u = 0, a = 0;
  for (size_t i = 0; i < g.restColumn.size(); i++) {
    const double v = x[g.restColumn[i]];
    u += std::max(g.restHigh[i] * v, g.restLow[i] * v);
    a += g.restMagnitude[i] * std::fabs(v);
  }
  const double t = 2 * g.kAbs * g.s * std::fabs(c) + g.s * c2 + g.magnitude + a + g.s + std::fabs(u);
  return g.bMax + u + (0x1p-40 * t + 0x1p-1000) <= g.s;  // false for NaN or infinity anywhere
}

void GuardedNeurons::candidates(size_t index, const double* x, const int32_t** first, const int32_t** last) const {
  const Group& g = groups_[index];
  const double c = x[g.c];
  if ((g.o < 0 || x[g.o] == 1) && std::fabs(c) < kMaxC && c == floorOf(c) && x[g.q] == c * c && holds(g, x, c)) {
    const double i = c - static_cast<double>(g.kMin);
    if (i >= 0 && i < static_cast<double>(g.byK.size() - 1)) {
      const size_t at = static_cast<size_t>(i);
      *first = g.rows.data() + g.byK[at];
      *last = g.rows.data() + g.byK[at + 1];
    } else {
      *first = *last = g.rows.data();
    }
    return;
  }
  *first = g.all.data();
  *last = g.all.data() + g.all.size();
}

}  // namespace tvm
