// See model.h. Only a regular file is read; its magic and header are checked first, and every size
// the header declares is checked against the file before a tensor is read or allocated, so a
// truncated, corrupt or hostile file is an error, never an out-of-bounds access, and memory stays
// about the model's own size. engine/weights/file.ts reads by the same rules, in the same order.
#include "model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <tuple>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json.h"

namespace tvm {

namespace {

constexpr char kMagic[] = "TVMWEIGH";
constexpr uint32_t kOldestVersion = 1;  // dense tensors
constexpr uint32_t kVersion = 2;        // sparse rows (docs/weight-file.md)
// Version 2's bound on Σ rows·columns (engine/weights/file.ts MAX_WEIGHTS): the JS model is dense.
constexpr int64_t kMaxWeights = int64_t(1) << 28;
constexpr int64_t kLimit = 10000000;  // the TypeScript reader's bound on every count
constexpr uint64_t kMaxHeaderBytes = 8 * 1024 * 1024;  // the universal model's header is ~16 KB
constexpr double kMaxHardmaxScale = 9007199254740992.0;  // 2^53

#include "vocabulary.inc"

uint32_t u32(const unsigned char* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | (uint32_t(p[3]) << 24); }

double f64(const unsigned char* p) {
  uint64_t bits = 0;
  for (int i = 7; i >= 0; i--) bits = (bits << 8) | p[i];
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

}  // namespace

/** Adds n bytes to a running CRC-32 (start from 0xffffffff, finish with ^ 0xffffffff). */
uint32_t crc32Update(uint32_t c, const unsigned char* bytes, size_t n) {
  static const auto table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; i++) {
      uint32_t c = i;
      for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  for (size_t i = 0; i < n; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >> 8);
  return c;
}

void SparseRows::build(const double* dense, int64_t rows, int64_t width) {
  start.assign(1, 0);
  column.clear();
  value.clear();
  for (int64_t r = 0; r < rows; r++) {
    for (int64_t c = 0; c < width; c++) {
      double v = dense[r * width + c];
      if (v != 0) {
        column.push_back(static_cast<int32_t>(c));
        value.push_back(v);
      }
    }
    start.push_back(static_cast<int32_t>(column.size()));
  }
}

namespace {

/** Writes an unsigned 128-bit number in decimal. */
std::string decimal(unsigned __int128 v) {
  std::string s;
  do {
    s.insert(s.begin(), char('0' + int(v % 10)));
    v /= 10;
  } while (v != 0);
  return s;
}

/** WHATWG's UTF-8 (what the TypeScript reader's fatal TextDecoder accepts). */
bool validUtf8(const unsigned char* s, size_t n) {
  for (size_t i = 0; i < n;) {
    const unsigned c = s[i];
    if (c < 0x80) { i++; continue; }
    size_t len;
    unsigned lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) len = 3, lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
    else if (c >= 0xf0 && c <= 0xf4) len = 4, lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
    else return false;
    if (i + len > n || s[i + 1] < lo || s[i + 1] > hi) return false;
    for (size_t k = 2; k < len; k++)
      if (s[i + k] < 0x80 || s[i + k] > 0xbf) return false;
    i += len;
  }
  return true;
}

/**
 * Finds the token-only gather heads and fills their tables. A slot that no layer before l writes
 * (no output or down row of an earlier layer has a nonzero there) and that is not a position slot
 * holds, at layer l's input, exactly what the embedding put there (0 + 1·e = e); a gather head
 * whose value rows read only such slots therefore computes, at every position, the same dot
 * products over the same doubles as value·embedding[token], in the same order. So its rows need
 * not be kept: the token at each position and this table give them bit for bit. The engines keep
 * tokens in 16 bits, so a vocabulary above 65,536 keeps rows.
 */
void markTokenOnlyHeads(Model& m) {
  if (m.vocabulary > 65536) return;
  std::vector<char> written(static_cast<size_t>(m.dModel), 0);
  written[m.positionSlot] = written[m.positionSquareSlot] = 1;
  std::vector<double> x(static_cast<size_t>(m.dModel));
  auto mark = [&](const SparseRows& rows) {
    for (int32_t c : rows.column) written[c] = 1;
  };
  for (Layer& layer : m.layers) {
    for (int64_t h = 0; h < m.heads; h++) {
      Head& head = layer.heads[h];
      if (head.kind != HeadKind::Gather) continue;
      bool tokenOnly = true;
      for (int64_t r = 2 * h; r < 2 * h + 2; r++)
        for (int32_t i = layer.value.start[r]; i < layer.value.start[r + 1]; i++)
          if (written[layer.value.column[i]]) tokenOnly = false;
      if (!tokenOnly) continue;
      head.tokenValues.resize(static_cast<size_t>(2 * m.vocabulary));
      for (int64_t t = 0; t < m.vocabulary; t++) {
        std::fill(x.begin(), x.end(), 0.0);
        m.embedding.addScaled(t, 1, x.data());
        head.tokenValues[2 * t] = layer.value.dot(2 * h, x.data());
        head.tokenValues[2 * t + 1] = layer.value.dot(2 * h + 1, x.data());
      }
    }
    mark(layer.output);
    mark(layer.down);
  }
}

/**
 * Finds the position heads whose key and query need not be computed. At layer l's input a slot
 * that the embedding leaves 0 for every token and no earlier layer writes holds exactly what the
 * positional features add (0 + p, 0 + p·p). A key row that is 2·x[position] and one that is
 * −x[position²] then give (2p, −fl(p·p)), integers that rounding leaves alone and that are the
 * key a position head checks for; query rows hardmaxScale·x[position] and hardmaxScale·x[o]
 * give (p, 1) at a position where x[o] = 1 (the engine checks) while p·hardmaxScale is exact
 * (below 2^53), and (p, 1) selects position p itself.
 */
void markPositionHeads(Model& m) {
  const size_t d = static_cast<size_t>(m.dModel);
  std::vector<char> zero(d, 1), written(d, 0);
  for (int64_t t = 0; t < m.vocabulary; t++) {
    std::vector<double> e(d, 0.0);
    for (int32_t i = m.embedding.start[t]; i < m.embedding.start[t + 1]; i++) e[m.embedding.column[i]] = m.embedding.value[i];
    for (size_t c = 0; c < d; c++) {
      if (e[c] != 0) zero[c] = 0;
    }
  }
  const int64_t pos = m.positionSlot, square = m.positionSquareSlot;
  // A row that is exactly coefficient·x[slot].
  auto single = [](const SparseRows& rows, int64_t r, int64_t slot, double coefficient) {
    return rows.start[r + 1] - rows.start[r] == 1 && rows.column[rows.start[r]] == slot &&
           rows.value[rows.start[r]] == coefficient;
  };
  for (Layer& layer : m.layers) {
    const bool features = zero[pos] && zero[square] && !written[pos] && !written[square];
    for (int64_t h = 0; h < m.heads; h++) {
      Head& head = layer.heads[h];
      if (!features || (head.kind != HeadKind::Gather && head.kind != HeadKind::Passthrough)) continue;
      head.positionKey = single(layer.key, 2 * h, pos, 2) && single(layer.key, 2 * h + 1, square, -1);
      if (!head.positionKey || head.kind != HeadKind::Passthrough) continue;
      if (!single(layer.query, 2 * h, pos, m.hardmaxScale)) continue;
      const int32_t r = layer.query.start[2 * h + 1];
      if (layer.query.start[2 * h + 2] - r != 1) continue;
      const int32_t o = layer.query.column[r];
      // x[o] = 1 is checked at each position, not proven: the machine's start token leaves it 0.
      head.currentQuery = o != pos && o != square && layer.query.value[r] == m.hardmaxScale;
      head.oneSlot = o;
    }
    for (int32_t c : layer.output.column) written[c] = 1;
    for (int32_t c : layer.down.column) written[c] = 1;
  }
}

/**
 * What the engine computes at every position, gathered into single sparse matrices (the rows are
 * copies: the same entries in the same order, so the same doubles): the attention rows each head
 * needs (Projections), and the live neurons that no one-hot group covers, grouped where a bound
 * can show a group off (BoundedGates).
 */
void planLayer(Layer& layer, int64_t heads, int64_t dFfn) {
  Projections& p = layer.projections;
  p.rows.start.assign(1, 0);
  p.query.assign(static_cast<size_t>(heads), -1);
  p.key.assign(static_cast<size_t>(heads), -1);
  p.value.assign(static_cast<size_t>(heads), -1);
  auto pair = [&](const SparseRows& from, int64_t h, std::vector<int32_t>& at) {
    at[h] = static_cast<int32_t>(p.rows.start.size() - 1);
    p.rows.appendRow(from, 2 * h);
    p.rows.appendRow(from, 2 * h + 1);
  };
  p.outputs.start.assign(1, 0);
  p.outputScale.clear();
  for (int64_t h = 0; h < heads; h++) {
    const Head& head = layer.heads[h];
    if (head.kind == HeadKind::Unused) continue;
    if (head.tokenValues.empty()) pair(layer.value, h, p.value);
    if (!head.currentQuery) pair(layer.query, h, p.query);
    if (!head.positionKey) pair(layer.key, h, p.key);
    for (int64_t v = 0; v < 2; v++) {
      p.outputs.appendRow(layer.output, 2 * h + v);
      p.outputScale.push_back(static_cast<int32_t>(2 * h + v));
    }
  }
  std::vector<char> selected(static_cast<size_t>(dFfn), 0);
  for (const Selector& sel : layer.selectors) std::fill_n(selected.begin() + sel.first, sel.count, 1);
  std::vector<int32_t> plain;
  for (int32_t j : layer.live)
    if (!selected[j]) plain.push_back(j);
  layer.bounded.build(layer.gate, plain);
}

/** A file descriptor closed on every path out. */
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) close(fd);
  }
};

}  // namespace

Model loadModel(const std::string& file) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused by loadModelFrom.
  Descriptor in{open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (in.fd < 0) {
    const int e = errno;
    throw std::runtime_error(
        file + ": cannot read: " +
        (e == ENOENT ? "no such file" : e == EACCES || e == EPERM ? "permission denied" : std::strerror(e)));
  }
  return loadModelFrom(in.fd, file);
}

Model loadModelFrom(int fd, const std::string& file) {
  auto fail = [&](const std::string& reason) -> void { throw std::runtime_error(file + ": " + reason); };
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) fail("cannot read: not a regular file (a device, FIFO or folder)");
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  uint32_t crc = 0xffffffffu;
  uint64_t at = 0;
  // The next n bytes into `into`, added to the checksum.
  auto take = [&](void* into, uint64_t n) {
    auto* p = static_cast<unsigned char*>(into);
    uint64_t got = 0;
    while (got < n) {
      const ssize_t r = pread(fd, p + got, static_cast<size_t>(std::min<uint64_t>(n - got, 1u << 30)),
                              static_cast<off_t>(at + got));
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;
      got += static_cast<uint64_t>(r);
    }
    if (got != n) fail("truncated: the file ends before byte " + std::to_string(at + n));
    crc = crc32Update(crc, p, static_cast<size_t>(n));
    at += n;
  };
  if (size < 20) fail("truncated: " + std::to_string(size) + " bytes is too short for a weight file");
  unsigned char start[16];
  take(start, 16);
  if (std::memcmp(start, kMagic, 8) != 0) fail("not a Transformer VM weight file (bad magic)");
  const uint32_t version = u32(&start[8]);
  if (version < kOldestVersion || version > kVersion)
    fail("format version " + std::to_string(version) + "; this build reads versions " +
         std::to_string(kOldestVersion) + " and " + std::to_string(kVersion) + " (rebuild it with wasm-build)");
  const uint64_t headerLength = u32(&start[12]);
  if (16 + headerLength + 4 > size)
    fail("truncated: the header says " + std::to_string(headerLength) + " bytes, the file is " + std::to_string(size));
  if (headerLength > kMaxHeaderBytes)
    fail("header: " + std::to_string(headerLength) + " bytes is more than the " + std::to_string(kMaxHeaderBytes) +
         " a weight file may have");
  std::vector<unsigned char> headerBytes(headerLength);
  take(headerBytes.data(), headerLength);
  const uint64_t dataStart = (16 + headerLength + 7) / 8 * 8;
  if (dataStart + 4 > size)
    fail("truncated: the header says " + std::to_string(headerLength) + " bytes, the file is " + std::to_string(size));
  unsigned char padding[8] = {0};
  const uint64_t paddingLength = dataStart - at;
  take(padding, paddingLength);
  for (uint64_t i = 0; i < paddingLength; i++)
    if (padding[i] != 0) fail("header: the padding after it is not zero");

  if (!validUtf8(headerBytes.data(), headerBytes.size())) fail("corrupt header: not UTF-8");
  Json h;
  try {
    h = parseJson(reinterpret_cast<const char*>(headerBytes.data()), headerBytes.size());
  } catch (const std::exception& e) {
    fail(std::string("corrupt header: ") + e.what());
  }
  std::vector<unsigned char>().swap(headerBytes);

  // Every field against its documented range (engine/weights/file.ts), in the TypeScript reader's order.
  if (h.type != Json::Type::Object) fail("header: not a JSON object");
  auto count = [&](const char* field, int64_t min) {
    const Json* v = h.get(field);
    if (!v || !v->isNumber() || !(v->number >= double(min) && v->number <= double(kLimit)) ||
        v->number != std::floor(v->number))
      fail(std::string("header: ") + field + " must be an integer from " + std::to_string(min) + " to " +
           std::to_string(kLimit));
    return static_cast<int64_t>(v->number);
  };
  Model m;
  m.dModel = count("dModel", 1);
  m.heads = count("heads", 1);
  m.dFfn = count("dFfn", 1);
  const int64_t layerCount = count("layers", 1);
  m.positionSlot = count("positionSlot", 0);
  m.positionSquareSlot = count("positionSquareSlot", 0);
  if (m.positionSlot >= m.dModel || m.positionSquareSlot >= m.dModel)
    fail("header: positional slots outside the residual stream");
  const Json* scale = h.get("hardmaxScale");
  if (!scale || !scale->isNumber() || !(scale->number >= 1 && scale->number <= kMaxHardmaxScale))
    fail("header: hardmaxScale must be a number from 1 to 2^53");
  m.hardmaxScale = scale->number;

  // The vocabulary is the token language's, text for text: an engine's token ids mean those texts.
  const int64_t languageSize = static_cast<int64_t>(sizeof kTokenTexts / sizeof kTokenTexts[0]);
  const Json* vocabulary = h.get("vocabulary");
  bool texts = vocabulary && vocabulary->isArray();
  for (size_t i = 0; texts && i < vocabulary->items.size(); i++) texts = vocabulary->items[i].isString();
  if (!texts) fail("header: vocabulary must be a list of token texts");
  if (int64_t(vocabulary->items.size()) != languageSize)
    fail("header: the vocabulary has " + std::to_string(vocabulary->items.size()) +
         " tokens; the token language has " + std::to_string(languageSize));
  for (int64_t i = 0; i < languageSize; i++) {
    if (vocabulary->items[i].string != kTokenTexts[i])
      fail("header: vocabulary token " + std::to_string(i) + " should be '" + kTokenTexts[i] + "'");
    m.tokens.push_back(kTokenTexts[i]);
  }
  m.vocabulary = languageSize;
  auto isStrings = [](const Json* v) {
    if (!v || !v->isArray()) return false;
    for (const Json& s : v->items)
      if (!s.isString()) return false;
    return true;
  };
  if (!isStrings(h.get("inputSlots"))) fail("header: inputSlots must be a list of names");
  const Json* meta = h.get("meta");
  bool metaOk = meta && meta->type == Json::Type::Object;
  if (metaOk)
    for (const auto& field : meta->fields)
      metaOk = metaOk && (field.second.isString() || (field.second.isNumber() && std::isfinite(field.second.number)));
  if (!metaOk) fail("header: meta must be an object of texts and finite numbers");

  const Json* headInfo = h.get("headInfo");
  if (!headInfo || !headInfo->isArray() || int64_t(headInfo->items.size()) != layerCount)
    fail("header: headInfo needs one list per layer");
  m.layers.resize(layerCount);
  for (int64_t l = 0; l < layerCount; l++) {
    const Json& list = headInfo->items[l];
    if (!list.isArray() || int64_t(list.items.size()) != m.heads)
      fail("header: layer " + std::to_string(l) + " needs " + std::to_string(m.heads) + " head descriptions");
    for (const Json& d : list.items) {
      const Json* kind = d.get("kind");
      const Json* tie = d.get("tie");
      const Json* lookup = d.get("lookup");
      const Json* values = d.get("values");
      Head head;
      const std::string k = kind && kind->isString() ? kind->string : "";
      const std::string t = tie && tie->isString() ? tie->string : "";
      bool known = true;
      if (k == "lookup") head.kind = HeadKind::Lookup;
      else if (k == "gather") head.kind = HeadKind::Gather;
      else if (k == "average") head.kind = HeadKind::Average;
      else if (k == "passthrough") head.kind = HeadKind::Passthrough;
      else if (k == "unused") head.kind = HeadKind::Unused;
      else known = false;
      if (t == "latest") head.tie = Tie::Latest;
      else if (t == "average") head.tie = Tie::Average;
      else known = false;
      if (!known || (lookup && !lookup->isString()) || (values && !isStrings(values)))
        fail("header: layer " + std::to_string(l) + " has a head with unknown kind or tie-break");
      if ((head.kind == HeadKind::Gather || head.kind == HeadKind::Passthrough) && head.tie != Tie::Latest)
        fail("header: layer " + std::to_string(l) + " has a position head that averages");
      head.lookup = lookup ? lookup->string : "";
      m.layers[l].heads.push_back(head);
    }
  }

  const Json* slots = h.get("slots");
  bool slotsOk = slots && slots->isArray() && int64_t(slots->items.size()) == layerCount;
  for (size_t l = 0; slotsOk && l < slots->items.size(); l++)
    slotsOk = isStrings(&slots->items[l]) && int64_t(slots->items[l].items.size()) == m.dModel;
  if (!slotsOk) fail("header: slots needs one list of dModel names per layer");

  // Tensors: exactly the expected names and shapes, packed after the header.
  const Json* tensors = h.get("tensors");
  const int64_t tensorCount = 2 + 7 * layerCount;
  if (!tensors || !tensors->isArray() || int64_t(tensors->items.size()) != tensorCount)
    fail("header: expected " + std::to_string(tensorCount) + " tensors");
  struct Expected {
    std::string name;
    int64_t rows;
    int64_t nonzeros = 0;  // version 2 only
  };
  std::vector<Expected> expected = {{"embedding", m.vocabulary}, {"unembedding", m.vocabulary}};
  static const char* kLayerTensors[] = {"query", "key", "value", "output", "gate", "up", "down"};
  for (int64_t l = 0; l < layerCount; l++)
    for (int k = 0; k < 7; k++)
      expected.push_back({"layers." + std::to_string(l) + "." + kLayerTensors[k], k < 4 ? 2 * m.heads : m.dFfn});
  // 128 bits: a hostile header's sums exceed 2^64.
  unsigned __int128 total = dataStart + 4;
  unsigned __int128 weights = 0;
  for (size_t i = 0; i < expected.size(); i++) {
    Expected& e = expected[i];
    const Json& t = tensors->items[i];
    const Json* name = t.get("name");
    const Json* shape = t.get("shape");
    bool ok = name && name->isString() && name->string == e.name && shape && shape->isArray() &&
              shape->items.size() == 2 && shape->items[0].isNumber() && shape->items[1].isNumber() &&
              shape->items[0].number == double(e.rows) && shape->items[1].number == double(m.dModel);
    if (!ok)
      fail("header: tensor " + std::to_string(i) + " should be " + e.name + " [" + std::to_string(e.rows) + "," +
           std::to_string(m.dModel) + "]");
    const int64_t room = e.rows * m.dModel;  // ≤ 10^14
    if (version == 2) {
      const Json* n = t.get("nonzeros");
      if (!n || !n->isNumber() || !(n->number >= 0 && n->number <= double(room)) || n->number != std::floor(n->number))
        fail("header: tensor " + std::to_string(i) + " (" + e.name + ") needs its nonzeros, an integer from 0 to " +
             std::to_string(room));
      e.nonzeros = static_cast<int64_t>(n->number);
      weights += static_cast<unsigned __int128>(room);
      // Counts and columns (u32 each, padded to 8 bytes), then the values.
      const uint64_t index = static_cast<uint64_t>(e.rows + e.nonzeros);
      total += (index + index % 2) * 4 + static_cast<uint64_t>(e.nonzeros) * 8;
    } else {
      total += static_cast<unsigned __int128>(room) * 8;
    }
  }
  if (weights > static_cast<unsigned __int128>(kMaxWeights))
    fail("header: the tensors hold " + decimal(weights) + " weights; a weight file may hold at most " +
         std::to_string(kMaxWeights));
  if (total != size)
    fail("size mismatch: the header describes " + decimal(total) + " bytes, the file has " + std::to_string(size));
  // From here every allocation is bounded by the file's size (version 2: by the nonzeros and
  // rows the file holds; version 1: by one tensor's dense rows, which the file holds too).

  // The first defect of the tensors' content, reported after the checksum, in the TypeScript
  // reader's order (engine/weights/sparse-tensors.ts expandSparse).
  std::string firstDefect;
  auto nonFinite = [](double v) { return std::string(std::isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity"); };
  // Version 1: one dense buffer the size of the largest tensor.
  std::vector<double> dense;
  auto readDense = [&](const Expected& e, SparseRows& into) {
    const int64_t n = e.rows * m.dModel;
    dense.resize(static_cast<size_t>(n));
    take(dense.data(), static_cast<uint64_t>(n) * 8);
    for (int64_t i = 0; i < n; i++) {
      double v = dense[i];
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
      v = f64(reinterpret_cast<const unsigned char*>(&dense[i]));
      dense[i] = v;
#endif
      if (!std::isfinite(v) && firstDefect.empty())
        firstDefect = "tensor " + e.name + ": entry " + std::to_string(i) + " is " + nonFinite(v);
    }
    into.build(dense.data(), e.rows, m.dModel);
  };
  // Version 2: the counts, columns and values straight into the sparse rows, then checked.
  std::vector<uint32_t> counts;
  auto readSparse = [&](const Expected& e, SparseRows& into) {
    const int64_t n = e.nonzeros;
    counts.resize(static_cast<size_t>(e.rows));
    take(counts.data(), static_cast<uint64_t>(e.rows) * 4);
    into.column.resize(static_cast<size_t>(n));
    take(into.column.data(), static_cast<uint64_t>(n) * 4);
    unsigned char padding[4] = {0};
    const uint64_t paddingLength = (e.rows + n) % 2 * 4;
    take(padding, paddingLength);
    into.value.resize(static_cast<size_t>(n));
    take(into.value.data(), static_cast<uint64_t>(n) * 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    for (uint32_t& c : counts) c = u32(reinterpret_cast<const unsigned char*>(&c));
    for (int32_t& c : into.column) c = static_cast<int32_t>(u32(reinterpret_cast<const unsigned char*>(&c)));
    for (double& v : into.value) v = f64(reinterpret_cast<const unsigned char*>(&v));
#endif
    into.start.assign(1, 0);
    if (!firstDefect.empty()) return;  // the file is refused: its content need not be checked
    const std::string at = "tensor " + e.name + ": ";
    int64_t sum = 0;
    for (int64_t r = 0; r < e.rows; r++) {
      if (counts[r] > uint64_t(m.dModel)) {
        firstDefect = at + "row " + std::to_string(r) + " has " + std::to_string(counts[r]) + " entries, more than its " +
                      std::to_string(m.dModel) + " columns";
        return;
      }
      sum += counts[r];
      if (sum > n) {
        firstDefect = at + "its rows' counts add up to more than the " + std::to_string(n) +
                      " nonzeros the header declares";
        return;
      }
    }
    if (sum != n) {
      firstDefect = at + "its rows' counts add up to " + std::to_string(sum) + ", not the " + std::to_string(n) +
                    " nonzeros the header declares";
      return;
    }
    for (uint64_t i = 0; i < paddingLength; i++)
      if (padding[i] != 0) {
        firstDefect = at + "the padding after its columns is not zero";
        return;
      }
    // Checked entry by entry, and compacted in place: −0 is stored in the file (the JS model
    // keeps it) but SparseRows, as build() makes them from dense rows, hold no zero of either sign.
    int64_t k = 0, kept = 0;
    for (int64_t r = 0; r < e.rows; r++) {
      int64_t previous = -1;
      for (const int64_t end = k + counts[r]; k < end; k++) {
        const uint32_t c = static_cast<uint32_t>(into.column[k]);
        const double v = into.value[k];
        if (c >= uint64_t(m.dModel)) {
          firstDefect = at + "row " + std::to_string(r) + ": column " + std::to_string(c) + " is outside its " +
                        std::to_string(m.dModel) + " columns";
          return;
        }
        if (int64_t(c) <= previous) {
          firstDefect = at + "row " + std::to_string(r) + ": column " + std::to_string(c) + " does not follow column " +
                        std::to_string(previous) + " (columns must increase)";
          return;
        }
        previous = c;
        const std::string entry = std::to_string(r * m.dModel + int64_t(c));
        if (v == 0 && !std::signbit(v)) {
          firstDefect = at + "entry " + entry + " is an explicit zero";
          return;
        }
        if (!std::isfinite(v)) {
          firstDefect = at + "entry " + entry + " is " + nonFinite(v);
          return;
        }
        if (v != 0) {
          into.column[kept] = static_cast<int32_t>(c);
          into.value[kept++] = v;
        }
      }
      into.start.push_back(static_cast<int32_t>(kept));
    }
    into.column.resize(static_cast<size_t>(kept));
    into.value.resize(static_cast<size_t>(kept));
  };
  auto read = [&](const Expected& e, SparseRows& into) {
    if (version == 2) readSparse(e, into);
    else readDense(e, into);
  };
  read(expected[0], m.embedding);
  read(expected[1], m.unembedding);
  for (int64_t l = 0; l < layerCount; l++) {
    Layer& layer = m.layers[l];
    SparseRows* parts[] = {&layer.query, &layer.key, &layer.value, &layer.output, &layer.gate, &layer.up, &layer.down};
    for (int k = 0; k < 7; k++) read(expected[2 + l * 7 + k], *parts[k]);
  }
  std::vector<double>().swap(dense);
  std::vector<uint32_t>().swap(counts);
  const uint32_t computed = crc ^ 0xffffffffu;
  unsigned char stored[4];
  take(stored, 4);
  if (computed != u32(stored)) fail("checksum mismatch: the file is corrupt or truncated");
  if (!firstDefect.empty()) fail(firstDefect);
  m.outputArgmax.build(m.unembedding, m.vocabulary);

  // A head labelled unused is skipped here; a dense engine computes it. Both agree only if its
  // weights are zero, so they must be.
  for (int64_t l = 0; l < layerCount; l++) {
    const Layer& layer = m.layers[l];
    for (int64_t hd = 0; hd < m.heads; hd++) {
      if (layer.heads[hd].kind != HeadKind::Unused) continue;
      const std::pair<const char*, const SparseRows*> parts[] = {
          {"query", &layer.query}, {"key", &layer.key}, {"value", &layer.value}, {"output", &layer.output}};
      for (const auto& part : parts)
        if (!part.second->empty(2 * hd) || !part.second->empty(2 * hd + 1))
          fail("layer " + std::to_string(l) + ": head " + std::to_string(hd) + " is labelled unused but its " +
               part.first + " weights are not zero");
    }
  }

  markTokenOnlyHeads(m);
  markPositionHeads(m);

  for (Layer& layer : m.layers) {
    for (int64_t j = 0; j < m.dFfn; j++)
      if (!layer.gate.empty(j)) layer.live.push_back(static_cast<int32_t>(j));
  }
  // One-hot groups must be what they claim: the engine computes one neuron of a group it trusts.
  if (const Json* selectors = h.get("selectors")) {
    if (!selectors->isArray()) fail("header: selectors must be a list");
    std::vector<Selector> ranged;
    for (size_t k = 0; k < selectors->items.size(); k++) {
      const Json& s = selectors->items[k];
      auto field = [&](const char* name, int64_t below) -> int64_t {
        const Json* v = s.get(name);
        if (!v || !v->isNumber() || v->number != std::floor(v->number) || v->number < 0 || v->number >= double(below))
          fail("header: selector " + std::to_string(k) + " is out of range");
        return static_cast<int64_t>(v->number);
      };
      const int64_t l = field("layer", layerCount);
      Selector sel;
      sel.first = field("first", m.dFfn);
      sel.count = field("count", m.dFfn + 1);
      sel.slot = field("slot", m.dModel);
      sel.squareSlot = field("squareSlot", m.dModel);
      sel.oneSlot = field("oneSlot", m.dModel);
      if (sel.count < 1 || sel.first + sel.count > m.dFfn || sel.slot == sel.squareSlot || sel.slot == sel.oneSlot ||
          sel.squareSlot == sel.oneSlot)
        fail("header: selector " + std::to_string(k) + " is out of range");
      sel.layer = l;
      ranged.push_back(sel);
    }
    // Groups of one layer must not share a neuron: the engine computes one neuron per group. In
    // order of (layer, first, index), each group against the one reaching furthest before it (the
    // TypeScript reader names the same pair).
    std::vector<size_t> order(ranged.size());
    for (size_t k = 0; k < order.size(); k++) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return std::make_tuple(ranged[a].layer, ranged[a].first, a) <
             std::make_tuple(ranged[b].layer, ranged[b].first, b);
    });
    for (size_t i = 1, reach = order.empty() ? 0 : order[0]; i < order.size(); i++) {
      const Selector &a = ranged[reach], &b = ranged[order[i]];
      if (a.layer == b.layer && b.first < a.first + a.count)
        fail("header: selectors " + std::to_string(std::min(reach, order[i])) + " and " +
             std::to_string(std::max(reach, order[i])) + " share neurons of layer " + std::to_string(b.layer));
      if (a.layer != b.layer || b.first + b.count > a.first + a.count) reach = order[i];
    }
    for (size_t k = 0; k < ranged.size(); k++) {
      Selector sel = ranged[k];
      const int64_t l = sel.layer;
      Layer& layer = m.layers[l];
      for (int64_t i = 0; i < sel.count; i++) {
        const int64_t j = sel.first + i;
        const SparseRows& g = layer.gate;
        bool ok = true;
        int found = 0;
        for (int32_t e = g.start[j]; e < g.start[j + 1]; e++) {
          const int64_t c = g.column[e];
          const double v = g.value[e];
          if (c == sel.slot) ok = ok && v == double(2 * i), found++;
          else if (c == sel.squareSlot) ok = ok && v == -1.0, found++;
          else if (c == sel.oneSlot) ok = ok && v == double(1 - i * i), found++;
          else ok = false;
        }
        const int expected = 1 + (i != 0) + (i != 1);
        if (!ok || found != expected)
          fail("header: selector " + std::to_string(k) + ": neuron " + std::to_string(j) + " of layer " +
               std::to_string(l) + " is not a one-hot gate");
      }
      layer.selectors.push_back(sel);
    }
  }
  // Guarded groups among the neurons no selector covers; the live list then keeps the others.
  for (Layer& layer : m.layers) {
    std::vector<char> selected(static_cast<size_t>(m.dFfn), 0);
    for (const Selector& sel : layer.selectors) std::fill_n(selected.begin() + sel.first, sel.count, 1);
    std::vector<int32_t> plain;
    for (int32_t j : layer.live)
      if (!selected[j]) plain.push_back(j);
    layer.guarded.build(layer.gate, plain, m.dModel);
    if (layer.guarded.groups() == 0) continue;
    std::vector<int32_t> live;
    for (int32_t j : layer.live)
      if (!layer.guarded.grouped(j)) live.push_back(j);
    layer.live = std::move(live);
  }
  for (Layer& layer : m.layers) planLayer(layer, m.heads, m.dFfn);
  return m;
}

}  // namespace tvm
