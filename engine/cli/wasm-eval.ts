// wasm-eval [FILE.tvm|FILE.c|FILE.wat|FILE.wasm ...] [--nohull] [--specialized] [--args STR]
//           [--stdin TEXT | --stdin-file FILE] [-O0|-O1|-O2|-Os] [--max-tokens N]
// Runs token programs (a source file is compiled first, in memory) through the machine's computation graph with exact arithmetic (no weights)
// and compares every generated token with the reference executor's trace. Every file is run; a
// failing one is reported with its name. The exit status is the program's own (decoded from the
// generated tokens), or 1 (EndReport).
import { buildMachineGraph, type MachineGraph } from '../machine/interpreter';
import { describeMismatch, runGraph } from '../machine/run';
import { promptTokens } from '../tokens/program-file';
import { VOCAB_SIZE } from '../tokens/vocabulary';
import { MAX_SPECIALIZED_INSTRUCTIONS } from '../weights/specialize';
import { forEachFile, integerOption, MAX_TOKENS_RANGE, parseCli, runMain, UsageError } from './_common';
import { decodedEnd, EndReport, expectedRun, programsToRun } from './_compiled-files';
import { PROGRAM_INPUT_OPTIONS, PROGRAM_INPUT_USAGE, programInputFlags } from './_program-input';

const USAGE = `usage: wasm-eval [FILE.tvm|.c|.wat|.wasm ...] [--nohull] [--specialized] ${PROGRAM_INPUT_USAGE} [--max-tokens N]   (default: every example)`;

function describeGraph(m: MachineGraph): string {
  const s = m.graph.stats();
  return (
    `${m.mode} graph: ${s.dims} dimensions (${s.inputs} input, ${s.reglu} reglu, ${s.persist} persist, ` +
    `${s.lookupValues} lookup values), ${s.lookups} lookups, vocabulary ${VOCAB_SIZE}`
  );
}

runMain('wasm-eval', async () => {
  const { values, positionals } = parseCli(USAGE, {
    nohull: { type: 'boolean' },
    specialized: { type: 'boolean' },
    ...PROGRAM_INPUT_OPTIONS,
    'max-tokens': { type: 'string' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const maxTokens = integerOption(values['max-tokens'], '--max-tokens', MAX_TOKENS_RANGE, USAGE);
  const flags = programInputFlags(values, USAGE);
  const attention = values.nohull ? 'brute' : 'hull';
  let universal: MachineGraph | undefined;
  const programs = await programsToRun(positionals, flags);
  const ends = new EndReport();
  const failures = await forEachFile(
    'wasm-eval',
    programs,
    (p) => p.file,
    async ({ name, file, load }) => {
      const { program, input, sourceMap } = await load();
      if (program.specialized)
        throw new UsageError(`${file}: a specialized input has no program; give the universal .tvm`);
      const unsupported = program.instructions.findIndex(
        (i) => i.op === 'global.get' || i.op === 'global.set',
      );
      if (unsupported >= 0) {
        throw new UsageError(
          `${file}: instruction ${unsupported} is ${program.instructions[unsupported].op}, which the machine graph does not implement (compiled programs keep globals in memory)`,
        );
      }
      if (values.specialized && program.instructions.length > MAX_SPECIALIZED_INSTRUCTIONS)
        throw new UsageError(
          `${file}: ${program.instructions.length.toLocaleString('en-US')} instructions; --specialized takes at most ${MAX_SPECIALIZED_INSTRUCTIONS.toLocaleString('en-US')}`,
        );
      const { generation: expected, inputSection } = expectedRun(program, input, maxTokens);
      let machine: MachineGraph;
      if (values.specialized) {
        machine = buildMachineGraph('specialized', program.instructions);
        console.log(`${name}: ${describeGraph(machine)}`);
      } else {
        if (!universal) {
          universal = buildMachineGraph('universal');
          console.log(describeGraph(universal));
        }
        machine = universal;
      }
      const prompt = promptTokens({ ...program, specialized: values.specialized === true }, input);
      const run = runGraph(machine, prompt, { attention, expected });
      const rate = Math.round(run.tokens.length / Math.max(run.seconds, 1e-9));
      const pass = !run.mismatch && run.halted && run.tokens.length === expected.length;
      console.log(
        `${name}: ${pass ? 'PASS' : 'FAIL'} ${run.tokens.length} tok in ${run.seconds.toFixed(2)} s (${rate} tok/s, ${attention})`,
      );
      if (run.mismatch) console.log(`  ${describeMismatch(run.mismatch, prompt.length)}`);
      // The graph generated the trace exactly: how the program ended is read from its tokens.
      if (pass) {
        const end = decodedEnd(program.instructions, inputSection, run.tokens, sourceMap);
        if (!end) throw new Error(`${file}: the generated trace ends without 'halt'`);
        ends.note(name, end);
      }
      return pass;
    },
  );
  return ends.exitStatus(failures, programs.length);
});
