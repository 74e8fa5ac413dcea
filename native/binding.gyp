{
  "targets": [
    {
      "target_name": "tvm_native",
      "sources": ["src/addon.cc", "src/attention.cc", "src/bounded_gates.cc", "src/engine.cc", "src/guarded_neurons.cc", "src/json.cc", "src/model.cc", "src/output_argmax.cc", "src/selection_log.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-O2", "-ffp-contract=off", "-fno-fast-math"],
      "xcode_settings": {
        "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
        "OTHER_CPLUSPLUSFLAGS": ["-std=c++17", "-ffp-contract=off"]
      }
    }
  ]
}
