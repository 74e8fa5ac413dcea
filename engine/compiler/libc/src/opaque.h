/* __tvm_opaque(v) is v, unchanged, but opaque to clang's optimizer (the empty asm emits no
 * instruction). The library uses it where clang would turn compares and subtractions into masks
 * and shifts, which the transformer machine lowers to helper calls costing far more than the
 * compares (docs/lowering.md). */
#ifndef TVM_OPAQUE_H
#define TVM_OPAQUE_H
static inline unsigned int __tvm_opaque(unsigned int v) {
  __asm__("" : "+r"(v));
  return v;
}
#endif
