// A strict JSON reader for the weight file's header: objects, arrays, strings, numbers, booleans
// and null, with a depth limit so a hostile header cannot exhaust the stack. Errors are thrown
// as std::runtime_error with the byte offset.
#pragma once
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace tvm {

struct Json {
  enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> items;
  std::map<std::string, Json> fields;

  /** The field `name` of an object, or nullptr. */
  const Json* get(const std::string& name) const {
    if (type != Type::Object) return nullptr;
    auto it = fields.find(name);
    return it == fields.end() ? nullptr : &it->second;
  }
  bool isNumber() const { return type == Type::Number; }
  bool isString() const { return type == Type::String; }
  bool isArray() const { return type == Type::Array; }
};

Json parseJson(const char* text, size_t length);

}  // namespace tvm
