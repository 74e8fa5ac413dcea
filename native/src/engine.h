// The forward pass, one position at a time, and autoregressive generation. No allocation per
// token: every buffer is sized when the engine is made (the caches grow with the sequence).
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "argmax_memo.h"
#include "attention.h"
#include "model.h"
#include "selection_log.h"

namespace tvm {

/** Why generation stopped. */
enum class Stop { Halt, Budget, Mismatch, Paused, Cancelled, StopToken };

/** What a caller may ask of a running generate(): nothing, pause, or cancel. */
enum Request : int { kRun = 0, kPause = 1, kCancel = 2 };

struct Generated {
  Stop reason = Stop::Budget;
  /** Tokens generated in this call (the mismatching one included). */
  int64_t count = 0;
  /** On a mismatch: the expected token (−1 past the end of the expectation). */
  int32_t expected = -1;
};

class Engine {
 public:
  explicit Engine(std::shared_ptr<const Model> model);
  // The head steps and the logged heads point into the engine's own vectors: no copies.
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /** Runs the forward pass for the next position with `token` as its input. */
  void feed(int32_t token);
  /** The highest-scoring next token (the first on ties). */
  int32_t predict() const;
  /** The same for a given residual stream of dModel values (what-if and tests). */
  int32_t predictFrom(const double* residual) const;
  int64_t position() const { return position_; }
  const Model& model() const { return *model_; }

  /**
   * Predicts and feeds tokens until `halt` is predicted (not fed), `budget` tokens, a token that
   * differs from `expected` (when given; compared from expected[0]), a stop token, or `request`
   * asks to pause or cancel (checked before every token, between whole forward passes). Every
   * generated token is passed to `emit` (the mismatching one too).
   */
  Generated generate(int32_t halt, int64_t budget, const int32_t* expected, int64_t expectedLength,
                     const std::vector<int32_t>& stopTokens, const std::atomic<int>& request,
                     const std::function<void(int32_t)>& emit);

  /**
   * Starts (or stops) recording what the lookup, gather and average heads select at every
   * position fed from now on (SelectionLog: a few bytes per position, in blocks of `blockRows`
   * positions). The engine keeps the block being written and the finished blocks not yet taken.
   */
  void recordSelections(bool on, int64_t blockRows = 16384);
  /** The finished blocks of the selection log, handed over (the caller keeps them). */
  std::vector<SelectionLog::Block> takeSelectionBlocks() { return log_.take(); }
  /**
   * What every recorded head (lookup, gather and average heads, in layer and head order)
   * selected at a position the log still holds: the selected position (latest tie) or how many
   * positions tied (average). False when it does not hold that position.
   */
  bool selectionsAt(int64_t position, std::vector<int32_t>& out) const;
  /** The same, from a block taken earlier (its bytes and first position). */
  bool decodeSelections(const uint8_t* bytes, size_t size, int64_t start, int64_t position,
                        std::vector<int32_t>& out) const;
  /** The recorded heads, as (layer, head) pairs. */
  const std::vector<std::pair<int32_t, int32_t>>& recordedHeads() const { return logged_; }

  /** What every head selected at the last position fed: [layer][head]. */
  const std::vector<std::vector<Selection>>& selections() const { return selections_; }
  /** The residual stream after the last position. */
  const std::vector<double>& residual() const { return x_; }

 /** Bytes per structure (vector capacities), for the memory report. */
  struct Memory {
    size_t tokens = 0, gatherRows = 0, gatherTables = 0, hullNodes = 0, keyGroups = 0, keyIndex = 0, selectionLog = 0,
           argmaxMemo = 0;
  };
  Memory memory() const;

 private:
  struct HeadCache {
    std::unique_ptr<HullAttention> hull;
    std::unique_ptr<PositionAttention> rows;
  };
  /** Layer l's attention at position p: every head reads x, then their outputs are added to it. */
  [[gnu::always_inline]] inline void attend(size_t l, int64_t p, double* x);
  /** Layer l's feed-forward: the neurons that fire add their down rows to x, in neuron order. */
  [[gnu::always_inline]] inline void feedForward(size_t l, double* x);
  /** A logged row (p − selected position, or the tie count) back into what selectionsAt answers. */
  void fromRow(int64_t position, const std::vector<int64_t>& row, std::vector<int32_t>& out) const;

  std::shared_ptr<const Model> model_;
  /** Every token fed, in order (token-only gather heads read their rows from it). */
  std::vector<uint16_t> tokens_;
  std::vector<std::vector<HeadCache>> caches_;
  std::vector<std::vector<Selection>> selections_;
  std::vector<double> x_, hidden_, headOut_;
  /** A layer's projected rows (Projections) and its plain neurons' gates, scratch per position. */
  std::vector<double> projected_, gates_;
  /**
   * What an active head computes at a position: where its value, query and key pairs are among
   * the layer's projected rows (−1: not there: no value rows, a current query, a position key),
   * the slot a current query checks for 1 (−1: none), its cache and where its output goes.
   */
  struct HeadStep {
    int32_t head = 0, value = -1, query = -1, key = -1;
    int64_t oneSlot = -1;
    Tie tie = Tie::Latest;
    HullAttention* hull = nullptr;
    PositionAttention* rows = nullptr;
    double* out = nullptr;
    Selection* selected = nullptr;
  };
  /** Per layer, one step per head with a cache, in head order (an unused head adds nothing). */
  std::vector<std::vector<HeadStep>> steps_;
  /** The output blocks' bounds, scratch for predict() (the model is shared, so it is the engine's). */
  mutable std::vector<double> bounds_;
  /** Tokens of output keys seen before (argmax_memo.h): the same answers as the argmax, sooner. */
  mutable ArgmaxMemo memo_;
  std::vector<int32_t> firing_;
  int64_t position_ = 0;
  SelectionLog log_;
  /** Per logged head: whether it averages ties (its row value is the count). */
  std::vector<uint8_t> loggedAverage_;
  /** Per logged head, its entry of selections_ (which never moves once the engine is made). */
  std::vector<const Selection*> loggedSelection_;
  std::vector<int64_t> row_;
  std::vector<std::pair<int32_t, int32_t>> logged_;
};

}  // namespace tvm
