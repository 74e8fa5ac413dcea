// What the native test drivers share (sanitize_driver.cc, guarded_check.cc, count_driver.cc): a
// seeded xorshift64 generator, so randomized checks reproduce, and the reader of the raw
// little-endian int32 files (prompts and traces) that the TypeScript side writes for them.
#pragma once
#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace tvm_test {

/** xorshift64: next() gives the next 64-bit value of the sequence that `state` seeds. */
struct XorShift64 {
  uint64_t state;
  uint64_t operator()() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
};

inline std::string readAll(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file + ": cannot read");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/** A file of little-endian int32 values. */
inline std::vector<int32_t> readInt32s(const std::string& file) {
  const std::string bytes = readAll(file);
  std::vector<int32_t> out(bytes.size() / 4);
  for (size_t i = 0; i < out.size(); i++) {
    const auto* p = reinterpret_cast<const unsigned char*>(&bytes[4 * i]);
    out[i] = static_cast<int32_t>(p[0] | (p[1] << 8) | (p[2] << 16) | (uint32_t(p[3]) << 24));
  }
  return out;
}

}  // namespace tvm_test
