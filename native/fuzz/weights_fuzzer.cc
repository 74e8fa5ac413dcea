// libFuzzer target for the native weight-file reader (npm run fuzz:native). Each input is loaded
// through loadModelFrom resealed with a valid CRC-32, so that mutations of the header and tensors
// reach the checks behind the checksum (and, for odd sizes, also as it is). A std::runtime_error is the reader's
// own refusal; anything else (another exception, a sanitizer report, a hang, memory beyond the
// limit) is a finding. A model that loads is run for a few tokens, so the engine meets it too.
// An input that starts with '{' is a header alone (see loadHeader).
#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

#include "../src/engine.h"
#include "../src/model.h"

namespace {

// The file's checksum, as the writer seals it (the reader's own CRC, so mutated headers get past it).
uint32_t crc32(const uint8_t* bytes, size_t n) { return tvm::crc32Update(0xffffffffu, bytes, n) ^ 0xffffffffu; }

int memoryFile() {
  static const int fd = memfd_create("fuzz.tvmw", MFD_CLOEXEC);
  if (fd < 0) {
    std::perror("memfd_create");
    std::abort();
  }
  return fd;
}

void load(const uint8_t* data, size_t size) {
  const int fd = memoryFile();
  if (ftruncate(fd, 0) != 0 || (size > 0 && pwrite(fd, data, size, 0) != static_cast<ssize_t>(size))) std::abort();
  std::shared_ptr<const tvm::Model> model;
  try {
    model = std::make_shared<const tvm::Model>(tvm::loadModelFrom(fd, "fuzz.tvmw"));
  } catch (const std::runtime_error& e) {
    if (std::strncmp(e.what(), "fuzz.tvmw: ", 11) != 0) {
      std::fprintf(stderr, "a refusal that does not name the file: %s\n", e.what());
      std::abort();
    }
    return;
  }
  try {
    tvm::Engine engine(model);
    for (int32_t t : {0, 3, 3}) {
      engine.feed(t % static_cast<int32_t>(model->vocabulary));
      engine.predict();
    }
  } catch (const std::runtime_error&) {
    // The engine refusing weights that are not a machine's (an attention coordinate out of range).
  }
}

}  // namespace

/** The valid seed's tensors and checksum-free tail, for header-only inputs. */
std::vector<uint8_t> tinyTensors;
/** The valid seed's format version: a header alone is framed as that version. */
uint8_t tinyVersion = 0;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // TVM_TINY_SEED: the valid tiny model (scripts/fuzz-native.mjs defines it at compile time).
  FILE* f = std::fopen(TVM_TINY_SEED, "rb");
  if (!f) {
    std::perror(TVM_TINY_SEED);
    std::abort();
  }
  std::vector<uint8_t> seed;
  for (int c; (c = std::fgetc(f)) != EOF;) seed.push_back(static_cast<uint8_t>(c));
  std::fclose(f);
  const uint32_t headerLength = seed[12] | (seed[13] << 8) | (seed[14] << 16) | (uint32_t(seed[15]) << 24);
  const size_t dataStart = (16 + headerLength + 7) / 8 * 8;
  tinyTensors.assign(seed.begin() + dataStart, seed.end() - 4);
  tinyVersion = seed[8];
  return 0;
}

/**
 * An input that starts with '{' is a header alone: it is framed (magic, version, length, zero
 * padding), followed by the tiny model's tensors and sealed, so every mutation lands in the
 * header, where the checks are. Any other input is a whole file.
 */
void loadHeader(const uint8_t* data, size_t size) {
  std::vector<uint8_t> file(16);
  std::memcpy(file.data(), "TVMWEIGH", 8);
  file[8] = tinyVersion;
  for (int k = 0; k < 4; k++) file[12 + k] = static_cast<uint8_t>(size >> (8 * k));
  file.insert(file.end(), data, data + size);
  file.resize((file.size() + 7) / 8 * 8, 0);
  file.insert(file.end(), tinyTensors.begin(), tinyTensors.end());
  const uint32_t c = crc32(file.data(), file.size());
  for (int k = 0; k < 4; k++) file.push_back(static_cast<uint8_t>(c >> (8 * k)));
  load(file.data(), file.size());
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 0 && data[0] == '{') {
    loadHeader(data, size);
    return 0;
  }
  // As it is only for odd sizes: a wrong checksum is one simple refusal, and half the cost.
  if (size < 20 || size % 2 == 1) load(data, size);
  if (size >= 20) {
    std::vector<uint8_t> sealed(data, data + size);
    const uint32_t c = crc32(sealed.data(), size - 4);
    for (int k = 0; k < 4; k++) sealed[size - 4 + k] = static_cast<uint8_t>(c >> (8 * k));
    load(sealed.data(), size);
  }
  return 0;
}
