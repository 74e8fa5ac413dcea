// The engine bound to Node (node-addon-api). One NativeEngine is one sequence: prefill it with
// feed(), step it with predict()/feed(), or let generate() run it on a libuv worker thread,
// streaming tokens back in chunks while the JavaScript thread stays free; pause() stops that run
// after the token in flight, and the next generate() continues exactly there.
#include <napi.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "engine.h"
#include "model.h"

namespace {

using tvm::Engine;
using tvm::Model;

const char* stopName(tvm::Stop s) {
  switch (s) {
    case tvm::Stop::Halt: return "halt";
    case tvm::Stop::Budget: return "budget";
    case tvm::Stop::Mismatch: return "mismatch";
    case tvm::Stop::Paused: return "paused";
    case tvm::Stop::Cancelled: return "cancelled";
    case tvm::Stop::StopToken: return "stop-token";
  }
  return "unknown";
}

/** A number in a message, as JavaScript would print the integers these are meant to be. */
std::string shown(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (v == std::floor(v) && std::fabs(v) < 1e21) return std::to_string(static_cast<long long>(v));
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", v);
  return text;
}

/**
 * `value` as an integer in [min, max], or a std::runtime_error naming `what`: every number that
 * crosses from JavaScript is checked before a cast, since casting a double out of an integer
 * type's range is undefined behaviour.
 */
int64_t integerIn(const Napi::Value& value, const std::string& what, double min, double max) {
  if (!value.IsNumber()) throw std::runtime_error(what + " must be a number");
  const double v = value.As<Napi::Number>().DoubleValue();
  if (!(v >= min && v <= max) || v != std::floor(v))
    throw std::runtime_error(what + " must be an integer from " + shown(min) + " to " + shown(max) + ", not " +
                             shown(v));
  return static_cast<int64_t>(v);
}

constexpr double kMaxSafeInteger = 9007199254740991.0;  // Number.MAX_SAFE_INTEGER

class NativeEngine;

/** Runs Engine::generate off the main thread; tokens reach JavaScript in chunks, in order. */
class GenerateWorker : public Napi::AsyncProgressQueueWorker<int32_t> {
 public:
  GenerateWorker(Napi::Env env, NativeEngine* owner, Napi::Function onTokens, int32_t halt, int64_t budget,
                 std::vector<int32_t> expected, bool checkExpected, std::vector<int32_t> stopTokens,
                 int64_t chunk)
      : Napi::AsyncProgressQueueWorker<int32_t>(env),
        owner_(owner),
        deferred_(Napi::Promise::Deferred::New(env)),
        halt_(halt),
        budget_(budget),
        expected_(std::move(expected)),
        checkExpected_(checkExpected),
        stopTokens_(std::move(stopTokens)),
        chunk_(chunk) {
    onTokens_ = Napi::Persistent(onTokens);
  }
  Napi::Promise promise() { return deferred_.Promise(); }

 protected:
  void Execute(const ExecutionProgress& progress) override;
  void OnProgress(const int32_t* data, size_t count) override {
    if (!data || count == 0) return;
    Napi::Env env = Env();
    Napi::HandleScope scope(env);
    auto tokens = Napi::Int32Array::New(env, count);
    std::copy(data, data + count, tokens.Data());
    onTokens_.Call({tokens});
  }
  void OnOK() override;
  void OnError(const Napi::Error& e) override;

 private:
  NativeEngine* owner_;
  Napi::Promise::Deferred deferred_;
  Napi::FunctionReference onTokens_;
  int32_t halt_;
  int64_t budget_;
  std::vector<int32_t> expected_;
  bool checkExpected_;
  std::vector<int32_t> stopTokens_;
  int64_t chunk_;
  tvm::Generated result_;
};

class NativeEngine : public Napi::ObjectWrap<NativeEngine> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "NativeEngine",
                       {
                           InstanceMethod<&NativeEngine::Feed>("feed"),
                           InstanceMethod<&NativeEngine::Predict>("predict"),
                           InstanceMethod<&NativeEngine::PredictFrom>("predictFrom"),
                           InstanceMethod<&NativeEngine::Generate>("generate"),
                           InstanceMethod<&NativeEngine::Pause>("pause"),
                           InstanceMethod<&NativeEngine::Cancel>("cancel"),
                           InstanceMethod<&NativeEngine::Selections>("selections"),
                           InstanceMethod<&NativeEngine::RecordSelections>("recordSelections"),
                           InstanceMethod<&NativeEngine::SelectionsAt>("selectionsAt"),
                           InstanceMethod<&NativeEngine::TakeSelectionBlocks>("takeSelectionBlocks"),
                           InstanceMethod<&NativeEngine::DecodeSelections>("decodeSelections"),
                           InstanceMethod<&NativeEngine::Residual>("residual"),
                           InstanceMethod<&NativeEngine::Memory>("memory"),
                           InstanceAccessor<&NativeEngine::Position>("position"),
                           InstanceAccessor<&NativeEngine::Busy>("busy"),
                           InstanceAccessor<&NativeEngine::Shape>("shape"),
                       });
  }

  explicit NativeEngine(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NativeEngine>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsString()) {
      Napi::TypeError::New(env, "NativeEngine(file): the weight file's path").ThrowAsJavaScriptException();
      return;
    }
    try {
      auto model = std::make_shared<const Model>(tvm::loadModel(info[0].As<Napi::String>().Utf8Value()));
      engine_ = std::make_unique<Engine>(model);
    } catch (const std::exception& e) {
      Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
    }
  }

  Engine& engine() { return *engine_; }
  std::atomic<int>& request() { return request_; }
  void finished() { busy_ = false; }

 private:
  std::unique_ptr<Engine> engine_;
  std::atomic<int> request_{tvm::kRun};
  bool busy_ = false;

  bool ready(Napi::Env env) {
    if (!engine_) {
      Napi::Error::New(env, "the engine has no model").ThrowAsJavaScriptException();
      return false;
    }
    if (busy_) {
      Napi::Error::New(env, "the engine is generating; pause it first").ThrowAsJavaScriptException();
      return false;
    }
    return true;
  }

  /** A token id from JavaScript, checked against the model's vocabulary. */
  int32_t token(const Napi::Value& v, const char* what) {
    const double last = static_cast<double>(engine_->model().vocabulary - 1);
    if (v.IsNumber()) {
      const double t = v.As<Napi::Number>().DoubleValue();
      if (!(t >= 0 && t <= last) || t != std::floor(t))
        throw std::runtime_error(std::string(what) + ": token id " + shown(t) + " is not in the vocabulary (0 to " +
                                 shown(last) + ")");
      return static_cast<int32_t>(t);
    }
    throw std::runtime_error(std::string(what) + ": a token id must be a number");
  }

  /**
   * feed(token) or feed(Int32Array): runs the forward pass for each token. Every id is checked
   * first, so a bad one changes nothing.
   */
  Napi::Value Feed(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!ready(env)) return env.Undefined();
    try {
      if (info.Length() == 1 && info[0].IsTypedArray()) {
        auto tokens = info[0].As<Napi::TypedArray>();
        if (tokens.TypedArrayType() != napi_int32_array) throw std::runtime_error("feed: expects an Int32Array");
        auto array = tokens.As<Napi::Int32Array>();
        const int64_t vocabulary = engine_->model().vocabulary;
        for (size_t i = 0; i < array.ElementLength(); i++)
          if (array[i] < 0 || array[i] >= vocabulary)
            throw std::runtime_error("feed: token id " + std::to_string(array[i]) + " at index " + std::to_string(i) +
                                     " is not in the vocabulary (0 to " + std::to_string(vocabulary - 1) + ")");
        for (size_t i = 0; i < array.ElementLength(); i++) engine_->feed(array[i]);
      } else if (info.Length() == 1 && info[0].IsNumber()) {
        engine_->feed(token(info[0], "feed"));
      } else {
        throw std::runtime_error("feed: expects a token id or an Int32Array of them");
      }
    } catch (const std::exception& e) {
      Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
    }
    return env.Undefined();
  }

  Napi::Value Predict(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!ready(env)) return env.Undefined();
    return Napi::Number::New(env, engine_->predict());
  }

  /** predictFrom(residual: Float64Array of dModel values) → the token predict() would give for it. */
  Napi::Value PredictFrom(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!ready(env)) return env.Undefined();
    const int64_t d = engine_->model().dModel;
    if (info.Length() != 1 || !info[0].IsTypedArray() ||
        info[0].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array ||
        static_cast<int64_t>(info[0].As<Napi::Float64Array>().ElementLength()) != d) {
      Napi::TypeError::New(env, "predictFrom: expects a Float64Array of " + std::to_string(d) + " values")
          .ThrowAsJavaScriptException();
      return env.Undefined();
    }
    return Napi::Number::New(env, engine_->predictFrom(info[0].As<Napi::Float64Array>().Data()));
  }

  /**
   * generate({ halt, budget, expected?, stopTokens?, chunk? }, onTokens) → Promise<{ reason,
   * count, expected }>. Expected tokens are compared from the first generated one.
   */
  Napi::Value Generate(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!ready(env)) return env.Undefined();
    if (info.Length() < 2 || !info[0].IsObject() || !info[1].IsFunction()) {
      Napi::TypeError::New(env, "generate(options, onTokens)").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    auto o = info[0].As<Napi::Object>();
    GenerateWorker* worker = nullptr;
    try {
      // Absent options take their defaults; present ones must be what they say.
      auto option = [&](const char* name, double fallback, double min, double max) -> int64_t {
        auto v = o.Get(name);
        if (v.IsUndefined()) return static_cast<int64_t>(fallback);
        return integerIn(v, std::string("generate: ") + name, min, max);
      };
      const double last = static_cast<double>(engine_->model().vocabulary - 1);
      const int64_t halt = option("halt", -1, -1, last);
      const int64_t budget = option("budget", kMaxSafeInteger, 0, kMaxSafeInteger);
      const int64_t chunk = option("chunk", 65536, 1, 1 << 30);
      std::vector<int32_t> expected, stops;
      bool check = false;
      auto e = o.Get("expected");
      if (!e.IsUndefined()) {
        if (!e.IsTypedArray() || e.As<Napi::TypedArray>().TypedArrayType() != napi_int32_array)
          throw std::runtime_error("generate: expected must be an Int32Array");
        auto a = e.As<Napi::Int32Array>();
        expected.assign(a.Data(), a.Data() + a.ElementLength());
        check = true;
      }
      auto s = o.Get("stopTokens");
      if (!s.IsUndefined()) {
        if (!s.IsArray()) throw std::runtime_error("generate: stopTokens must be an array of token ids");
        auto a = s.As<Napi::Array>();
        for (uint32_t i = 0; i < a.Length(); i++) stops.push_back(token(a.Get(i), "generate: stopTokens"));
      }
      worker = new GenerateWorker(env, this, info[1].As<Napi::Function>(), static_cast<int32_t>(halt), budget,
                                  std::move(expected), check, std::move(stops), chunk);
    } catch (const std::exception& e) {
      Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
      return env.Undefined();
    }
    request_ = tvm::kRun;
    busy_ = true;
    Ref();  // keep this object alive while the worker uses it
    worker->Queue();
    return worker->promise();
  }

  /** Asks a running generate() to stop after the token in flight ('paused'); a later generate() goes on. */
  Napi::Value Pause(const Napi::CallbackInfo& info) {
    request_ = tvm::kPause;
    return info.Env().Undefined();
  }

  /** The same stop, reported as 'cancelled': the caller is abandoning the run. */
  Napi::Value Cancel(const Napi::CallbackInfo& info) {
    request_ = tvm::kCancel;
    return info.Env().Undefined();
  }

  /** What each head selected at the last position: [layer][head] = { position, last, count }. */
  Napi::Value Selections(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!ready(env)) return env.Undefined();
    const auto& all = engine_->selections();
    auto layers = Napi::Array::New(env, all.size());
    for (size_t l = 0; l < all.size(); l++) {
      auto heads = Napi::Array::New(env, all[l].size());
      for (size_t h = 0; h < all[l].size(); h++) {
        auto s = Napi::Object::New(env);
        s.Set("position", Napi::Number::New(env, static_cast<double>(all[l][h].position)));
        s.Set("last", Napi::Number::New(env, static_cast<double>(all[l][h].last)));
        s.Set("count", Napi::Number::New(env, static_cast<double>(all[l][h].count)));
        heads.Set(h, s);
      }
      layers.Set(l, heads);
    }
    return layers;
  }

  /**
   * recordSelections(on, { block? }): record what the heads select at every position fed from
   * now on, in blocks of `block` positions (default 16,384); see Engine and SelectionLog.
   */
  Napi::Value RecordSelections(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!ready(env)) return env.Undefined();
    int64_t block = 16384;
    try {
      if (info.Length() > 1 && !info[1].IsUndefined()) {
        if (!info[1].IsObject()) throw std::runtime_error("recordSelections: the options must be an object");
        Napi::Object o = info[1].As<Napi::Object>();
        if (o.Has("block") && !o.Get("block").IsUndefined())
          block = integerIn(o.Get("block"), "recordSelections: block", 1, double(1 << 20));
      }
    } catch (const std::exception& e) {
      Napi::RangeError::New(env, e.what()).ThrowAsJavaScriptException();
      return env.Undefined();
    }
    engine_->recordSelections(info.Length() > 0 && info[0].ToBoolean().Value(), block);
    return env.Undefined();
  }

  /**
   * takeSelectionBlocks() → [{ start, count, bytes: Uint8Array }]: the selection log's finished
   * blocks, handed over. Allowed while generating (the log locks them), so a caller can take
   * them as they come.
   */
  Napi::Value TakeSelectionBlocks(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!engine_) {
      Napi::Error::New(env, "the engine has no model").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    std::vector<tvm::SelectionLog::Block> blocks = engine_->takeSelectionBlocks();
    auto out = Napi::Array::New(env, blocks.size());
    for (size_t i = 0; i < blocks.size(); i++) {
      auto o = Napi::Object::New(env);
      o.Set("start", Napi::Number::New(env, static_cast<double>(blocks[i].start)));
      o.Set("count", Napi::Number::New(env, static_cast<double>(blocks[i].count)));
      auto bytes = Napi::Uint8Array::New(env, blocks[i].bytes.size());
      std::copy(blocks[i].bytes.begin(), blocks[i].bytes.end(), bytes.Data());
      o.Set("bytes", bytes);
      out.Set(uint32_t(i), o);
    }
    return out;
  }

  /** memory() → bytes per structure (capacities): { tokens, gatherRows, gatherTables, … }. */
  Napi::Value Memory(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!ready(env)) return env.Undefined();
    const Engine::Memory m = engine_->memory();
    auto o = Napi::Object::New(env);
    const std::pair<const char*, size_t> parts[] = {
        {"tokens", m.tokens},       {"gatherRows", m.gatherRows}, {"gatherTables", m.gatherTables},
        {"hullNodes", m.hullNodes}, {"keyGroups", m.keyGroups},   {"keyIndex", m.keyIndex},
        {"selectionLog", m.selectionLog}, {"argmaxMemo", m.argmaxMemo}};
    for (const auto& [name, bytes] : parts) o.Set(name, Napi::Number::New(env, static_cast<double>(bytes)));
    return o;
  }

  /**
   * selectionsAt(position) → { heads: [[layer, head], …], selected: Int32Array } or undefined:
   * per recorded head, the position selected (average heads: how many tied).
   */
  Napi::Value SelectionsAt(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!ready(env)) return env.Undefined();
    if (info.Length() < 1 || !info[0].IsNumber()) {
      Napi::TypeError::New(env, "selectionsAt(position)").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    int64_t position;
    try {
      position = integerIn(info[0], "selectionsAt: position", 0, kMaxSafeInteger);
    } catch (const std::exception& e) {
      Napi::RangeError::New(env, e.what()).ThrowAsJavaScriptException();
      return env.Undefined();
    }
    std::vector<int32_t> row;
    if (!engine_->selectionsAt(position, row)) return env.Undefined();
    return recorded(env, row);
  }

  /**
   * decodeSelections(bytes, start, position) → selectionsAt's answer from a block taken with
   * takeSelectionBlocks (its bytes and first position), or undefined when it does not hold it.
   */
  Napi::Value DecodeSelections(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!ready(env)) return env.Undefined();
    if (info.Length() < 3 || !info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
      Napi::TypeError::New(env, "decodeSelections(bytes: Uint8Array, start, position)").ThrowAsJavaScriptException();
      return env.Undefined();
    }
    int64_t start, position;
    try {
      start = integerIn(info[1], "decodeSelections: start", 0, kMaxSafeInteger);
      position = integerIn(info[2], "decodeSelections: position", 0, kMaxSafeInteger);
    } catch (const std::exception& e) {
      Napi::RangeError::New(env, e.what()).ThrowAsJavaScriptException();
      return env.Undefined();
    }
    auto bytes = info[0].As<Napi::Uint8Array>();
    std::vector<int32_t> row;
    if (!engine_->decodeSelections(bytes.Data(), bytes.ElementLength(), start, position, row)) return env.Undefined();
    return recorded(env, row);
  }

  /** { heads: [[layer, head], …], selected: Int32Array }. */
  Napi::Value recorded(Napi::Env env, const std::vector<int32_t>& row) {
    auto selected = Napi::Int32Array::New(env, row.size());
    std::copy(row.begin(), row.end(), selected.Data());
    const auto& logged = engine_->recordedHeads();
    auto heads = Napi::Array::New(env, logged.size());
    for (size_t i = 0; i < logged.size(); i++) {
      auto pair = Napi::Array::New(env, 2);
      pair.Set(uint32_t(0), logged[i].first);
      pair.Set(uint32_t(1), logged[i].second);
      heads.Set(i, pair);
    }
    auto o = Napi::Object::New(env);
    o.Set("heads", heads);
    o.Set("selected", selected);
    return o;
  }

  Napi::Value Residual(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!ready(env)) return env.Undefined();
    const auto& x = engine_->residual();
    auto out = Napi::Float64Array::New(env, x.size());
    std::copy(x.begin(), x.end(), out.Data());
    return out;
  }

  Napi::Value Position(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), engine_ ? static_cast<double>(engine_->position()) : 0);
  }
  Napi::Value Busy(const Napi::CallbackInfo& info) { return Napi::Boolean::New(info.Env(), busy_); }
  Napi::Value Shape(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    auto o = Napi::Object::New(env);
    if (!engine_) return o;
    const Model& m = engine_->model();
    o.Set("vocabulary", Napi::Number::New(env, static_cast<double>(m.vocabulary)));
    o.Set("dModel", Napi::Number::New(env, static_cast<double>(m.dModel)));
    o.Set("layers", Napi::Number::New(env, static_cast<double>(m.layers.size())));
    o.Set("heads", Napi::Number::New(env, static_cast<double>(m.heads)));
    o.Set("dFfn", Napi::Number::New(env, static_cast<double>(m.dFfn)));
    return o;
  }
};

void GenerateWorker::Execute(const ExecutionProgress& progress) {
  std::vector<int32_t> pending;
  pending.reserve(static_cast<size_t>(std::min<int64_t>(chunk_, 1 << 20)));
  auto last = std::chrono::steady_clock::now();
  auto emit = [&](int32_t t) {
    pending.push_back(t);
    // A chunk goes out when full, or every 50 ms so output appears while the program runs.
    if (static_cast<int64_t>(pending.size()) >= chunk_ || (pending.size() % 1024 == 0 &&
                                                           std::chrono::steady_clock::now() - last >
                                                               std::chrono::milliseconds(50))) {
      progress.Send(pending.data(), pending.size());
      pending.clear();
      last = std::chrono::steady_clock::now();
    }
  };
  try {
    result_ = owner_->engine().generate(halt_, budget_, checkExpected_ ? expected_.data() : nullptr,
                                        static_cast<int64_t>(expected_.size()), stopTokens_, owner_->request(),
                                        emit);
  } catch (const std::exception& e) {
    if (!pending.empty()) progress.Send(pending.data(), pending.size());
    SetError(e.what());
    return;
  }
  if (!pending.empty()) progress.Send(pending.data(), pending.size());
}

void GenerateWorker::OnOK() {
  Napi::Env env = Env();
  owner_->finished();
  owner_->Unref();
  auto r = Napi::Object::New(env);
  r.Set("reason", stopName(result_.reason));
  r.Set("count", Napi::Number::New(env, static_cast<double>(result_.count)));
  r.Set("expected", Napi::Number::New(env, result_.expected));
  deferred_.Resolve(r);
}

void GenerateWorker::OnError(const Napi::Error& e) {
  owner_->finished();
  owner_->Unref();
  deferred_.Reject(e.Value());
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("NativeEngine", NativeEngine::Define(env));
  return exports;
}

}  // namespace

NODE_API_MODULE(tvm_native, Init)
