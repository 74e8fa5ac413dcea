// The forward pass, top to bottom. At position p with token t:
//
//   x = embedding[t];  x[position] += p;  x[position²] += p²
//   for each layer:
//     attention: every head reads the layer's input x: q = query·x / scale, k = key·x (both
//       rounded: integers by construction), v = value·x; the cache takes (k, v) at p, then answers
//       q with the values of the best-scoring position(s); all outputs are then added to x
//     FFN: hidden_j = (up_j·x)·relu(gate_j·x) for every neuron, then x += Σ_j hidden_j·down_j
//   next token = argmax over t of unembedding_t·x (remembered per key: argmax_memo.h)
//
// The order of every addition is the weight file's definition (head order, value 0 then 1,
// neuron order, row entries in column order), and the build disables floating-point
// contraction, so this engine and the TypeScript one compute the same doubles.
#include "engine.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace tvm {

namespace {

/** The values of a head without value rows (a token-only gather head reads its table instead). */
constexpr double kNoValues[2] = {0, 0};

/** What a position head whose key or query broke its kind's promise raises (kept off the hot path). */
[[gnu::noinline, gnu::cold]] std::runtime_error positionHeadError(size_t l, int64_t h, int64_t p) {
  return std::runtime_error("layer " + std::to_string(l) + " head " + std::to_string(h) +
                            ": a position head's key or query at position " + std::to_string(p) +
                            " is not the one its kind promises (the weights are not a machine's)");
}

}  // namespace

Engine::Engine(std::shared_ptr<const Model> model) : model_(std::move(model)) {
  const Model& m = *model_;
  if (m.vocabulary > 65536)
    throw std::runtime_error("the model has " + std::to_string(m.vocabulary) +
                             " tokens; the engine keeps token ids in 16 bits (at most 65,536)");
  caches_.resize(m.layers.size());
  std::vector<std::vector<int32_t>> active(m.layers.size());  // per layer, the heads with a cache
  selections_.assign(m.layers.size(), std::vector<Selection>(m.heads));
  for (size_t l = 0; l < m.layers.size(); l++) {
    for (int64_t h = 0; h < m.heads; h++) {
      HeadCache c;
      switch (m.layers[l].heads[h].kind) {
        case HeadKind::Lookup:
        case HeadKind::Average:
          c.hull = std::make_unique<HullAttention>(static_cast<uint32_t>(l * 64 + h + 1));
          break;
        case HeadKind::Gather: {
          const Head& head = m.layers[l].heads[h];
          c.rows = head.tokenValues.empty()
                       ? std::make_unique<PositionAttention>(PositionAttention::Source::Rows)
                       : std::make_unique<PositionAttention>(PositionAttention::Source::Tokens,
                                                             head.tokenValues.data(), &tokens_);
          break;
        }
        case HeadKind::Passthrough:
          c.rows = std::make_unique<PositionAttention>(PositionAttention::Source::Current);
          break;
        case HeadKind::Unused: break;
      }
      if (c.hull || c.rows) active[l].push_back(static_cast<int32_t>(h));
      caches_[l].push_back(std::move(c));
    }
  }
  x_.assign(m.dModel, 0);
  hidden_.assign(m.dFfn, 0);
  headOut_.assign(2 * m.heads, 0);
  // What each active head does at a position, in one place (the caches and outputs above are
  // sized for good: these pointers stay valid).
  steps_.resize(m.layers.size());
  for (size_t l = 0; l < m.layers.size(); l++) {
    const Projections& plan = m.layers[l].projections;
    for (const int32_t h : active[l]) {
      const Head& head = m.layers[l].heads[h];
      HeadStep step;
      step.head = h;
      step.value = plan.value[h];
      step.query = plan.query[h];
      step.key = plan.key[h];
      step.oneSlot = head.currentQuery ? head.oneSlot : -1;
      step.tie = head.tie;
      step.hull = caches_[l][h].hull.get();
      step.rows = caches_[l][h].rows.get();
      step.out = &headOut_[2 * h];
      step.selected = &selections_[l][h];
      steps_[l].push_back(step);
    }
  }
  size_t projected = 0, gates = 0;
  for (const Layer& layer : m.layers) {
    projected = std::max(projected, layer.projections.rows.start.size() - 1);
    gates = std::max(gates, layer.bounded.loose().size());
  }
  projected_.assign(projected, 0);
  gates_.assign(gates, 0);
  firing_.assign(m.dFfn, 0);
  for (size_t l = 0; l < m.layers.size(); l++)
    for (int64_t h = 0; h < m.heads; h++) {
      const HeadKind k = m.layers[l].heads[h].kind;
      if (k == HeadKind::Lookup || k == HeadKind::Gather || k == HeadKind::Average) {
        logged_.emplace_back(static_cast<int32_t>(l), static_cast<int32_t>(h));
        loggedAverage_.push_back(m.layers[l].heads[h].tie == Tie::Average);
      }
    }
  row_.assign(logged_.size(), 0);
  for (const auto& [l, h] : logged_) loggedSelection_.push_back(&selections_[l][h]);
  memo_.build(m.outputArgmax.slots());
}

void Engine::recordSelections(bool on, int64_t blockRows) {
  if (on && !log_.recording()) log_.start(logged_.size(), position_, blockRows);
  if (!on) log_.stop();
}

void Engine::fromRow(int64_t position, const std::vector<int64_t>& row, std::vector<int32_t>& out) const {
  out.clear();
  for (size_t i = 0; i < row.size(); i++)
    out.push_back(static_cast<int32_t>(loggedAverage_[i] ? row[i] : position - row[i]));
}

bool Engine::selectionsAt(int64_t position, std::vector<int32_t>& out) const {
  std::vector<int64_t> row;
  if (logged_.empty() || !log_.at(position, row)) return false;
  fromRow(position, row, out);
  return true;
}

bool Engine::decodeSelections(const uint8_t* bytes, size_t size, int64_t start, int64_t position,
                              std::vector<int32_t>& out) const {
  std::vector<int64_t> row;
  if (logged_.empty() || !SelectionLog::decode(bytes, size, logged_.size(), start, position, row)) return false;
  fromRow(position, row, out);
  return true;
}

Engine::Memory Engine::memory() const {
  Memory r;
  r.tokens = tokens_.capacity() * sizeof(uint16_t);
  for (const auto& layer : model_->layers)
    for (const Head& head : layer.heads) r.gatherTables += head.tokenValues.capacity() * sizeof(double);
  for (const auto& layer : caches_)
    for (const HeadCache& c : layer) {
      if (c.rows) r.gatherRows += c.rows->bytes();
      if (c.hull) {
        r.hullNodes += c.hull->nodeBytes();
        r.keyGroups += c.hull->groupBytes();
        r.keyIndex += c.hull->indexBytes();
      }
    }
  r.selectionLog = log_.bytes();
  r.argmaxMemo = memo_.bytes();
  return r;
}

inline void Engine::attend(size_t l, int64_t p, double* x) {
  const Model& m = *model_;
  const Layer& layer = m.layers[l];
  // Attention: every head reads the layer's input, then all outputs are added.
  const Divider byScale(m.hardmaxScale);  // 2^20: a multiplication, as exact as the division
  // Every query, key and value row the heads need, in one pass (all read the layer's input).
  double* projected = projected_.data();
  layer.projections.rows.dotAll(x, projected);
  const bool exactPosition = static_cast<double>(p) * m.hardmaxScale < 0x1p53;
  for (const HeadStep& step : steps_[l]) {  // the heads with a cache: an unused head adds nothing
    const int32_t h = step.head;
    double* out = step.out;
    Selection& selected = *step.selected;
    // A token-only gather head reads its values from its table by token, not from these rows.
    const double* v = step.value >= 0 ? &projected[step.value] : kNoValues;
    if (step.oneSlot >= 0 && x[step.oneSlot] == 1 && exactPosition) {
      // The key is (2p, −p²) (proven at load) and the query (p, 1), so position p is selected.
      if (!step.rows->insertPosition(v, p)) throw positionHeadError(l, h, p);
      out[0] = v[0];
      out[1] = v[1];
      selected.position = selected.last = p;
      selected.count = 1;
      continue;
    }
    out[0] = out[1] = 0;
    selected = Selection();
    const int32_t qa = step.query;  // −1: a current query whose check failed
    const double qx = roundHalfUp(byScale(qa >= 0 ? projected[qa] : layer.query.dot(2 * h, x)));
    const double qy = roundHalfUp(byScale(qa >= 0 ? projected[qa + 1] : layer.query.dot(2 * h + 1, x)));
    if (step.key < 0) {  // the key is (2p, −p²), proven at load
      if (!step.rows->insertPosition(v, p) || !step.rows->query(qx, qy, step.tie, out, selected))
        throw positionHeadError(l, h, p);
      continue;
    }
    const double kx = roundHalfUp(projected[step.key]);
    const double ky = roundHalfUp(projected[step.key + 1]);
    if (step.hull) {
      step.hull->insert(toInteger(kx), toInteger(ky), v, p);
      selected = step.hull->query(toInteger(qx), toInteger(qy), step.tie, out);
    } else if (!step.rows->insert(kx, ky, v, p) || !step.rows->query(qx, qy, step.tie, out, selected)) {
      throw positionHeadError(l, h, p);
    }
  }
  // Head outputs in head order, value 0 then 1: the active heads' output rows in one pass.
  layer.projections.outputs.addScaledAll(headOut_.data(), layer.projections.outputScale.data(), x);
}

inline void Engine::feedForward(size_t l, double* x) {
  const Layer& layer = model_->layers[l];
  // ReGLU feed-forward: every neuron reads the post-attention residual; then the neurons that
  // fired add their down rows, in neuron order. In a one-hot group whose preconditions hold only
  // the selected neuron can fire, so only it is computed.
  double* hidden = hidden_.data();
  int32_t* firing = firing_.data();
  int64_t fired = 0;
  auto fireWith = [&](int64_t j, double g) {
    if (!(g > 0)) return;
    const double v = layer.up.dot(j, x) * g;
    if (v == 0) return;
    hidden[j] = v;
    firing[fired++] = static_cast<int32_t>(j);
  };
  auto fire = [&](int64_t j) { fireWith(j, layer.gate.dot(j, x)); };
  // The neurons outside one-hot groups: the loose ones' gates in one pass, then every group
  // that its bound does not show off, row by row.
  const BoundedGates& bounded = layer.bounded;
  double* gates = gates_.data();
  bounded.looseRows().dotAll(x, gates);
  for (size_t k = 0; k < bounded.loose().size(); k++) fireWith(bounded.loose()[k], gates[bounded.looseRow()[k]]);
  for (size_t g = 0; g < bounded.groups(); g++) {
    if (bounded.off(g, x)) continue;
    for (int32_t r = bounded.first(g), end = r + bounded.count(g); r < end; r++)
      fireWith(bounded.groupedNeurons()[r], bounded.groupedRows().dot(r, x));
  }
  for (const Selector& sel : layer.selectors) {
    const double c = x[sel.slot];
    if (x[sel.oneSlot] == 1 && c == floorOf(c) && std::fabs(c) < 0x1p26 && x[sel.squareSlot] == c * c) {
      if (c >= 0 && c < static_cast<double>(sel.count)) fire(sel.first + static_cast<int64_t>(c));
      continue;
    }
    // The precondition fails: every live neuron of the group.
    const auto& live = layer.live;
    for (auto k = std::lower_bound(live.begin(), live.end(), static_cast<int32_t>(sel.first));
         k != live.end() && *k < sel.first + sel.count; ++k)
      fire(*k);
  }
  // Guarded groups: the rows that may fire for this residual, or the whole group.
  for (size_t g = 0; g < layer.guarded.groups(); g++) {
    const int32_t *first, *last;
    layer.guarded.candidates(g, x, &first, &last);
    for (; first != last; first++) fire(*first);
  }
  // Down rows in neuron order: a machine fires a few neurons a layer, sorted by insertion; a
  // model that fires many (in group order, not neuron order) must not pay quadratic time.
  if (fired > 64) {
    std::sort(firing, firing + fired);
  } else {
    for (int64_t a = 1; a < fired; a++)
      for (int64_t b = a; b > 0 && firing[b - 1] > firing[b]; b--) std::swap(firing[b - 1], firing[b]);
  }
  for (int64_t a = 0; a < fired; a++) layer.down.addScaled(firing[a], hidden[firing[a]], x);
}

void Engine::feed(int32_t token) {
  const Model& m = *model_;
  if (token < 0 || token >= m.vocabulary)
    throw std::runtime_error("token id " + std::to_string(token) + " is not in the vocabulary");
  const int64_t p = position_;
  // The token goes in first: a token-only gather head at p may select p itself. (A forward pass
  // that threw left its token behind: it is replaced.)
  tokens_.resize(static_cast<size_t>(p));
  tokens_.push_back(static_cast<uint16_t>(token));
  double* x = x_.data();
  // Embedding and positional features.
  std::fill(x_.begin(), x_.end(), 0.0);
  m.embedding.addScaled(token, 1, x);
  x[m.positionSlot] += static_cast<double>(p);
  x[m.positionSquareSlot] += static_cast<double>(p) * static_cast<double>(p);

  for (size_t l = 0; l < m.layers.size(); l++) {
    attend(l, p, x);
    feedForward(l, x);
  }
  if (log_.recording()) {
    for (size_t i = 0; i < loggedSelection_.size(); i++) {
      const Selection& s = *loggedSelection_[i];
      row_[i] = loggedAverage_[i] ? s.count : p - s.position;
    }
    log_.append(row_.data());
  }
  position_++;
}

int32_t Engine::predict() const { return predictFrom(x_.data()); }

int32_t Engine::predictFrom(const double* residual) const {
  return memo_.get(residual, [&] { return model_->outputArgmax.argmax(residual, bounds_); });
}

Generated Engine::generate(int32_t halt, int64_t budget, const int32_t* expected, int64_t expectedLength,
                           const std::vector<int32_t>& stopTokens, const std::atomic<int>& request,
                           const std::function<void(int32_t)>& emit) {
  Generated r;
  while (r.count < budget) {
    const int asked = request.load(std::memory_order_relaxed);
    if (asked != kRun) {
      r.reason = asked == kCancel ? Stop::Cancelled : Stop::Paused;
      return r;
    }
    const int32_t t = predict();
    emit(t);
    r.count++;
    if (expected && (r.count > expectedLength || expected[r.count - 1] != t)) {
      r.reason = Stop::Mismatch;
      r.expected = r.count > expectedLength ? -1 : expected[r.count - 1];
      return r;
    }
    if (t == halt) {
      r.reason = Stop::Halt;
      return r;
    }
    feed(t);
    for (int32_t s : stopTokens) {
      if (s == t) {
        r.reason = Stop::StopToken;
        return r;
      }
    }
  }
  r.reason = Stop::Budget;
  return r;
}

}  // namespace tvm
