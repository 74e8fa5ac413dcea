// The selection log's encoding: per row, per value, the second difference along the positions
// (zero while a head keeps looking the same distance back, or keeps stepping by the same amount)
// as a zigzag LEB128 varint. Decoding rereads a block from its start, so a block is the unit of
// random access.
#include "selection_log.h"

#include <algorithm>
#include <stdexcept>

namespace tvm {

namespace {

/** Writes v as a zigzag LEB128 varint at `at` (room for kMaxVarint bytes); returns the end. */
inline uint8_t* putVarint(uint8_t* at, int64_t v) {
  uint64_t z = (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
  while (z >= 0x80) {
    *at++ = static_cast<uint8_t>(z | 0x80);
    z >>= 7;
  }
  *at++ = static_cast<uint8_t>(z);
  return at;
}

/** Reads one varint at `at`; false past the end or on more than 64 bits. */
bool getVarint(const uint8_t* bytes, size_t size, size_t& at, int64_t& v) {
  uint64_t z = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at >= size) return false;
    const uint8_t b = bytes[at++];
    z |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) {
      v = static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
      return true;
    }
  }
  return false;
}

}  // namespace

void SelectionLog::start(size_t width, int64_t position, int64_t blockRows) {
  if (blockRows < 1) throw std::runtime_error("the selection log needs at least one row per block");
  recording_ = true;
  width_ = width;
  blockRows_ = blockRows;
  current_ = Block();
  current_.start = position;
  used_ = 0;
  previous_.assign(width, 0);
  difference_.assign(width, 0);
  std::lock_guard<std::mutex> lock(finishedLock_);
  finished_.clear();
}

void SelectionLog::stop() {
  if (recording_ && current_.count > 0) finish();
  recording_ = false;
}

void SelectionLog::append(const int64_t* row) {
  std::vector<uint8_t>& out = current_.bytes;
  if (out.size() - used_ < width_ * kMaxVarint) out.resize(std::max(2 * out.size(), used_ + width_ * kMaxVarint));
  uint8_t* at = out.data() + used_;
  for (size_t i = 0; i < width_; i++) {
    const int64_t d = row[i] - previous_[i];
    const int64_t dd = d - difference_[i];
    previous_[i] = row[i];
    difference_[i] = d;
    if (dd == 0) {
      *at++ = 0;  // most heads look back as far as at the position before, or one further
      continue;
    }
    at = putVarint(at, dd);
  }
  used_ = static_cast<size_t>(at - out.data());
  if (++current_.count == blockRows_) finish();
}

void SelectionLog::finish() {
  const int64_t next = current_.start + current_.count;
  current_.bytes.resize(used_);
  current_.bytes.shrink_to_fit();
  {
    std::lock_guard<std::mutex> lock(finishedLock_);
    finished_.push_back(std::move(current_));
  }
  current_ = Block();
  current_.start = next;
  used_ = 0;
  std::fill(previous_.begin(), previous_.end(), 0);
  std::fill(difference_.begin(), difference_.end(), 0);
}

std::vector<SelectionLog::Block> SelectionLog::take() {
  std::lock_guard<std::mutex> lock(finishedLock_);
  std::vector<Block> out;
  out.swap(finished_);
  return out;
}

bool SelectionLog::at(int64_t position, std::vector<int64_t>& row) const {
  if (position >= current_.start && position < current_.start + current_.count)
    return decode(current_.bytes.data(), used_, width_, current_.start, position, row);
  std::lock_guard<std::mutex> lock(finishedLock_);
  for (const Block& b : finished_)
    if (position >= b.start && position < b.start + b.count)
      return decode(b.bytes.data(), b.bytes.size(), width_, b.start, position, row);
  return false;
}

bool SelectionLog::decode(const uint8_t* bytes, size_t size, size_t width, int64_t start, int64_t position,
                          std::vector<int64_t>& row) {
  if (position < start) return false;
  std::vector<int64_t> difference(width, 0);
  row.assign(width, 0);
  size_t at = 0;
  for (int64_t p = start; p <= position; p++)
    for (size_t i = 0; i < width; i++) {
      int64_t dd;
      if (!getVarint(bytes, size, at, dd)) return false;
      // Wrapping arithmetic: damaged bytes give wrong rows, never undefined behaviour.
      difference[i] = static_cast<int64_t>(static_cast<uint64_t>(difference[i]) + static_cast<uint64_t>(dd));
      row[i] = static_cast<int64_t>(static_cast<uint64_t>(row[i]) + static_cast<uint64_t>(difference[i]));
    }
  return true;
}

size_t SelectionLog::bytes() const {
  std::lock_guard<std::mutex> lock(finishedLock_);
  size_t n = current_.bytes.capacity();
  for (const Block& b : finished_) n += b.bytes.capacity();
  return n;
}

}  // namespace tvm
