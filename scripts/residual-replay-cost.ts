// npx tsx scripts/residual-replay-cost.ts [FILE.c] [--args STR]
// What the debugger's Residual stream scope costs (debug-adapter/runtime/residual.ts): a C
// program built as F5 builds it, its trace from the reference executor, and the shadow JS engine
// asked for the state at the first trace position (the prompt replayed), at the end of the trace
// (fed forward from there), back at the position after the first (rebuilt from the start) and there again
// (cached). Prints tokens replayed, seconds and tokens/s per request; docs/debugger.md's
// "Residual stream" figures come from this script on examples/fibonacci.c.

import { DEBUG_OPTIMIZE_DEFAULT } from '../debug-adapter/runtime/launch-options';
import { ResidualProbe } from '../debug-adapter/runtime/residual';
import { compileFile } from '../engine/compiler/compile';
import { promptTokens } from '../engine/tokens/program-file';
import { runReference } from '../engine/vm/reference';
import { universalModel } from '../engine/weights/universal';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const a = argv.indexOf('--args');
  const args = a >= 0 ? argv.splice(a, 2)[1] : '6';
  const file = argv[0] ?? 'examples/fibonacci.c';
  const c = await compileFile(file, { args, optimize: DEBUG_OPTIMIZE_DEFAULT });
  const program = {
    instructions: c.instructions,
    input: c.input,
    specialized: false,
    trace: new Int32Array(0),
  };
  const trace = runReference(program).trace;
  const prompt = promptTokens(program, c.input);
  const promptLength = c.instructions.length * 5 + 2;
  const { file: modelFile } = await universalModel();
  const probe = new ResidualProbe({
    modelFile,
    prompt,
    promptLength,
    traceLength: () => trace.length,
    traceToken: (i) => trace[i],
    limit: Number.MAX_SAFE_INTEGER,
  });
  console.log(
    `${file} (${args}): prompt ${prompt.length.toLocaleString('en-US')} tokens, trace ${trace.length.toLocaleString('en-US')}`,
  );
  const first = prompt.length;
  const last = promptLength + trace.length - 2;
  for (const [what, p] of [
    ['first trace position (prompt replayed)', first],
    ['end of the trace (fed forward)', last],
    ['the next position (rebuilt from the start)', first + 1],
    ['the same position (cached)', first + 1],
  ] as const) {
    const r = probe.at(p);
    const rate = r.replayed ? `${Math.round(r.replayed / r.seconds).toLocaleString('en-US')} tokens/s` : '';
    console.log(
      `${what}: position ${p}, ${r.replayed.toLocaleString('en-US')} tokens in ${r.seconds.toFixed(2)} s ${rate}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
