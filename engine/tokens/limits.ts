// Limits of the machine the transformer realizes exactly. Its lookups key memory by address and
// locals by (call depth, index); keys are squared in float64, so they must stay below 2^26.

/** Addressable memory: 16 MiB. */
export const MEMORY_SIZE = 2 ** 24;
/** Call frames at once. */
export const MAX_CALL_DEPTH = 8192;
/** Local slots of one function (parameters, locals and compiler temporaries). */
export const MAX_LOCALS = 2048;
/**
 * Instructions of one token program. The program is the prompt (5 tokens an instruction) and the
 * transformer's positions must stay below 2^26 (see above): 2^20 instructions take 5.2 M positions
 * and leave more than 60 M for the run. It also bounds what a compiler and its source map hold in
 * memory (~100 bytes an instruction). Initialized data costs 3 instructions per non-zero word.
 */
export const MAX_PROGRAM_INSTRUCTIONS = 2 ** 20;
