// The reference stream lives in engine/vm/ (wasm-run streams with it too); the debugger's imports stay.
export { REFERENCE_END, REFERENCE_UNKNOWN, ReferenceStream } from '../../engine/vm/reference-stream';
