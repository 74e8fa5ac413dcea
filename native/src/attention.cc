// See attention.h. The hull is a treap ordered by x whose nodes are also threaded in x order
// (prev/next), kept in a pool with a free list so inserting a key allocates nothing once warm.
#include "attention.h"

#include <algorithm>
#include <cmath>

namespace tvm {

// ── UpperHull ──

uint32_t UpperHull::nextPriority() {
  // xorshift32: deterministic, so the treap's shape (and speed) repeats from run to run.
  random_ ^= random_ << 13;
  random_ ^= random_ >> 17;
  random_ ^= random_ << 5;
  return random_;
}

int32_t UpperHull::allocate(int32_t group, i128 x, i128 y) {
  int32_t i;
  if (!free_.empty()) {
    i = free_.back();
    free_.pop_back();
  } else {
    i = static_cast<int32_t>(nodes_.size());
    nodes_.emplace_back();
  }
  Node& n = nodes_[i];
  n = Node();
  n.group = group;
  n.x = x;
  n.y = y;
  n.priority = nextPriority();
  return i;
}

int32_t UpperHull::floor(i128 x) const {
  int32_t n = root_, best = -1;
  while (n >= 0) {
    if (nodes_[n].x <= x) {
      best = n;
      n = nodes_[n].right;
    } else {
      n = nodes_[n].left;
    }
  }
  return best;
}

int32_t UpperHull::first() const {
  int32_t n = root_;
  while (n >= 0 && nodes_[n].left >= 0) n = nodes_[n].left;
  return n;
}

void UpperHull::split(int32_t t, i128 x, int32_t& l, int32_t& r) {
  if (t < 0) {
    l = r = -1;
    return;
  }
  if (nodes_[t].x < x) {
    int32_t a, b;
    split(nodes_[t].right, x, a, b);
    nodes_[t].right = a;
    l = t;
    r = b;
  } else {
    int32_t a, b;
    split(nodes_[t].left, x, a, b);
    nodes_[t].left = b;
    l = a;
    r = t;
  }
}

int32_t UpperHull::insertAt(int32_t t, int32_t node) {
  if (t < 0) return node;
  if (nodes_[node].priority > nodes_[t].priority) {
    int32_t l, r;
    split(t, nodes_[node].x, l, r);
    nodes_[node].left = l;
    nodes_[node].right = r;
    return node;
  }
  if (nodes_[node].x < nodes_[t].x) {
    int32_t sub = insertAt(nodes_[t].left, node);
    nodes_[t].left = sub;
  } else {
    int32_t sub = insertAt(nodes_[t].right, node);
    nodes_[t].right = sub;
  }
  return t;
}

int32_t UpperHull::merge(int32_t a, int32_t b) {
  if (a < 0) return b;
  if (b < 0) return a;
  if (nodes_[a].priority > nodes_[b].priority) {
    int32_t sub = merge(nodes_[a].right, b);
    nodes_[a].right = sub;
    return a;
  }
  int32_t sub = merge(a, nodes_[b].left);
  nodes_[b].left = sub;
  return b;
}

int32_t UpperHull::removeAt(int32_t t, i128 x) {
  if (t < 0) return -1;
  if (nodes_[t].x == x) return merge(nodes_[t].left, nodes_[t].right);
  if (x < nodes_[t].x) {
    int32_t sub = removeAt(nodes_[t].left, x);
    nodes_[t].left = sub;
  } else {
    int32_t sub = removeAt(nodes_[t].right, x);
    nodes_[t].right = sub;
  }
  return t;
}

void UpperHull::link(int32_t a, int32_t b) {
  if (b >= 0) nodes_[b].prev = a;
  if (a < 0) return;
  Node& n = nodes_[a];
  n.next = b;
  n.dx = n.dy = kWideStep;
  if (b < 0) return;
  const i128 dx = nodes_[b].x - n.x, dy = nodes_[b].y - n.y;
  if (fitsIn32(dx) && fitsIn32(dy) && dx != kWideStep && dy != kWideStep)
    n.dx = static_cast<int32_t>(dx), n.dy = static_cast<int32_t>(dy);
}

int UpperHull::wideStep(const Node& n, i128 qx, i128 qy) const {
  const Node& m = nodes_[n.next];
  return compareProducts(qx, m.x - n.x, -qy, m.y - n.y);
}

void UpperHull::unlink(int32_t n, std::vector<KeyGroup>& groups, std::vector<int32_t>& left) {
  groups[nodes_[n].group].on &= ~bit_;
  left.push_back(nodes_[n].group);
  root_ = removeAt(root_, nodes_[n].x);
  link(nodes_[n].prev, nodes_[n].next);
  size_--;
  nodes_[n].group = -1;  // free (a query's finger may point here)
  free_.push_back(n);
}

bool UpperHull::strictlyBelow(int32_t a, i128 bx, i128 by, int32_t c) const {
  // b.y < a.y + (c.y − a.y)·(b.x − a.x)/(c.x − a.x)  ⇔  (b.y − a.y)(c.x − a.x) < (c.y − a.y)(b.x − a.x)
  const Node &A = nodes_[a], &C = nodes_[c];
  if (A.next == c && A.dx != kWideStep) return compareProducts(by - A.y, A.dx, A.dy, bx - A.x) < 0;
  return compareProducts(by - A.y, C.x - A.x, C.y - A.y, bx - A.x) < 0;
}

bool UpperHull::strictlyBelow(int32_t a, int32_t b, int32_t c) const {
  const Node &A = nodes_[a], &B = nodes_[b];
  // Three consecutive nodes with narrow steps d = B − A and e = C − B: C − A = d + e, so the test
  // d.y·(d.x + e.x) < (d.y + e.y)·d.x is d.y·e.x < e.y·d.x, two 64-bit products.
  if (A.next == b && B.next == c && A.dx != kWideStep && B.dx != kWideStep)
    return int64_t(A.dy) * B.dx < int64_t(B.dy) * A.dx;
  return strictlyBelow(a, B.x, B.y, c);
}

int32_t UpperHull::hintedFloor(i128 x) {
  // The floor of the last add is tried first: consecutive keys mostly fall between the same two
  // hull nodes (77% on sudoku), and checking that span is two comparisons instead of a treap walk.
  const bool hinted = hint_ >= 0 && nodes_[hint_].group >= 0 && nodes_[hint_].x <= x &&
                      (nodes_[hint_].next < 0 || x < nodes_[nodes_[hint_].next].x);
  hint_ = hinted ? hint_ : floor(x);
  return hint_;
}

bool UpperHull::rejects(i128 x, i128 givenY) {
  const i128 y = flip_ ? -givenY : givenY;
  const int32_t before = hintedFloor(x);
  if (before >= 0 && nodes_[before].x == x) return nodes_[before].y >= y;
  const int32_t after = before >= 0 ? nodes_[before].next : first();
  return before >= 0 && after >= 0 && strictlyBelow(before, x, y, after);
}

void UpperHull::add(int32_t group, std::vector<KeyGroup>& groups, std::vector<int32_t>& left) {
  const KeyGroup& g = groups[group];
  const i128 y = flip_ ? -g.y : g.y;
  int32_t before = hintedFloor(g.x);
  if (before >= 0 && nodes_[before].x == g.x) {
    if (nodes_[before].y >= y) return;  // same x, not higher: below the hull
    int32_t replaced = before;
    before = nodes_[replaced].prev;
    unlink(replaced, groups, left);
  }
  int32_t after = before >= 0 ? nodes_[before].next : first();
  // Most new keys lie strictly inside (80% on sudoku): tested before a node is allocated.
  if (before >= 0 && after >= 0 && strictlyBelow(before, g.x, y, after)) return;
  int32_t node = allocate(group, g.x, y);
  link(before, node);
  link(node, after);
  root_ = insertAt(root_, node);
  size_++;
  groups[group].on |= bit_;
  // Neighbours that now lie strictly below the hull are no longer on it.
  for (;;) {
    int32_t p = nodes_[node].prev;
    if (p < 0 || nodes_[p].prev < 0 || !strictlyBelow(nodes_[p].prev, p, node)) break;
    unlink(p, groups, left);
  }
  for (;;) {
    int32_t q = nodes_[node].next;
    if (q < 0 || nodes_[q].next < 0 || !strictlyBelow(node, q, nodes_[q].next)) break;
    unlink(q, groups, left);
  }
}

void UpperHull::best(i128 qx, i128 qy, const std::vector<KeyGroup>&, std::vector<int32_t>& out) const {
  // Every comparison is of a node with the next one: the sign of score(next) − score(node).
  const bool narrow = fitsIn32(qx) && fitsIn32(qy) && qx != kWideStep && qy != kWideStep;
  auto rises = [&](const Node& a) { return step(a, qx, qy, narrow); };
  // The score is unimodal along the hull: find the first node not followed by a higher one.
  // Along the hull (x ascending, slopes descending) the score's steps change sign at most once,
  // from rising to level to falling, so a node higher than the one before it and not lower than
  // the one after it is that node. The last answer and its neighbour toward higher scores are
  // tried first: on sudoku 74% of queries land on the last answer and 20% next to it, against a
  // walk from the root otherwise (a freed node has group −1; a reused one is a live node).
  int32_t n = root_, found = -1;
  auto isTop = [&](int32_t c) {
    const Node& f = nodes_[c];
    return (f.next < 0 || rises(f) <= 0) && (f.prev < 0 || rises(nodes_[f.prev]) > 0);
  };
  if (finger_ >= 0 && static_cast<size_t>(finger_) < nodes_.size() && nodes_[finger_].group >= 0) {
    if (isTop(finger_)) {
      found = finger_;
      n = -1;
    } else {
      // Not it: the answer lies on the side the score rises toward.
      const Node& f = nodes_[finger_];
      const int32_t c = f.next >= 0 && rises(f) > 0 ? f.next : f.prev;
      if (c >= 0 && isTop(c)) found = c, n = -1;
    }
  }
  while (n >= 0) {
    const Node& node = nodes_[n];
    if (node.next >= 0 && rises(node) > 0) {
      n = node.right;
    } else {
      found = n;
      n = node.left;
    }
  }
  if (found < 0) return;
  finger_ = found;
  // The nodes tied with the top follow it, each level with the one before.
  out.push_back(nodes_[found].group);
  for (int32_t t = found; nodes_[t].next >= 0 && rises(nodes_[t]) == 0; t = nodes_[t].next)
    out.push_back(nodes_[nodes_[t].next].group);
}

// ── KeyIndex ──

void KeyIndex::insert(i128 x, i128 y, int32_t group) {
  if (2 * (used_ + 1) > slots_.size()) grow();
  const size_t mask = slots_.size() - 1;
  const uint32_t h = hash(x, y);
  size_t i = h & mask;
  while (slots_[i].group >= 0) i = (i + 1) & mask;  // the key is absent: the first hole is its slot
  slots_[i].hash = h;
  slots_[i].group = group;
  used_++;
}

void KeyIndex::erase(i128 x, i128 y, int32_t g) {
  const size_t mask = slots_.size() - 1;
  size_t i = hash(x, y) & mask;
  while (slots_[i].group >= 0 && slots_[i].group != g) i = (i + 1) & mask;
  if (slots_[i].group < 0) return;
  // Backward shift: move up every later entry of the run whose home is not in (i, j], so that no
  // probe sequence crosses a hole.
  for (size_t j = i;;) {
    j = (j + 1) & mask;
    if (slots_[j].group < 0) break;
    const size_t home = slots_[j].hash & mask;
    if (i <= j ? (i < home && home <= j) : (i < home || home <= j)) continue;
    slots_[i] = slots_[j];
    i = j;
  }
  slots_[i].group = -1;
  used_--;
}

void KeyIndex::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.group < 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].group >= 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

// ── HullAttention ──

static void addTo(KeyGroup& g, const double values[2], int64_t seq) {
  for (int i = 0; i < 2; i++) {
    g.latest[i] = values[i];
    g.sum[i] += values[i];
  }
  if (g.firstSeq < 0) g.firstSeq = seq;
  g.latestSeq = seq;
  g.count++;
}

void HullAttention::insert(i128 x, i128 y, const double values[2], int64_t seq) {
  bool fresh = false;
  int32_t g = last_;
  // The last insert's key again (a freed group has count 0; a reused one holds another key).
  if (g < 0 || groups_[g].count == 0 || groups_[g].x != x || groups_[g].y != y) {
    g = index_.lookup(x, y, groups_);
    if (g < 0 && inside(x, y)) {
      // A new key strictly inside both hulls and the x extremes could never be selected: its
      // group would be made and freed at once (below), so only the total counts it.
      addTo(all_, values, seq);
      last_ = -1;
      return;
    }
    if (g < 0) {
      g = freeGroups_.empty() ? static_cast<int32_t>(groups_.size()) : freeGroups_.back();
      index_.insert(x, y, g);
      fresh = true;
    }
    last_ = g;
  }
  if (fresh) {
    if (freeGroups_.empty()) groups_.emplace_back();
    else freeGroups_.pop_back();
    groups_[g] = KeyGroup();
    groups_[g].x = x;
    groups_[g].y = y;
  }
  addTo(groups_[g], values, seq);
  addTo(all_, values, seq);
  if (!fresh) return;
  left_.clear();
  left_.push_back(g);
  upper_.add(g, groups_, left_);
  lower_.add(g, groups_, left_);
  // The x extremes (for queries with qy = 0); groups pushed out of them may be unreachable now.
  auto extreme = [&](std::vector<int32_t>& list, uint32_t bit, bool beyond) {
    if (list.empty() || beyond) {
      for (int32_t old : list) {
        groups_[old].on &= ~bit;
        left_.push_back(old);
      }
      list.assign(1, g);
      groups_[g].on |= bit;
    } else if (x == groups_[list[0]].x) {
      list.push_back(g);
      groups_[g].on |= bit;
    }
  };
  extreme(maxX_, kMaxX, !maxX_.empty() && x > groups_[maxX_[0]].x);
  extreme(minX_, kMinX, !minX_.empty() && x < groups_[minX_[0]].x);
  // A group on neither hull nor an x extreme can never be selected again: hulls only grow, so a
  // point strictly inside stays inside (a later insert of its key makes a fresh group that the
  // hulls reject at once, and that is freed here too).
  for (int32_t k : left_)
    if (groups_[k].on == 0 && groups_[k].count > 0) release(k);
}

bool HullAttention::inside(i128 x, i128 y) {
  return !maxX_.empty() && !minX_.empty() && x < groups_[maxX_[0]].x && x > groups_[minX_[0]].x &&
         upper_.rejects(x, y) && lower_.rejects(x, y);
}

void HullAttention::release(int32_t g) {
  index_.erase(groups_[g].x, groups_[g].y, g);
  groups_[g].count = 0;  // marks it free (a live group has count ≥ 1)
  freeGroups_.push_back(g);
}

Selection HullAttention::query(i128 qx, i128 qy, Tie tie, double out[2]) {
  Selection s;
  if (all_.count == 0) return s;
  tied_.clear();
  const KeyGroup* single = nullptr;
  if (qy > 0) upper_.best(qx, qy, groups_, tied_);
  else if (qy < 0) lower_.best(qx, -qy, groups_, tied_);
  else if (qx > 0) tied_ = maxX_;
  else if (qx < 0) tied_ = minX_;
  else single = &all_;
  auto group = [&](size_t i) -> const KeyGroup& { return single ? *single : groups_[tied_[i]]; };
  const size_t n = single ? 1 : tied_.size();
  if (n == 0) return s;
  if (tie == Tie::Latest) {
    const KeyGroup* best = &group(0);
    for (size_t i = 0; i < n; i++) {
      if (group(i).latestSeq > best->latestSeq) best = &group(i);
      s.count += group(i).count;
    }
    out[0] = best->latest[0];
    out[1] = best->latest[1];
    s.position = s.last = best->latestSeq;
    return s;
  }
  out[0] = out[1] = 0;
  s.position = INT64_MAX;
  for (size_t i = 0; i < n; i++) {
    const KeyGroup& g = group(i);
    s.count += g.count;
    out[0] += g.sum[0];
    out[1] += g.sum[1];
    s.position = std::min(s.position, g.firstSeq);
    s.last = std::max(s.last, g.latestSeq);
  }
  out[0] /= static_cast<double>(s.count);
  out[1] /= static_cast<double>(s.count);
  return s;
}

// ── PositionAttention ──

bool PositionAttention::insert(double x, double y, const double values[2], int64_t seq) {
  const double j = static_cast<double>(seq);
  if (seq != count_ || x != 2 * j || y != -j * j) return false;
  return insertPosition(values, seq);
}

}  // namespace tvm
