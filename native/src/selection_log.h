// What the recorded heads selected at every position, for the debugger's attention view at any
// earlier step, in a few bytes per position:
//
//   row(p)[i] = p − selected position (lookup, gather) or the tie count (average), per head i
//   stored:     zigzag varints of the second difference along p, head by head
//   blocks:     a block restarts the differences, so it decodes alone
//
// Rows of a program's loop repeat, so the stored bytes compress well (the caller deflates each
// finished block; engine/model/selection-log.ts). The log keeps only the block being written
// and the finished blocks not yet taken, behind a mutex: the engine writes on its worker thread
// while the caller takes finished blocks from its own.
#pragma once
#include <cstdint>
#include <mutex>
#include <vector>

namespace tvm {

class SelectionLog {
 public:
  struct Block {
    int64_t start = 0;
    int64_t count = 0;
    std::vector<uint8_t> bytes;
  };

  /** Starts a log of rows of `width` values from `position`, in blocks of `blockRows` rows. */
  void start(size_t width, int64_t position, int64_t blockRows);
  /** Ends the block being written (it waits to be taken like any finished block). */
  void stop();
  bool recording() const { return recording_; }
  /** Appends the row of the next position (the first is start's `position`). */
  void append(const int64_t* row);
  /** The finished blocks not taken yet, in order; the log forgets them. */
  std::vector<Block> take();
  /** The row at `position` from the blocks the log still holds. */
  bool at(int64_t position, std::vector<int64_t>& row) const;
  /**
   * The row at `position` of a block's bytes starting at `start`, rows of `width` values; false
   * if the bytes do not hold it.
   */
  static bool decode(const uint8_t* bytes, size_t size, size_t width, int64_t start, int64_t position,
                     std::vector<int64_t>& row);
  /** Bytes held (capacities). */
  size_t bytes() const;

 private:
  void finish();

  /** The most bytes a zigzag varint of 64 bits takes. */
  static constexpr size_t kMaxVarint = 10;

  bool recording_ = false;
  size_t width_ = 0;
  /**
   * Bytes of current_ written so far: its vector is sized ahead (doubling), so a row's varints go
   * through a pointer with no per-byte capacity check, and is cut to this size when it finishes.
   */
  size_t used_ = 0;
  int64_t blockRows_ = 0;
  Block current_;
  std::vector<int64_t> previous_, difference_;
  mutable std::mutex finishedLock_;
  std::vector<Block> finished_;
};

}  // namespace tvm
