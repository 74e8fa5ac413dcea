// Property-based fuzzing of the command-line tools' argument handling: random argv made of each
// tool's flags, numbers of every kind and random strings. Whatever the argv, a tool exits 0 or 1
// within a bounded time, with no stack trace and no internal error. Every argv ends with
// arguments that make a well-formed run fail fast on a missing file, so no run builds a model or
// compiles the examples. Shared by cli-args.fuzz.ts and the fixed-seed test in cli.test.ts.
import fc from 'fast-check';
import { runTool } from './cli';

/** Tools and the tail that keeps a run cheap (a missing input, model or output folder). */
const TAILS: Record<string, string[]> = {
  'wasm-reference': ['absent.tvm'],
  'wasm-eval': ['absent.tvm'],
  'wasm-run': ['--model', 'absent.tvmw', 'absent.tvm'],
  'wasm-specialize': ['absent.tvm'],
  'wasm-build': ['-o', 'absent-folder/model.tvmw'],
  'wasm-compile': ['absent.c'],
};

const FLAGS = [
  '--max-tokens',
  '--layers',
  '--time-limit',
  '--solver',
  '--engine',
  '--model',
  '--args',
  '--stdin',
  '--stdin-file',
  '-O',
  '-O0',
  '-Os',
  '-O9',
  '--save-weights',
  '--nohull',
  '--specialized',
  '-o',
  '-h',
  '--help',
  '-x',
  '--bogus',
  '--max-tokens=',
  '--layers=7',
];
const value = fc.oneof(
  fc.constantFrom('0', '1', '-1', '0.5', '1e300', '1e9', '1000000001', '2.5', 'NaN', 'Infinity', '0x10', ''),
  fc.constantFrom('highs', 'glpk', 'heuristic', 'native', 'js', 'bogus', '/dev/zero', '.', '/'),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

export const argvArbitrary = fc
  .tuple(
    fc.constantFrom(...Object.keys(TAILS)),
    fc.array(fc.oneof(fc.constantFrom(...FLAGS), value), { maxLength: 8 }),
  )
  // `--` would turn the cheap tail into positionals; NUL cannot be passed to a process.
  .map(([tool, args]) => ({
    tool,
    argv: [...args.filter((a) => a !== '--' && !a.includes('\0')), ...TAILS[tool]],
  }));

/** Runs one argv; throws with a description when the tool breaks its contract. */
export function checkArgv(
  { tool, argv }: { tool: string; argv: string[] },
  cwd: string,
  env: Record<string, string>,
) {
  const start = performance.now();
  const r = runTool(tool, argv, cwd, env, 60_000);
  const seconds = (performance.now() - start) / 1000;
  const what = `${tool} ${JSON.stringify(argv)}`;
  if (r.code !== 0 && r.code !== 1)
    throw new Error(
      `${what}: exit ${r.code} (${r.signal ?? 'no signal'}) after ${seconds.toFixed(1)} s\n${r.stderr}`,
    );
  if (/\n\s+at .*:\d+:\d+/.test(r.stderr)) throw new Error(`${what}: a stack trace\n${r.stderr}`);
  if (/TypeError|RangeError|ReferenceError|SyntaxError|internal:/.test(r.stderr))
    throw new Error(`${what}: an internal error\n${r.stderr}`);
  if (r.code === 1 && r.stderr.trim() === '') throw new Error(`${what}: exit 1 with no message`);
}
