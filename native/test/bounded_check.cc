// Bounded gate groups against brute force, for the sanitizer driver: random gate rows switched
// by flags (scales from 1024 to 3·2^40, one or two flags, `one` weighted −S or −2S, small and heavy
// rest weights, rows that reach exactly 0), ramps of small integers and repeated rows (loose,
// shared), and residuals on both sides of the bound (flags 0, 1 or neither, rest values up to and
// beyond what the bound tolerates, NaN and infinities). Whenever a group is off, every one of its
// rows must have a computed gate at or below 0; every neuron must be loose or in one group; a
// loose neuron's shared row must give its own gate bit for bit; and groups must be off often.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "../src/bounded_gates.h"
#include "test_support.h"

int boundedAgainstBruteForce() {
  tvm_test::XorShift64 next{0x2545f4914f6cdd1dull};
  auto uniform = [&](int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(next() % uint64_t(hi - lo + 1)); };
  const int64_t width = 24, one = 0;
  const double scales[] = {0x1p36, 1024, 1e6 + 1, 3 * 0x1p40};
  int failures = 0;
  int64_t evaluated = 0, off = 0, grouped = 0;
  for (int round = 0; round < 200 && failures == 0; round++) {
    const double s = scales[round % 4];
    const int64_t rows = uniform(8, 48);
    std::vector<double> dense;
    for (int64_t j = 0; j < rows; j++) {
      std::vector<double> row(width, 0.0);
      const uint64_t kind = next() % 10;
      if (kind < 6) {  // flag-gated: S·x[f] (+ S·x[f2]) − m·S·x[one] + small rest
        const int64_t f = uniform(1, 6);
        row[f] = s;
        const bool both = next() % 3 == 0;
        if (both) row[uniform(1, 6)] += s;  // the same flag twice weighs 2S
        row[one] = -s * (both ? 2 : 1);
        for (int e = 0; e < 3; e++) row[uniform(8, width - 1)] = double(uniform(-3, 3));
        if (next() % 8 == 0) row[uniform(8, 11)] = s / 2;  // a heavy rest weight
        if (next() % 8 == 0) row[one] += s / 4096;         // near the edge of grouping
      } else if (kind < 8) {  // a ramp: x[c] − k
        row[uniform(8, 12)] = 1;
        row[one] = -double(uniform(0, 4));
      } else if (j > 0) {  // a repeat of the row before
        row.assign(dense.end() - width, dense.end());
      } else {
        row[one] = 1;
      }
      dense.insert(dense.end(), row.begin(), row.end());
    }
    tvm::SparseRows gate;
    gate.build(dense.data(), rows, width);
    std::vector<int32_t> neurons;
    for (int64_t j = 0; j < rows; j++)
      if (!gate.empty(j)) neurons.push_back(static_cast<int32_t>(j));
    tvm::BoundedGates bounded;
    bounded.build(gate, neurons);
    // Every neuron exactly once, loose or grouped.
    std::vector<int> seen(static_cast<size_t>(rows), 0);
    for (int32_t j : bounded.loose()) seen[j]++;
    for (int32_t j : bounded.groupedNeurons()) seen[j]++;
    for (int32_t j : neurons)
      if (seen[j] != 1 && failures++ < 5)
        std::printf("FAIL bounded gates round %d: neuron %d held %d times\n", round, j, seen[j]);
    grouped += static_cast<int64_t>(bounded.groupedNeurons().size());
    for (int trial = 0; trial < 300 && failures == 0; trial++) {
      std::vector<double> x(width, 0.0);
      x[one] = trial % 23 == 0 ? 2 : 1;
      for (int64_t f = 1; f <= 6; f++) {
        const uint64_t v = next() % 16;
        x[f] = v < 11 ? 0 : v < 14 ? 1 : v == 14 ? 0.5 : -1;
      }
      const double scale = trial % 3 == 0 ? 1 : trial % 3 == 1 ? 255 : s / 4;
      for (int64_t i = 8; i < width; i++) x[i] = std::floor(double(uniform(-1000, 1000)) / 1000 * scale);
      if (trial % 37 == 0) x[uniform(1, width - 1)] = trial % 2 ? NAN : (trial % 3 ? INFINITY : -INFINITY);
      for (size_t k = 0; k < bounded.loose().size(); k++) {
        const double own = gate.dot(bounded.loose()[k], x.data());
        const double shared = bounded.looseRows().dot(bounded.looseRow()[k], x.data());
        if (std::memcmp(&own, &shared, sizeof own) != 0 && !(own != own && shared != shared)) {
          std::printf("FAIL bounded gates round %d: loose neuron %d's shared row gives %.17g, its own %.17g\n", round,
                      bounded.loose()[k], shared, own);
          failures++;
        }
      }
      for (size_t g = 0; g < bounded.groups() && failures == 0; g++) {
        evaluated++;
        if (!bounded.off(g, x.data())) continue;
        off++;
        for (int32_t r = bounded.first(g); r < bounded.first(g) + bounded.count(g); r++) {
          const double computed = gate.dot(bounded.groupedNeurons()[r], x.data());
          if (computed > 0) {
            std::printf("FAIL bounded gates round %d trial %d: group %zu is off but neuron %d's gate is %.17g\n",
                        round, trial, g, bounded.groupedNeurons()[r], computed);
            failures++;
            break;
          }
        }
      }
    }
  }
  // Worth something only if groups form and are often off.
  if (!failures && (grouped == 0 || off * 4 < evaluated)) {
    std::printf("FAIL bounded gates: %lld neurons grouped, off in %lld of %lld evaluations\n", (long long)grouped,
                (long long)off, (long long)evaluated);
    failures++;
  }
  if (!failures)
    std::printf("ok   bounded gates: no off group has a firing row (200 rounds, off in %lld of %lld)\n", (long long)off,
                (long long)evaluated);
  return failures;
}
