// The native reader and engine under AddressSanitizer and UndefinedBehaviorSanitizer
// (npm run test:sanitize builds this with the engine's sources and runs it on a folder that
// scripts/sanitize-data.ts fills): each example's prompt is fed and generation must reproduce the
// reference executor's trace token for token while the selection log records (its blocks must
// decode); each damaged or unreadable weight file must be refused with the TypeScript reader's
// message; the hull heads must answer like brute force, the key index like std::map, and exact.h's
// rounding, conversion and products like plain references; and guarded neuron groups must never
// skip a neuron that fires (guarded_check.cc), bounded gate groups never one that may
// (bounded_check.cc), and the output argmax's memo must answer as the argmax (memo_check.cc).
// Prints one line per case; exits 1 on a failure (a sanitizer report aborts at once).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "../src/engine.h"
#include "../src/json.h"
#include "../src/model.h"
#include "test_support.h"

int guardedAgainstBruteForce();  // guarded_check.cc
int boundedAgainstBruteForce();  // bounded_check.cc
int memoAgainstArgmax();         // memo_check.cc

namespace {

using tvm_test::readAll;

std::vector<int32_t> tokens(const std::string& file) { return tvm_test::readInt32s(file); }

const std::string& text(const tvm::Json& o, const char* field) {
  const tvm::Json* v = o.get(field);
  if (!v || !v->isString()) throw std::runtime_error(std::string("manifest: no ") + field);
  return v->string;
}

/**
 * exact.h against plain references: roundHalfUp and floorOf bit for bit against std::floor (and
 * JavaScript's Math.round, never −0) on edge cases, halves and their neighbours and random
 * doubles of every exponent; toInteger against the compiler's conversion; compareProducts
 * against products computed in 128 bits (operands to 2^63, so its 32- and 64-bit paths, and
 * their boundaries). Returns the failures.
 */
int exactAgainstReferences() {
  tvm_test::XorShift64 next{0x9e3779b97f4a7c15ull};
  auto bitsOf = [](double v) {
    uint64_t b;
    std::memcpy(&b, &v, sizeof b);
    return b;
  };
  auto floorRef = [](double v) { return std::floor(v) == 0 ? 0.0 : std::floor(v); };  // +0 for −0
  auto roundRef = [&](double v) {
    const double f = std::floor(v);
    const double r = v - f >= 0.5 ? f + 1 : f;
    return r == 0 ? 0.0 : r;
  };
  int failures = 0;
  auto check = [&](double v) {
    const bool nan = v != v;
    const double r = tvm::roundHalfUp(v), f = tvm::floorOf(v);
    if (nan ? r == r || f == f : bitsOf(r) != bitsOf(roundRef(v)) || bitsOf(f) != bitsOf(floorRef(v))) {
      if (failures++ < 5) std::printf("FAIL exact: roundHalfUp(%a) = %a, floorOf = %a\n", v, r, f);
    }
  };
  const double edges[] = {0.0, -0.0, 0.5, -0.5, 0.49999999999999994, -0.49999999999999994, 1.5, -1.5, 2.5, -2.5,
                          0x1p52, -0x1p52, 0x1p52 - 0.5, -0x1p52 + 0.5, 0x1p52 + 2, 0x1p53, 0x1p63, -0x1p63, 0x1p101,
                          1e300, -1e300, INFINITY, -INFINITY, NAN, 4.9e-324, -4.9e-324, 0.9999999999999999,
                          -0.9999999999999999, 4503599627370495.5, -4503599627370495.5};
  for (double v : edges) check(v);
  for (int64_t k = -20000; k <= 20000; k++) {
    const double h = double(k) + 0.5;
    check(std::nextafter(h, -INFINITY)), check(h), check(std::nextafter(h, INFINITY)), check(double(k));
  }
  for (int i = 0; i < 2000000; i++) {
    const uint64_t b = next();
    double v;
    std::memcpy(&v, &b, sizeof v);
    check(v);                                                                 // any double
    check(std::ldexp(double(b >> 11), int(b % 64) - 53 - 8) * (b & 1 ? -1 : 1));  // around 1 … 2^55
  }
  for (int i = 0; i < 1000000; i++) {
    const uint64_t b = next();
    const double v = std::ldexp(double((b >> 11) | 1), int(b % 68)) * (b & 1 ? -1 : 1);  // 1 … 2^120
    if (std::fabs(v) < 0x1p120 && tvm::toInteger(v) != static_cast<tvm::i128>(v) && failures++ < 5)
      std::printf("FAIL exact: toInteger(%a)\n", v);
  }
  const int64_t bounds[] = {0, 1, -1, INT32_MAX, INT32_MIN, int64_t(INT32_MAX) + 1, int64_t(INT32_MIN) - 1,
                            INT64_MAX, INT64_MIN, INT64_MIN + 1};
  auto operand = [&]() -> int64_t {
    const uint64_t b = next();
    if (b % 4 == 0) return bounds[(b >> 8) % 10];
    return int64_t(next()) >> (b >> 8) % 64;  // every magnitude up to 2^63
  };
  for (int i = 0; i < 3000000; i++) {
    const int64_t a = operand(), b = operand();
    int64_t c = operand(), d = operand();
    if (i % 5 == 0) c = a, d = b;  // equal products
    if (i % 7 == 0) c = b, d = a;
    const tvm::i128 l = tvm::i128(a) * b, r = tvm::i128(c) * d;  // exact: |each| ≤ 2^126
    const int want = (l > r) - (l < r);
    if (tvm::compareProducts(a, b, c, d) != want && failures++ < 5)
      std::printf("FAIL exact: compareProducts(%lld, %lld, %lld, %lld)\n", (long long)a, (long long)b,
                  (long long)c, (long long)d);
  }
  // 128-bit operands (cleared keys are about 2^101): against products of 32-bit limbs, so that
  // the bit-length shortcut and the 256-bit path meet a reference that shares no code with them.
  auto limbs = [](tvm::i128 v, uint32_t out[4]) {
    const tvm::u128 m = v < 0 ? tvm::u128(0) - tvm::u128(v) : tvm::u128(v);
    for (int i = 0; i < 4; i++) out[i] = uint32_t(m >> (32 * i));
  };
  auto product = [&](tvm::i128 a, tvm::i128 b, uint32_t out[8]) {  // |a·b| in 8 limbs
    uint32_t x[4], y[4];
    limbs(a, x), limbs(b, y);
    uint64_t acc[8] = {0};
    for (int i = 0; i < 4; i++)
      for (int j = 0; j < 4; j++) {
        const uint64_t p = uint64_t(x[i]) * y[j];
        acc[i + j] += p & 0xffffffffu;
        acc[i + j + 1] += p >> 32;
      }
    for (int i = 0; i < 7; i++) acc[i + 1] += acc[i] >> 32, acc[i] &= 0xffffffffu;
    for (int i = 0; i < 8; i++) out[i] = uint32_t(acc[i]);
  };
  auto reference = [&](tvm::i128 a, tvm::i128 b, tvm::i128 c, tvm::i128 d) {
    const int sl = ((a > 0) - (a < 0)) * ((b > 0) - (b < 0)), sr = ((c > 0) - (c < 0)) * ((d > 0) - (d < 0));
    if (sl != sr || sl == 0) return (sl > sr) - (sl < sr);
    uint32_t l[8], r[8];
    product(a, b, l), product(c, d, r);
    for (int i = 7; i >= 0; i--)
      if (l[i] != r[i]) return (l[i] > r[i]) == (sl > 0) ? 1 : -1;
    return 0;
  };
  auto wide = [&]() -> tvm::i128 {
    const uint64_t b = next();
    const int bits = int(b % 121);  // magnitudes to 2^120
    tvm::i128 v = (tvm::i128(next()) << 64 | next()) & ((tvm::i128(1) << bits) - 1);
    if (b % 7 == 0) v = tvm::i128(1) << bits;
    if (b % 11 == 0) v = (tvm::i128(1) << bits) - 1;
    return b & 1 ? -v : v;
  };
  for (int i = 0; i < 2000000; i++) {
    const tvm::i128 a = wide(), b = wide();
    tvm::i128 c = wide(), d = wide();
    if (i % 5 == 0) c = a, d = b;
    if (i % 7 == 0) c = b, d = a;
    if (i % 3 == 0) c = a * 2 + 1, d = b / 2;  // products a bit length apart
    const tvm::i128 big = tvm::i128(1) << 119;
    if ((c > big || c < -big) && i % 3 == 0) c /= 4;
    const int want = reference(a, b, c, d);
    if (tvm::compareProducts(a, b, c, d) != want && failures++ < 5)
      std::printf("FAIL exact: compareProducts of 128-bit operands (%llx…, %llx…, %llx…, %llx…)\n",
                  (unsigned long long)(a >> 64), (unsigned long long)(b >> 64), (unsigned long long)(c >> 64),
                  (unsigned long long)(d >> 64));
  }
  if (!failures) std::printf("ok   exact arithmetic: rounding, conversion and products equal their references\n");
  return failures;
}

/**
 * The key index against std::map: keys of 128-bit coordinates (about 2^100, like the machine's
 * cleared keys, and small), looked up, inserted and erased at random, enough of them (about 200,000
 * live) that 32-bit hashes collide and the full key decides. Returns the failures.
 */
int keyIndexAgainstMap() {
  tvm_test::XorShift64 next{88172645463325252ull};
  tvm::KeyIndex index;
  std::vector<tvm::KeyGroup> groups;
  std::vector<int32_t> freed;
  std::map<std::pair<tvm::i128, tvm::i128>, int32_t> want;
  int failures = 0;
  for (int i = 0; i < 600000 && failures == 0; i++) {
    const uint64_t b = next();
    const tvm::i128 base = b & 1 ? tvm::i128(1) << 100 : 0;
    const tvm::i128 x = base + int64_t(next() % 400000), y = -base + int64_t(next() % 2);
    const auto key = std::make_pair(x, y);
    const auto it = want.find(key);
    if (b % 3 == 2 && it != want.end()) {  // erase
      index.erase(x, y, it->second);
      freed.push_back(it->second);
      want.erase(it);
      continue;
    }
    const int32_t found = index.lookup(x, y, groups);
    if (found != (it == want.end() ? -1 : it->second)) {
      std::printf("FAIL key index: step %d found group %d, std::map %d\n", i, found,
                  it == want.end() ? -1 : it->second);
      failures++;
      break;
    }
    if (found < 0) {
      const int32_t g = freed.empty() ? int32_t(groups.size()) : freed.back();
      index.insert(x, y, g);
      if (freed.empty()) groups.emplace_back();
      else freed.pop_back();
      groups[g].x = x, groups[g].y = y;
      want[key] = g;
    }
  }
  if (!failures) std::printf("ok   key index: 600,000 lookups, inserts and erases equal std::map\n");
  return failures;
}

/**
 * The hull heads against brute force: random keys (parabola keys (2j, −j²) that all stay on the
 * hull, and small integers with many equal and collinear points), values that are small integers
 * (so every sum is exact in any order), and queries that repeat, drift and jump, so the query's
 * finger (the last answer, tried first) is right, next to the answer, and far from it. Both tie
 * rules; the selection (position, last, count) and the values must match. Returns the failures.
 */
int hullAgainstBruteForce() {
  struct Entry {
    tvm::i128 x, y;
    double v[2];
    int64_t seq;
  };
  uint32_t state = 12345;
  auto next = [&]() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  };
  int failures = 0;
  // Rounds 40–59 move every key by about 2^100 (the size of the machine's cleared keys: 128-bit
  // coordinates, 32-bit differences); rounds 60–79 scale the queries by 2^33 (64-bit products);
  // rounds 80–99 clear a third of the keys as the machine does (y − 2^100, x kept), so that a hull
  // mixes small keys with cleared ones and the steps between them are far beyond 32 bits.
  const tvm::i128 offsetX = (tvm::i128(1) << 100) + 12345, offsetY = -(tvm::i128(1) << 99) + 777;
  for (int round = 0; round < 100 && failures == 0; round++) {
    const tvm::Tie tie = round % 2 ? tvm::Tie::Average : tvm::Tie::Latest;
    tvm::HullAttention hull(round + 1);
    std::vector<Entry> entries;
    tvm::i128 qx = 0, qy = 1;
    for (int64_t seq = 0; seq < 600; seq++) {
      Entry e;
      if (round % 4 < 2) {
        const int64_t j = next() % 64;
        e.x = 2 * j, e.y = -j * j;
      } else {
        e.x = int64_t(next() % 9) - 4, e.y = int64_t(next() % 9) - 4;
      }
      if (round >= 40 && round < 60) e.x += offsetX, e.y += offsetY;
      if (round >= 80 && next() % 3 == 0) e.y -= tvm::i128(1) << 100;
      e.v[0] = double(next() % 100), e.v[1] = double(next() % 7) - 3;
      e.seq = seq;
      entries.push_back(e);
      hull.insert(e.x, e.y, e.v, seq);
      const uint32_t how = next() % 8;
      if (how == 0) qx = int64_t(next() % 200) - 100, qy = int64_t(next() % 21) - 10;
      else if (how == 1) qx += int64_t(next() % 3) - 1;
      else if (how == 2) qx = int64_t(next() % 3) - 1, qy = 0;
      else if (how == 3) qx = 0, qy = 0;
      else if (how == 4) qy = 1 + next() % 3;
      if (round >= 60 && round < 80) qx *= tvm::i128(1) << 33, qy *= tvm::i128(1) << 33;
      double out[2] = {0, 0};
      const tvm::Selection got = hull.query(qx, qy, tie, out);
      // Brute force: every entry's score; the maximal ones are selected.
      tvm::i128 best = 0;
      bool any = false;
      for (const Entry& x : entries) {
        const tvm::i128 s = qx * x.x + qy * x.y;
        if (!any || s > best) best = s, any = true;
      }
      tvm::Selection want;
      double w[2] = {0, 0};
      want.position = tie == tvm::Tie::Latest ? -1 : INT64_MAX;
      for (const Entry& x : entries) {
        if (qx * x.x + qy * x.y != best) continue;
        want.count++;
        if (tie == tvm::Tie::Latest) {
          if (x.seq > want.position) want.position = want.last = x.seq, w[0] = x.v[0], w[1] = x.v[1];
        } else {
          w[0] += x.v[0], w[1] += x.v[1];
          want.position = std::min(want.position, x.seq);
          want.last = std::max(want.last, x.seq);
        }
      }
      if (tie == tvm::Tie::Average) w[0] /= double(want.count), w[1] /= double(want.count);
      if (got.position != want.position || got.last != want.last || got.count != want.count || out[0] != w[0] ||
          out[1] != w[1]) {
        std::printf("FAIL hull round %d, position %lld, query (%lld, %lld): selected %lld..%lld ×%lld (%g, %g), brute "
                    "force %lld..%lld ×%lld (%g, %g)\n",
                    round, (long long)seq, (long long)qx, (long long)qy, (long long)got.position, (long long)got.last,
                    (long long)got.count, out[0], out[1], (long long)want.position, (long long)want.last,
                    (long long)want.count, w[0], w[1]);
        failures++;
        break;
      }
      if (round >= 60 && round < 80) qx /= tvm::i128(1) << 33, qy /= tvm::i128(1) << 33;
    }
  }
  if (!failures) std::printf("ok   hull heads: 100 rounds of 600 inserts and queries equal brute force\n");
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: sanitize_driver DATA_FOLDER\n");
    return 2;
  }
  const std::string dir = argv[1];
  const std::string manifestText = readAll(dir + "/manifest.json");
  const tvm::Json manifest = tvm::parseJson(manifestText.data(), manifestText.size());
  const int32_t halt = static_cast<int32_t>(manifest.get("halt")->number);
  int failures = exactAgainstReferences() + keyIndexAgainstMap() + hullAgainstBruteForce() +
                 guardedAgainstBruteForce() + boundedAgainstBruteForce() + memoAgainstArgmax();
  for (const tvm::Json& run : manifest.get("runs")->items) {
    const auto start = std::chrono::steady_clock::now();
    auto model = std::make_shared<const tvm::Model>(tvm::loadModel(dir + "/" + text(run, "model")));
    tvm::Engine engine(model);
    for (int32_t t : tokens(dir + "/" + text(run, "prompt"))) engine.feed(t);
    engine.recordSelections(true, 4096);
    const std::vector<int32_t> expected = tokens(dir + "/" + text(run, "expected"));
    std::atomic<int> request{tvm::kRun};
    int64_t emitted = 0;
    const tvm::Generated r =
        engine.generate(halt, static_cast<int64_t>(expected.size()) + 1, expected.data(),
                        static_cast<int64_t>(expected.size()), {}, request, [&](int32_t) { emitted++; });
    // The selection log under the sanitizers too: every block's rows decode, a block cut short
    // does not, and the log covered every position fed.
    engine.recordSelections(false);
    bool logged = true;
    int64_t loggedTo = -1;
    std::vector<int32_t> row;
    for (const tvm::SelectionLog::Block& b : engine.takeSelectionBlocks()) {
      for (int64_t p = b.start; p < b.start + b.count; p += 257)
        logged = logged && engine.decodeSelections(b.bytes.data(), b.bytes.size(), b.start, p, row);
      if (!b.bytes.empty())
        logged = logged && !engine.decodeSelections(b.bytes.data(), b.bytes.size() - 1, b.start,
                                                    b.start + b.count - 1, row);
      loggedTo = b.start + b.count;
    }
    // The reference trace ends with halt, which generate() emits and stops at.
    const bool ok = r.reason == tvm::Stop::Halt && r.count == static_cast<int64_t>(expected.size()) &&
                    emitted == r.count && logged && loggedTo == engine.position();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s %s: %lld tokens (%.1f s)%s\n", ok ? "ok  " : "FAIL", text(run, "name").c_str(),
                static_cast<long long>(r.count), seconds,
                ok ? "" : (" — stopped with reason " + std::to_string(int(r.reason)) + ", expected " +
                           std::to_string(expected.size()) + " tokens")
                              .c_str());
    failures += !ok;
  }
  int refused = 0;
  for (const tvm::Json& c : manifest.get("refused")->items) {
    const std::string& file = text(c, "file");
    const std::string& want = text(c, "message");
    std::string got = "loaded";
    try {
      tvm::loadModel(file);
    } catch (const std::runtime_error& e) {
      got = e.what();
    }
    // A JSON syntax error's details are each parser's own; everything else is the same sentence.
    const std::string corrupt = file + ": corrupt header: ";
    const bool both = got.rfind(corrupt, 0) == 0 && want.rfind(corrupt, 0) == 0;
    if (got != want && !both) {
      std::printf("FAIL %s: native says \"%s\", TypeScript \"%s\"\n", text(c, "what").c_str(), got.c_str(),
                  want.c_str());
      failures++;
    }
    refused++;
  }
  std::printf("%s %d damaged or unreadable weight files refused with the TypeScript reader's messages\n",
              failures ? "    " : "ok  ", refused);
  return failures ? 1 : 0;
}
