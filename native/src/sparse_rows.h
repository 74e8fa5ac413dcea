// A matrix as sparse rows: the nonzero entries of each row in column order, so that a dot product
// adds its terms in that order in every engine (the TypeScript engine's rows do the same).
#pragma once
#include <cstdint>
#include <vector>

namespace tvm {

/** Rows of a matrix, nonzero entries only, in column order (so dot products add in that order). */
struct SparseRows {
  std::vector<int32_t> start;  // row r spans [start[r], start[r + 1])
  std::vector<int32_t> column;
  std::vector<double> value;

  void build(const double* dense, int64_t rows, int64_t width);
  double dot(int64_t r, const double* x) const {
    double s = 0;
    for (int32_t i = start[r], end = start[r + 1]; i < end; i++) s += value[i] * x[column[i]];
    return s;
  }
  /**
   * out[r] = row r · x for every row, in one pass: the same additions in the same order as dot()
   * row by row, without a call's setup per row (out must not alias x).
   */
  void dotAll(const double* x, double* out) const {
    const int32_t* st = start.data();
    const int32_t* col = column.data();
    const double* val = value.data();
    const int64_t rows = static_cast<int64_t>(start.size()) - 1;
    int32_t i = rows > 0 ? st[0] : 0;
    for (int64_t r = 0; r < rows; r++) {
      double s = 0;
      for (const int32_t end = st[r + 1]; i < end; i++) s += val[i] * x[col[i]];
      out[r] = s;
    }
  }
  /** x += a[scale[r]] · row r for every row in order: addScaled row by row, in one pass. */
  void addScaledAll(const double* a, const int32_t* scale, double* x) const {
    const int32_t* st = start.data();
    const int32_t* col = column.data();
    const double* val = value.data();
    const int64_t rows = static_cast<int64_t>(start.size()) - 1;
    int32_t i = rows > 0 ? st[0] : 0;
    for (int64_t r = 0; r < rows; r++) {
      const double ar = a[scale[r]];
      for (const int32_t end = st[r + 1]; i < end; i++) x[col[i]] += ar * val[i];
    }
  }
  /** Appends row r of `from` (this must have been started with start = {0}). */
  void appendRow(const SparseRows& from, int64_t r) {
    for (int32_t i = from.start[r]; i < from.start[r + 1]; i++) {
      column.push_back(from.column[i]);
      value.push_back(from.value[i]);
    }
    start.push_back(static_cast<int32_t>(column.size()));
  }
  /** x += a · row r. */
  void addScaled(int64_t r, double a, double* x) const {
    for (int32_t i = start[r], end = start[r + 1]; i < end; i++) x[column[i]] += a * value[i];
  }
  bool empty(int64_t r) const { return start[r] == start[r + 1]; }
  int64_t nonzeros() const { return static_cast<int64_t>(value.size()); }
};

}  // namespace tvm
