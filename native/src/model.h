// The transformer as the native engine runs it: the weight file (docs/weight-file.md) read and
// checked as strictly as the TypeScript reader, every matrix kept as sparse rows.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "attention.h"
#include "guarded_neurons.h"
#include "output_argmax.h"
#include "sparse_rows.h"
#include "bounded_gates.h"

namespace tvm {

enum class HeadKind { Lookup, Gather, Average, Passthrough, Unused };

struct Head {
  HeadKind kind = HeadKind::Unused;
  Tie tie = Tie::Latest;
  std::string lookup;
  /**
   * A token-only gather head (its value rows read only slots that the embedding alone sets: no
   * earlier layer writes them and they are not the position slots): its value pair for every
   * token id, [2·vocabulary], computed with the engine's own dot products. Empty otherwise.
   */
  std::vector<double> tokenValues;
  /**
   * Proven at load (markPositionHeads): the key is (2p, −p²) at every position p, so the key rows
   * need not be computed nor the key checked; and, for a passthrough head whose query rows are
   * hardmaxScale·x[position] and hardmaxScale·x[oneSlot], the query is (p, 1) whenever
   * x[oneSlot] = 1 and p·hardmaxScale < 2^53, so it reads the current position without a query.
   */
  bool positionKey = false, currentQuery = false;
  int64_t oneSlot = -1;  // a current query's second slot, checked for 1 at every position
};

/**
 * A one-hot neuron group: neuron first + i has gate 2i·x[slot] − x[squareSlot] + (1 − i²)·x[oneSlot]
 * (checked at load), so when x[oneSlot] = 1 and x[slot] is an integer whose square is
 * x[squareSlot], only neuron first + x[slot] can fire.
 */
struct Selector {
  int64_t layer = 0, first = 0, count = 0, slot = 0, squareSlot = 0, oneSlot = 0;
};

/**
 * The rows of a layer's attention that every position computes, as one sparse matrix (query,
 * key and value rows of each head that needs them, in head order), and where each head's pairs
 * are in it (−1: not computed there: a token-only gather head has no value rows, a position key
 * needs no key rows, and a current query's rows are computed only where its check fails).
 */
struct Projections {
  SparseRows rows;
  std::vector<int32_t> query, key, value;  // [heads]
  /** The output rows of every head with a cache, in head order, and each one's value index (2h, 2h + 1). */
  SparseRows outputs;
  std::vector<int32_t> outputScale;
};

struct Layer {
  SparseRows query, key, value, output;  // [2·heads] rows of dModel
  SparseRows gate, up, down;             // [dFfn] rows of dModel
  std::vector<Head> heads;
  Projections projections;
  /** The live neurons in no one-hot group: their gate rows, grouped where a bound may skip them. */
  BoundedGates bounded;
  /**
   * Neurons with a nonzero gate row (the others never fire) and in no guarded group, ascending.
   */
  std::vector<int32_t> live;
  /** Groups of neurons of which only those for one value of a slot may fire (guarded_neurons.h). */
  GuardedNeurons guarded;
  std::vector<Selector> selectors;
};

struct Model {
  int64_t vocabulary = 0, dModel = 0, heads = 0, dFfn = 0;
  double hardmaxScale = 1;
  int64_t positionSlot = 0, positionSquareSlot = 0;
  std::vector<std::string> tokens;
  SparseRows embedding, unembedding;  // [vocabulary] rows of dModel
  OutputArgmax outputArgmax;          // the same, cut into bounded blocks for the next token
  std::vector<Layer> layers;
};

/** Adds n bytes to a running CRC-32 (start from 0xffffffff, finish with ^ 0xffffffff). */
uint32_t crc32Update(uint32_t c, const unsigned char* bytes, size_t n);

/** Reads and checks a weight file; throws std::runtime_error("FILE: reason") on any defect. */
Model loadModel(const std::string& file);

/** The same from an open descriptor (read with pread from offset 0); `file` names it in errors. */
Model loadModelFrom(int fd, const std::string& file);

}  // namespace tvm
