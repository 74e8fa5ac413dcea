// Instructions per token, counted rather than timed: loads a weight file, feeds a prompt and
// generates up to N tokens against the expected trace, with no Node around it, so that
// `valgrind --tool=callgrind` counts the engine alone (scripts/instructions-per-token.ts runs it
// at two lengths and divides the difference). A count is the same on a busy machine as on an
// idle one, where seconds are not. Exits 1 if generation departs from the expected trace.
#include <atomic>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "../src/engine.h"
#include "../src/model.h"
#include "test_support.h"

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: count_driver MODEL PROMPT EXPECTED TOKENS HALT\n");
    return 2;
  }
  try {
    auto model = std::make_shared<const tvm::Model>(tvm::loadModel(argv[1]));
    tvm::Engine engine(model);
    for (int32_t t : tvm_test::readInt32s(argv[2])) engine.feed(t);
    const std::vector<int32_t> expected = tvm_test::readInt32s(argv[3]);
    std::atomic<int> request{tvm::kRun};
    const tvm::Generated r = engine.generate(std::stoi(argv[5]), std::stol(argv[4]), expected.data(),
                                             static_cast<int64_t>(expected.size()), {}, request, [](int32_t) {});
    std::printf("%lld\n", static_cast<long long>(r.count));
    return r.reason == tvm::Stop::Halt || r.reason == tvm::Stop::Budget ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
