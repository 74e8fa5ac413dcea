// Guarded neuron groups against brute force, for the sanitizer driver: random gate rows of the
// guarded form (several scales, integral selector-like rows, rest columns with small and heavy
// weights, B up to S), near-miss rows that only look guarded, and residuals on both sides of the
// bound (x[c] integer or not, x[q] = x[c]² or not, x[o] = 1 or not, rest values from 0 to beyond
// what the bound tolerates). Every row whose computed gate is above 0 must be among the group's
// candidates, and the narrowed path must be taken often enough to matter.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../src/guarded_neurons.h"
#include "../src/model.h"
#include "test_support.h"

int guardedAgainstBruteForce() {
  tvm_test::XorShift64 next{88172645463325252ull};
  auto uniform = [&](int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(next() % uint64_t(hi - lo + 1)); };
  const int64_t width = 24, c = 3, q = 5, o = 0;
  // Scales by round: integral selector-like rows; large, odd and non-integer-friendly scales with
  // rest columns; integral rows with a large scale, where a large x[c] takes S·x[c]² past 2^53.
  const double scales[] = {1, 0x1p36, 1000, 0x1p20 + 1, 0x1p30};
  int failures = 0;
  int64_t narrowed = 0, checked = 0;
  size_t groupedTotal = 0;
  for (int round = 0; round < 250 && failures == 0; round++) {
    const double s = scales[round % 5];
    const bool integral = round % 5 == 0 || round % 5 == 4;
    std::vector<double> dense;
    const int64_t rows = uniform(6, 40);
    for (int64_t j = 0; j < rows; j++) {
      std::vector<double> row(width, 0.0);
      const int64_t k = uniform(-3, 12);
      row[c] = 2 * double(k) * s;
      row[q] = -s;
      // B = w + k²·S between −S and S, mostly small; at S sometimes (exactly 0 next to k).
      double b = integral ? (next() % 2 ? s : double(uniform(-3, 1)))
                          : (next() % 5 == 0 ? s - double(uniform(0, 2)) : double(uniform(-300, 2)));
      if (next() % 10 == 0) b = s + (integral ? 1 : s / 8);  // above S: can fire next to k, never grouped
      row[o] = b - double(k) * double(k) * s;
      if (!integral) {
        for (int e = 0; e < 3; e++) row[uniform(8, width - 1)] = double(uniform(-2, 2));
        if (next() % 6 == 0) row[uniform(8, 11)] = s;  // a heavy positive rest weight
      }
      if (next() % 9 == 0) row[c] += 1;  // not 2k·S: this row is not guarded
      dense.insert(dense.end(), row.begin(), row.end());
    }
    tvm::SparseRows gate;
    gate.build(dense.data(), rows, width);
    std::vector<int32_t> all;
    for (int64_t j = 0; j < rows; j++)
      if (!gate.empty(j)) all.push_back(static_cast<int32_t>(j));
    tvm::GuardedNeurons guarded;
    guarded.build(gate, all, width);
    groupedTotal += guarded.neurons();
    for (int trial = 0; trial < 300 && failures == 0; trial++) {
      std::vector<double> x(width, 0.0);
      const int64_t cv = trial % 13 == 0 ? (int64_t(1) << 23) + uniform(-2, 2) : uniform(-5, 14);
      x[c] = double(cv) + (trial % 17 == 0 ? 0.5 : 0);
      x[q] = x[c] * x[c] + (trial % 19 == 0 ? -1 : trial % 29 == 0 ? 1 : 0);
      x[o] = trial % 23 == 0 ? 2 : 1;
      const double scale = trial % 3 == 0 ? 1 : trial % 3 == 1 ? 255 : s / 4;
      for (int64_t i = 8; i < width; i++) x[i] = std::floor(double(uniform(-1000, 1000)) / 1000 * scale);
      std::vector<char> candidate(static_cast<size_t>(rows), 0);
      for (int64_t j : all)
        if (!guarded.grouped(j)) candidate[j] = 1;
      for (size_t g = 0; g < guarded.groups(); g++) {
        const int32_t *first, *last;
        guarded.candidates(g, x.data(), &first, &last);
        for (; first != last; first++) candidate[*first] = 1;
      }
      int64_t kept = 0;
      for (int64_t j = 0; j < rows; j++) kept += candidate[j];
      if (kept < static_cast<int64_t>(all.size())) narrowed++;
      checked++;
      for (int64_t j : all) {
        if (!(gate.dot(j, x.data()) > 0) || candidate[j]) continue;
        std::printf("FAIL guarded neurons round %d trial %d: neuron %lld fires (gate %.17g) but was skipped\n", round,
                    trial, (long long)j, gate.dot(j, x.data()));
        failures++;
        break;
      }
    }
  }
  // The check is only worth something if groups form and the narrowed path runs.
  if (!failures && (groupedTotal == 0 || narrowed * 8 < checked)) {
    std::printf("FAIL guarded neurons: %zu neurons grouped, narrowed in %lld of %lld trials\n", groupedTotal,
                (long long)narrowed, (long long)checked);
    failures++;
  }
  if (!failures)
    std::printf("ok   guarded neurons: every firing neuron is a candidate (250 rounds, narrowed in %lld of %lld)\n",
                (long long)narrowed, (long long)checked);
  return failures;
}
