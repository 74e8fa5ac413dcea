// The native reader and engine under AddressSanitizer and UndefinedBehaviorSanitizer
// (npm run test:sanitize builds this with the engine's sources and runs it on a folder that
// scripts/sanitize-data.ts fills): each example's prompt is fed and generation must reproduce the
// reference executor's trace token for token while the selection log records (its blocks must
// decode); each damaged or unreadable weight file must be refused with the TypeScript reader's
// message. Prints one line per case; exits 1 on a failure
// (a sanitizer report aborts at once).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "../src/engine.h"
#include "../src/json.h"
#include "../src/model.h"

namespace {

std::string readAll(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file + ": cannot read");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<int32_t> tokens(const std::string& file) {
  const std::string bytes = readAll(file);
  std::vector<int32_t> out(bytes.size() / 4);
  for (size_t i = 0; i < out.size(); i++) {
    const auto* p = reinterpret_cast<const unsigned char*>(&bytes[4 * i]);
    out[i] = static_cast<int32_t>(p[0] | (p[1] << 8) | (p[2] << 16) | (uint32_t(p[3]) << 24));
  }
  return out;
}

const std::string& text(const tvm::Json& o, const char* field) {
  const tvm::Json* v = o.get(field);
  if (!v || !v->isString()) throw std::runtime_error(std::string("manifest: no ") + field);
  return v->string;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: sanitize_driver DATA_FOLDER\n");
    return 2;
  }
  const std::string dir = argv[1];
  const std::string manifestText = readAll(dir + "/manifest.json");
  const tvm::Json manifest = tvm::parseJson(manifestText.data(), manifestText.size());
  const int32_t halt = static_cast<int32_t>(manifest.get("halt")->number);
  int failures = 0;
  for (const tvm::Json& run : manifest.get("runs")->items) {
    const auto start = std::chrono::steady_clock::now();
    auto model = std::make_shared<const tvm::Model>(tvm::loadModel(dir + "/" + text(run, "model")));
    tvm::Engine engine(model);
    for (int32_t t : tokens(dir + "/" + text(run, "prompt"))) engine.feed(t);
    engine.recordSelections(true, 4096);
    const std::vector<int32_t> expected = tokens(dir + "/" + text(run, "expected"));
    std::atomic<int> request{tvm::kRun};
    int64_t emitted = 0;
    const tvm::Generated r =
        engine.generate(halt, static_cast<int64_t>(expected.size()) + 1, expected.data(),
                        static_cast<int64_t>(expected.size()), {}, request, [&](int32_t) { emitted++; });
    // The selection log under the sanitizers too: every block's rows decode, a block cut short
    // does not, and the log covered every position fed.
    engine.recordSelections(false);
    bool logged = true;
    int64_t loggedTo = -1;
    std::vector<int32_t> row;
    for (const tvm::SelectionLog::Block& b : engine.takeSelectionBlocks()) {
      for (int64_t p = b.start; p < b.start + b.count; p += 257)
        logged = logged && engine.decodeSelections(b.bytes.data(), b.bytes.size(), b.start, p, row);
      if (!b.bytes.empty())
        logged = logged && !engine.decodeSelections(b.bytes.data(), b.bytes.size() - 1, b.start,
                                                    b.start + b.count - 1, row);
      loggedTo = b.start + b.count;
    }
    // The reference trace ends with halt, which generate() emits and stops at.
    const bool ok = r.reason == tvm::Stop::Halt && r.count == static_cast<int64_t>(expected.size()) &&
                    emitted == r.count && logged && loggedTo == engine.position();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s %s: %lld tokens (%.1f s)%s\n", ok ? "ok  " : "FAIL", text(run, "name").c_str(),
                static_cast<long long>(r.count), seconds,
                ok ? "" : (" — stopped with reason " + std::to_string(int(r.reason)) + ", expected " +
                           std::to_string(expected.size()) + " tokens")
                              .c_str());
    failures += !ok;
  }
  int refused = 0;
  for (const tvm::Json& c : manifest.get("refused")->items) {
    const std::string& file = text(c, "file");
    const std::string& want = text(c, "message");
    std::string got = "loaded";
    try {
      tvm::loadModel(file);
    } catch (const std::runtime_error& e) {
      got = e.what();
    }
    // A JSON syntax error's details are each parser's own; everything else is the same sentence.
    const std::string corrupt = file + ": corrupt header: ";
    const bool both = got.rfind(corrupt, 0) == 0 && want.rfind(corrupt, 0) == 0;
    if (got != want && !both) {
      std::printf("FAIL %s: native says \"%s\", TypeScript \"%s\"\n", text(c, "what").c_str(), got.c_str(),
                  want.c_str());
      failures++;
    }
    refused++;
  }
  std::printf("%s %d damaged or unreadable weight files refused with the TypeScript reader's messages\n",
              failures ? "    " : "ok  ", refused);
  return failures ? 1 : 0;
}
