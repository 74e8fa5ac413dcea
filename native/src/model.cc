// See model.h. Every size is checked against the file before anything is read or allocated, so a
// truncated, corrupt or hostile file is an error, never an out-of-bounds access.
#include "model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>

#include "json.h"

namespace tvm {

namespace {

constexpr char kMagic[] = "TVMWEIGH";
constexpr uint32_t kVersion = 1;
constexpr int64_t kLimit = 10000000;  // the TypeScript reader's bound on every count

uint32_t crc32(const unsigned char* bytes, size_t n) {
  static uint32_t table[256];
  static bool ready = false;
  if (!ready) {
    for (uint32_t i = 0; i < 256; i++) {
      uint32_t c = i;
      for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
      table[i] = c;
    }
    ready = true;
  }
  uint32_t c = 0xffffffffu;
  for (size_t i = 0; i < n; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

uint32_t u32(const unsigned char* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | (uint32_t(p[3]) << 24); }

double f64(const unsigned char* p) {
  uint64_t bits = 0;
  for (int i = 7; i >= 0; i--) bits = (bits << 8) | p[i];
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

}  // namespace

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

void SparseColumns::build(const SparseRows& rows, int64_t width) {
  std::vector<int32_t> counts(width + 1, 0);
  for (int32_t c : rows.column) counts[c + 1]++;
  start.assign(width + 1, 0);
  for (int64_t c = 0; c < width; c++) start[c + 1] = start[c] + counts[c + 1];
  row.assign(rows.column.size(), 0);
  value.assign(rows.column.size(), 0);
  std::vector<int32_t> at(start.begin(), start.end() - 1);
  const int64_t n = static_cast<int64_t>(rows.start.size()) - 1;
  for (int64_t r = 0; r < n; r++) {  // rows ascending, so each column lists them ascending
    for (int32_t i = rows.start[r]; i < rows.start[r + 1]; i++) {
      row[at[rows.column[i]]] = static_cast<int32_t>(r);
      value[at[rows.column[i]]++] = rows.value[i];
    }
  }
}

Model loadModel(const std::string& file) {
  auto fail = [&](const std::string& reason) -> void { throw std::runtime_error(file + ": " + reason); };
  std::ifstream in(file, std::ios::binary);
  if (!in) fail("cannot read the file");
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t size = bytes.size();
  if (size < 20) fail("truncated: " + std::to_string(size) + " bytes is too short for a weight file");
  if (std::memcmp(bytes.data(), kMagic, 8) != 0) fail("not a Transformer VM weight file (bad magic)");
  const uint32_t version = u32(&bytes[8]);
  if (version != kVersion)
    fail("format version " + std::to_string(version) + "; this build reads version " + std::to_string(kVersion) +
         " (rebuild it with wasm-build)");
  const uint64_t headerLength = u32(&bytes[12]);
  if (16 + headerLength + 4 > size)
    fail("truncated: the header says " + std::to_string(headerLength) + " bytes, the file is " + std::to_string(size));
  if (crc32(bytes.data(), size - 4) != u32(&bytes[size - 4])) fail("checksum mismatch: the file is corrupt or truncated");

  Json h;
  try {
    h = parseJson(reinterpret_cast<const char*>(&bytes[16]), headerLength);
  } catch (const std::exception& e) {
    fail(std::string("corrupt header: ") + e.what());
  }
  auto count = [&](const char* field, int64_t min) {
    const Json* v = h.get(field);
    if (!v || !v->isNumber() || v->number != std::floor(v->number) || v->number < double(min) || v->number > kLimit)
      fail(std::string("header: ") + field + " must be an integer ≥ " + std::to_string(min));
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
  if (!scale || !scale->isNumber() || !(scale->number > 0)) fail("header: hardmaxScale must be a positive number");
  m.hardmaxScale = scale->number;

  const Json* vocabulary = h.get("vocabulary");
  if (!vocabulary || !vocabulary->isArray() || vocabulary->items.empty() || int64_t(vocabulary->items.size()) > kLimit)
    fail("header: vocabulary must be a list of token texts");
  std::set<std::string> seen;
  for (const Json& t : vocabulary->items) {
    if (!t.isString()) fail("header: vocabulary must be a list of token texts");
    if (!seen.insert(t.string).second) fail("header: the vocabulary repeats a token");
    m.tokens.push_back(t.string);
  }
  m.vocabulary = static_cast<int64_t>(m.tokens.size());

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
      Head head;
      const std::string k = kind && kind->isString() ? kind->string : "";
      const std::string t = tie && tie->isString() ? tie->string : "";
      if (k == "lookup") head.kind = HeadKind::Lookup;
      else if (k == "gather") head.kind = HeadKind::Gather;
      else if (k == "average") head.kind = HeadKind::Average;
      else if (k == "passthrough") head.kind = HeadKind::Passthrough;
      else if (k == "unused") head.kind = HeadKind::Unused;
      else fail("header: layer " + std::to_string(l) + " has a head with unknown kind or tie-break ('" + k + "')");
      if (t == "latest") head.tie = Tie::Latest;
      else if (t == "average") head.tie = Tie::Average;
      else fail("header: layer " + std::to_string(l) + " has a head with unknown kind or tie-break ('" + t + "')");
      if ((head.kind == HeadKind::Gather || head.kind == HeadKind::Passthrough) && head.tie != Tie::Latest)
        fail("header: layer " + std::to_string(l) + " has a position head that averages");
      head.lookup = lookup && lookup->isString() ? lookup->string : "";
      m.layers[l].heads.push_back(head);
    }
  }

  const Json* slots = h.get("slots");
  bool slotsOk = slots && slots->isArray() && int64_t(slots->items.size()) == layerCount;
  for (size_t l = 0; slotsOk && l < slots->items.size(); l++)
    slotsOk = slots->items[l].isArray() && int64_t(slots->items[l].items.size()) == m.dModel;
  if (!slotsOk) fail("header: slots needs one list of dModel names per layer");

  // Tensors: exactly the expected names and shapes, packed after the header.
  struct Expected {
    std::string name;
    int64_t rows;
  };
  std::vector<Expected> expected = {{"embedding", m.vocabulary}, {"unembedding", m.vocabulary}};
  static const char* kLayerTensors[] = {"query", "key", "value", "output", "gate", "up", "down"};
  for (int64_t l = 0; l < layerCount; l++)
    for (int k = 0; k < 7; k++)
      expected.push_back({"layers." + std::to_string(l) + "." + kLayerTensors[k], k < 4 ? 2 * m.heads : m.dFfn});
  const Json* tensors = h.get("tensors");
  if (!tensors || !tensors->isArray() || tensors->items.size() != expected.size())
    fail("header: expected " + std::to_string(expected.size()) + " tensors");
  uint64_t dataBytes = 0;
  for (size_t i = 0; i < expected.size(); i++) {
    const Json& t = tensors->items[i];
    const Json* name = t.get("name");
    const Json* shape = t.get("shape");
    bool ok = name && name->isString() && name->string == expected[i].name && shape && shape->isArray() &&
              shape->items.size() == 2 && shape->items[0].isNumber() && shape->items[1].isNumber() &&
              shape->items[0].number == double(expected[i].rows) && shape->items[1].number == double(m.dModel);
    if (!ok) fail("header: tensor " + std::to_string(i) + " should be " + expected[i].name);
    dataBytes += uint64_t(expected[i].rows) * uint64_t(m.dModel) * 8;  // each factor ≤ 2·10^7: no overflow
  }
  const uint64_t dataStart = (16 + headerLength + 7) / 8 * 8;
  if (dataStart + dataBytes + 4 != size)
    fail("size mismatch: the header describes " + std::to_string(dataStart + dataBytes + 4) + " bytes, the file has " +
         std::to_string(size));

  uint64_t at = dataStart;
  std::vector<double> dense;
  auto read = [&](const Expected& e, SparseRows& into) {
    const int64_t n = e.rows * m.dModel;
    dense.resize(n);
    for (int64_t i = 0; i < n; i++, at += 8) {
      double v = f64(&bytes[at]);
      if (!std::isfinite(v))
        fail("tensor " + e.name + ": entry " + std::to_string(i) + " is " +
             (std::isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity"));
      dense[i] = v;
    }
    into.build(dense.data(), e.rows, m.dModel);
  };
  read(expected[0], m.embedding);
  read(expected[1], m.unembedding);
  m.unembeddingColumns.build(m.unembedding, m.dModel);
  for (int64_t l = 0; l < layerCount; l++) {
    Layer& layer = m.layers[l];
    SparseRows* parts[] = {&layer.query, &layer.key, &layer.value, &layer.output, &layer.gate, &layer.up, &layer.down};
    for (int k = 0; k < 7; k++) read(expected[2 + l * 7 + k], *parts[k]);
  }

  for (Layer& layer : m.layers) {
    layer.selectorAt.assign(m.dFfn, -1);
    for (int64_t j = 0; j < m.dFfn; j++)
      if (!layer.gate.empty(j)) layer.live.push_back(static_cast<int32_t>(j));
  }
  // One-hot groups must be what they claim: the engine computes one neuron of a group it trusts.
  if (const Json* selectors = h.get("selectors")) {
    if (!selectors->isArray()) fail("header: selectors must be a list");
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
      if (layer.selectorAt[sel.first] >= 0) fail("header: two selectors start at the same neuron");
      sel.liveEnd = static_cast<size_t>(std::lower_bound(layer.live.begin(), layer.live.end(), sel.first + sel.count) -
                                        layer.live.begin());
      layer.selectorAt[sel.first] = static_cast<int32_t>(layer.selectors.size());
      layer.selectors.push_back(sel);
    }
  }
  return m;
}

}  // namespace tvm
