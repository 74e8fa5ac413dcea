// The next token of a residual seen before, from a small table. The output argmax reads x only
// at the unembedding's slots (OutputArgmax::slots()), so the same bits there give the same token:
//
//   key = the bit patterns of x at those slots;  set = the top bits of a multiplicative hash
//   a hit in one of the set's two entries → its token (a hit in the second moves it to the front);
//   a miss → the argmax itself, stored in front (the second entry leaves)
//
// Exact by construction: a hit returns what the same computation gave for the same inputs (bit
// patterns are compared, so −0 and +0, or two NaN payloads, are different keys). Nothing about
// the program is assumed: a program whose outputs never repeat pays the lookup (a few dozen
// instructions against the argmax's thousands) and gets every token from the argmax. A machine's
// output reads a handful of slots whose values repeat: sudoku's universal model reads 14 and
// shows 1,715 distinct keys in 300,000 tokens, 98.6% of them hits with 2,048 entries.
// Fixed size, made with the engine (no allocation per token); each engine has its own, as the
// model is shared between engines.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace tvm {

class ArgmaxMemo {
 public:
  /** Sets of two entries: 2,048 entries of (slots + 1) words, 240 KB for 14 slots. */
  static constexpr int kSetBits = 10;
  /** An unembedding reading more slots than this is not memoized (each lookup would cost too much). */
  static constexpr size_t kMaxSlots = 64;

  /**
   * The slots the argmax reads, ascending; more than kMaxSlots turns the memo off. `setBits`
   * below kSetBits only in tests, where every key must share a set with others.
   */
  void build(const std::vector<int32_t>& slots, int setBits = kSetBits) {
    slots_ = slots.size() <= kMaxSlots ? slots : std::vector<int32_t>();
    on_ = slots.size() <= kMaxSlots;
    setBits_ = std::clamp(setBits, 0, kSetBits);
    stride_ = slots_.size() + 1;
    table_.assign(on_ ? (size_t{2} << setBits_) * stride_ : 0, 0);
  }

  /** The token for x: the stored one for the same key, else compute(), stored. */
  template <class Compute>
  int32_t get(const double* x, Compute compute) {
    if (!on_) return compute();
    const size_t n = slots_.size();
    uint64_t key[kMaxSlots];
    uint64_t h = 0;
    for (size_t j = 0; j < n; j++) {
      std::memcpy(&key[j], &x[slots_[j]], sizeof(uint64_t));
      h = (h ^ key[j]) * 0x9e3779b97f4a7c15ull;  // every bit of the key reaches the top bits
    }
    uint64_t* front = &table_[(h >> (63 - setBits_) >> 1) * 2 * stride_];  // no shift by 64
    uint64_t* back = front + stride_;
    // Word n holds token + 1 (0: an empty entry, which no key matches).
    if (front[n] != 0 && std::memcmp(front, key, n * sizeof(uint64_t)) == 0) return static_cast<int32_t>(front[n] - 1);
    if (back[n] != 0 && std::memcmp(back, key, n * sizeof(uint64_t)) == 0) {
      const uint64_t token = back[n];
      std::memcpy(back, front, stride_ * sizeof(uint64_t));
      std::memcpy(front, key, n * sizeof(uint64_t));
      front[n] = token;
      return static_cast<int32_t>(token - 1);
    }
    const int32_t token = compute();
    std::memcpy(back, front, stride_ * sizeof(uint64_t));
    std::memcpy(front, key, n * sizeof(uint64_t));
    front[n] = static_cast<uint64_t>(token) + 1;
    return token;
  }

  /** Forgets every entry (tests: the same answers from an empty table). */
  void clear() { std::fill(table_.begin(), table_.end(), 0); }
  size_t bytes() const { return table_.capacity() * sizeof(uint64_t); }

 private:
  std::vector<int32_t> slots_;
  std::vector<uint64_t> table_;
  size_t stride_ = 1;
  int setBits_ = kSetBits;
  bool on_ = false;
};

}  // namespace tvm
