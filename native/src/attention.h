// The attention caches of one head, by the head's kind:
// - HullAttention (lookup and average heads): keys in a convex hull, O(log n) per query;
// - PositionAttention (gather and passthrough heads): the key of row j is (2j, −j²), so the row
//   nearest to qx/qy wins and an array indexed by position answers in O(1); token-only gather
//   heads read the row from the token at j, other gather heads keep rows, and passthrough heads
//   always read the current position and keep no rows at all.
// Both report what they selected, for the debugger's attention view.
#pragma once
#include <cstdint>
#include <vector>

#include "exact.h"

namespace tvm {

enum class Tie { Latest, Average };

/** What a head selected at one position. */
struct Selection {
  /** The position whose values were returned (latest tie), or the first tied position (average). */
  int64_t position = -1;
  /** The last tied position (equal to `position` for a single selection). */
  int64_t last = -1;
  /** How many positions tied. */
  int64_t count = 0;
};

/** All insertions of one key point: the latest values, the sum, the count, first and last seq. */
struct KeyGroup {
  i128 x = 0, y = 0;
  double latest[2] = {0, 0};
  double sum[2] = {0, 0};
  int64_t count = 0;
  int64_t firstSeq = -1, latestSeq = -1;
  /** Where a query can still find it: kOnUpper | kOnLower | kMaxX | kMinX. None: it is freed. */
  uint32_t on = 0;
};
constexpr uint32_t kOnUpper = 1, kOnLower = 2, kMaxX = 4, kMinX = 8;

/** The upper convex hull (points on edges kept) of key groups, as a threaded treap by x. */
class UpperHull {
 public:
  UpperHull(bool flip, uint32_t seed) : flip_(flip), bit_(flip ? kOnLower : kOnUpper), random_(seed ? seed : 1) {}
  /**
   * Adds a group's point (marking the group as on this hull when it is kept); the groups whose
   * points leave the hull are marked off it and appended to `left`.
   */
  void add(int32_t group, std::vector<KeyGroup>& groups, std::vector<int32_t>& left);
  /**
   * Whether add() would leave the point (x, y) off this hull: strictly below it, or at the x of a
   * node and not higher (y as given; the lower hull negates it, as add() does).
   */
  bool rejects(i128 x, i128 y);
  /** Appends the groups maximizing qx·x + qy·y (qy > 0 in this hull's orientation). */
  void best(i128 qx, i128 qy, const std::vector<KeyGroup>& groups, std::vector<int32_t>& out) const;
  size_t size() const { return size_; }
  size_t bytes() const { return nodes_.capacity() * sizeof(Node) + free_.capacity() * sizeof(int32_t); }

 private:
  /** A step to the next node that does not fit in 32 bits (INT32_MIN is never a stored step). */
  static constexpr int32_t kWideStep = INT32_MIN;
  // One cache line a node: a treap walk touches one line per level, never two.
  struct alignas(64) Node {
    i128 x = 0, y = 0;  // y as this hull sees it (the lower hull stores −y)
    int32_t left = -1, right = -1, prev = -1, next = -1;
    uint32_t priority = 0;
    int32_t group = -1;
    /**
     * next.x − x and next.y − y when both lie strictly inside 32 bits, else kWideStep in both.
     * A query compares a node with the next one at every step; keys are about 2^101 but their
     * steps along a hull are mostly small, so a step's score is then two 64-bit products.
     */
    int32_t dx = kWideStep, dy = kWideStep;
  };
  static_assert(sizeof(Node) == 64, "a hull node is one cache line");
  bool flip_;
  uint32_t bit_;
  uint32_t random_;
  int32_t root_ = -1;
  /** The node the last query selected first (tried first by the next query). */
  mutable int32_t finger_ = -1;
  /** The floor node of the last add (tried first by the next; a freed node has group −1). */
  int32_t hint_ = -1;
  size_t size_ = 0;
  std::vector<Node> nodes_;
  std::vector<int32_t> free_;

  uint32_t nextPriority();
  /** The node with the largest x ≤ x (−1: none), the last add's floor tried first. */
  int32_t hintedFloor(i128 x);
  int32_t allocate(int32_t group, i128 x, i128 y);
  int32_t floor(i128 x) const;
  int32_t first() const;
  void split(int32_t t, i128 x, int32_t& l, int32_t& r);
  int32_t insertAt(int32_t t, int32_t node);
  int32_t merge(int32_t a, int32_t b);
  int32_t removeAt(int32_t t, i128 x);
  void unlink(int32_t n, std::vector<KeyGroup>& groups, std::vector<int32_t>& left);
  bool strictlyBelow(int32_t a, int32_t b, int32_t c) const;
  bool strictlyBelow(int32_t a, i128 bx, i128 by, int32_t c) const;
  /** a.next = b and b.prev = a (either may be −1), keeping a's step to its next node. */
  void link(int32_t a, int32_t b);
  /** Sign of score(n.next) − score(n) for the query (qx, qy); `narrow`: both fit in 31 bits. */
  [[gnu::always_inline]] int step(const Node& n, i128 qx, i128 qy, bool narrow) const {
    if (narrow && n.dx != kWideStep) {
      // |qx|, |qy|, |dx|, |dy| < 2^31: each product is below 2^62, their sum below 2^63.
      const int64_t s = int64_t(qx) * n.dx + int64_t(qy) * n.dy;
      return (s > 0) - (s < 0);
    }
    return wideStep(n, qx, qy);
  }
  int wideStep(const Node& n, i128 qx, i128 qy) const;
};

/**
 * Key point → group index, open addressing over flat arrays: inserting a key allocates nothing
 * but the amortized growth of the table. A slot holds the key's 32-bit hash and its group, 8
 * bytes instead of the 48 of the key itself (the table stays in cache); the key is read from the
 * group when the hashes agree.
 */
class KeyIndex {
 public:
  /** The group of (x, y), or −1 when absent (groups holds the keys). Inline: every insert asks. */
  int32_t lookup(i128 x, i128 y, const std::vector<KeyGroup>& groups) const {
    const size_t mask = slots_.size() - 1;
    const uint32_t h = hash(x, y);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.group < 0) return -1;
      if (s.hash == h && groups[s.group].x == x && groups[s.group].y == y) return s.group;
    }
  }
  /** Adds (x, y) → group, for a key lookup() did not find. */
  void insert(i128 x, i128 y, int32_t group);
  /** Removes group g, whose key is (x, y) (backward-shift deletion: no tombstones). */
  void erase(i128 x, i128 y, int32_t g);
  size_t bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    uint32_t hash = 0;
    int32_t group = -1;
  };
  std::vector<Slot> slots_ = std::vector<Slot>(64);
  size_t used_ = 0;
  static uint32_t hash(i128 x, i128 y) {
    // 64-bit multiplications only (the 128-bit ones cost three each): fold each coordinate's
    // high half in, mix, and keep the top 32 bits (the home slot is their low bits).
    const uint64_t a = uint64_t(x) ^ uint64_t(u128(x) >> 64) * 0x9e3779b97f4a7c15ull;
    const uint64_t b = uint64_t(y) ^ uint64_t(u128(y) >> 64) * 0xc2b2ae3d27d4eb4full;
    uint64_t m = a * 0xff51afd7ed558ccdull ^ (b ^ 0x165667b19e3779f9ull) * 0xc4ceb9fe1a85ec53ull;
    m ^= m >> 29;
    m *= 0x9e3779b97f4a7c15ull;
    return uint32_t(m >> 32);
  }
  void grow();
};

class HullAttention {
 public:
  explicit HullAttention(uint32_t seed) : upper_(false, seed), lower_(true, seed ^ 0x5bd1e995u) {
    all_.x = all_.y = 0;
  }
  void insert(i128 x, i128 y, const double values[2], int64_t seq);
  /** Writes the selected values into out; returns what was selected. */
  Selection query(i128 qx, i128 qy, Tie tie, double out[2]);
  /** Bytes held (capacities): hull nodes, key groups (with the x-extreme lists), key index. */
  size_t nodeBytes() const { return upper_.bytes() + lower_.bytes(); }
  size_t groupBytes() const {
    return groups_.capacity() * sizeof(KeyGroup) +
           (maxX_.capacity() + minX_.capacity() + tied_.capacity() + freeGroups_.capacity() + left_.capacity()) * 4;
  }
  size_t indexBytes() const { return index_.bytes(); }
  size_t bytes() const { return nodeBytes() + groupBytes() + indexBytes(); }
  /** Key groups a query can still select (the others are freed). */
  size_t liveGroups() const { return groups_.size() - freeGroups_.size(); }

 private:
  /** Whether a new key lies strictly between the x extremes and off both hulls. */
  bool inside(i128 x, i128 y);
  /** Frees a group no query can select any more (on neither hull nor an x extreme). */
  void release(int32_t g);

  KeyIndex index_;
  std::vector<KeyGroup> groups_;
  /** The group of the last insert (tried before the index: keys often repeat), or −1. */
  int32_t last_ = -1;
  /** Freed groups, reused first; and the groups that may have become unreachable at an insert. */
  std::vector<int32_t> freeGroups_, left_;
  UpperHull upper_, lower_;
  std::vector<int32_t> maxX_, minX_;
  KeyGroup all_;
  std::vector<int32_t> tied_;
};

class PositionAttention {
 public:
  /**
   * Where a selected row's values come from: kept rows; the token at that position and a table
   * by token (token-only gather heads, 2 bytes per position shared by all of them); or the
   * current position only (passthrough heads, which keep nothing).
   */
  enum class Source { Rows, Tokens, Current };
  explicit PositionAttention(Source source, const double* tokenValues = nullptr,
                             const std::vector<uint16_t>* tokens = nullptr)
      : source_(source), tokenValues_(tokenValues), tokens_(tokens) {}
  /** Inserts the row of position `seq` (positions come in order); false if its key is not (2j, −j²). */
  bool insert(double x, double y, const double values[2], int64_t seq);
  /** The same for a key known to be (2·seq, −seq²): false only if seq is not the next position. */
  bool insertPosition(const double values[2], int64_t seq) {  // inline: 29 heads a token call it
    if (seq != count_) return false;
    current_[0] = values[0];
    current_[1] = values[1];
    if (source_ == Source::Rows) {
      rows_.push_back(values[0]);
      rows_.push_back(values[1]);
    }
    count_++;
    return true;
  }
  /** false when a passthrough head would read another position than the current one. */
  inline bool query(double qx, double qy, Tie tie, double out[2], Selection& selected) const;
  /** Bytes held (capacity). */
  size_t bytes() const { return rows_.capacity() * sizeof(double); }

 private:
  Source source_;
  const double* tokenValues_;
  const std::vector<uint16_t>* tokens_;
  int64_t count_ = 0;
  double current_[2] = {0, 0};
  std::vector<double> rows_;
};

// Inline, as insertPosition: the engine asks every gather head at every position.
inline bool PositionAttention::query(double qx, double qy, Tie, double out[2], Selection& selected) const {
  const int64_t last = count_ - 1;
  if (last < 0) return true;
  int64_t j;
  if (qy > 0) {
    // The parabola's top is at qx/qy; among integers, round half up (the later row wins a tie).
    // (qy = 1, a query for one position, needs no division: qx + 0.5 rounds to qx's floor.)
    double top = qy == 1 ? qx : floorOf(qx / qy + 0.5);
    j = top < 0 ? 0 : top > static_cast<double>(last) ? last : static_cast<int64_t>(top);
  } else if (qy == 0) {
    j = qx >= 0 ? last : 0;
  } else {
    // Convex: an end wins; equal scores go to the later end.
    const double l = static_cast<double>(last);
    j = 2 * qx * l - qy * l * l >= 0 ? last : 0;
  }
  const double* row;
  switch (source_) {
    case Source::Rows: row = &rows_[2 * j]; break;
    case Source::Tokens: row = &tokenValues_[2 * size_t((*tokens_)[j])]; break;
    default:
      if (j != last) return false;
      row = current_;
  }
  out[0] = row[0];
  out[1] = row[1];
  selected.position = selected.last = j;
  selected.count = 1;
  return true;
}

}  // namespace tvm
