// The output argmax's memo (argmax_memo.h) against the argmax itself, for the sanitizer driver: a
// random sparse unembedding, residuals that differ from one another in a single slot (the first,
// the last, by one ulp, +0 against −0, a NaN) or only outside the slots, more of them than the
// table holds, and picks that return to a hot few. With one set, two sets and the full table:
// in the small ones every key shares its set, so a match that skipped part of a key, a token
// stored with the wrong key or an entry moved wrongly answers for the wrong residual.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../src/argmax_memo.h"
#include "../src/model.h"
#include "test_support.h"

int memoAgainstArgmax() {
  tvm_test::XorShift64 next{0x9e3779b97f4a7c15ull};
  auto uniform = [&](int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(next() % uint64_t(hi - lo + 1)); };
  const int64_t vocabulary = 90, width = 12;
  std::vector<double> dense(vocabulary * width, 0.0);
  for (int64_t t = 0; t < vocabulary; t++)
    for (int64_t c = 1; c < width - 1; c++)  // slots 0 and 11 are never read
      if (next() % 3 != 0) dense[t * width + c] = double(uniform(-40, 40)) / 8;
  tvm::SparseRows rows;
  rows.build(dense.data(), vocabulary, width);
  tvm::OutputArgmax argmax;
  argmax.build(rows, vocabulary);
  int failures = 0;
  if (argmax.slots() != std::vector<int32_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
    std::printf("FAIL memo: the argmax's slots are not the unembedding's columns\n");
    failures++;
  }
  std::vector<std::vector<double>> pool;
  while (pool.size() < 5000) {
    std::vector<double> x(width);
    for (auto& v : x) v = next() % 2 ? 0.0 : double(uniform(-300, 300));
    pool.push_back(x);
    const int64_t c = uniform(1, width - 2);
    switch (next() % 6) {
      case 0: x[c] = std::nextafter(x[c], INFINITY); break;
      case 1: x[c] = x[c] == 0 ? -0.0 : -x[c]; break;
      case 2: x[c] = NAN; break;
      case 3: x[1] = double(uniform(-300, 300)); break;
      case 4: x[width - 2] = double(uniform(-300, 300)); break;
      default: x[next() % 2 ? 0 : width - 1] += 7; break;  // outside the slots: the same key
    }
    pool.push_back(x);
  }
  std::vector<double> scratch;
  std::vector<int32_t> expected;
  for (const auto& x : pool) expected.push_back(argmax.argmax(x.data(), scratch));
  for (int setBits : {0, 1, tvm::ArgmaxMemo::kSetBits}) {
    tvm::ArgmaxMemo memo;
    memo.build(argmax.slots(), setBits);
    int64_t computed = 0, picks = 60000;
    for (int64_t k = 0; k < picks && failures < 5; k++) {
      const size_t i = k % 3 == 0 ? next() % pool.size() : next() % 48;
      const int32_t got = memo.get(pool[i].data(), [&] {
        computed++;
        return argmax.argmax(pool[i].data(), scratch);
      });
      if (got != expected[i]) {
        std::printf("FAIL memo (%d set bits): pick %lld, residual %zu: %d, the argmax %d\n", setBits,
                    static_cast<long long>(k), i, got, expected[i]);
        failures++;
      }
    }
    if (setBits == tvm::ArgmaxMemo::kSetBits && !(computed < picks / 2 && computed > 1000)) {
      std::printf("FAIL memo: %lld of %lld picks computed (hits and misses expected)\n",
                  static_cast<long long>(computed), static_cast<long long>(picks));
      failures++;
    }
    std::printf("memo, %d set bits: %lld of %lld picks computed\n", setBits, static_cast<long long>(computed),
                static_cast<long long>(picks));
  }
  return failures;
}
