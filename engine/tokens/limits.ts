// Limits of the machine the transformer realizes exactly. Its lookups key memory by address and
// locals by (call depth, index); keys are squared in float64, so they must stay below 2^26.

/** Addressable memory: 16 MiB. */
export const MEMORY_SIZE = 2 ** 24;
/** Call frames at once. */
export const MAX_CALL_DEPTH = 8192;
/** Local slots of one function (parameters, locals and compiler temporaries). */
export const MAX_LOCALS = 2048;
