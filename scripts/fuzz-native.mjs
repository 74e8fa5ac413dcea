// npm run fuzz:native [-- --seconds N]: builds the libFuzzer target for the native weight-file
// reader (native/fuzz/weights_fuzzer.cc, clang++ with -fsanitize=fuzzer,address,undefined) and
// runs it for N seconds (default 10) from the checked-in seeds (native/fuzz/seeds/weights) plus
// the corpus it grew before (native/build/fuzz/corpus, a cache: rebuilding the addon clears it),
// with a dictionary of the header's words (native/fuzz/weights.dict). Prints
//   fuzz native-weights: <executions> executions, <findings> findings
// and exits non-zero on a finding, keeping the input in native/fuzz/crashes/ (outside the build
// folder, so that it survives a rebuild; add it to the seeds once fixed). Then every input of the
// grown corpus goes through both the native and the TypeScript reader
// (scripts/compare-weight-readers.ts): a different decision or message is a finding too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { engineSources } from './native-sources.mjs';

const root = join(import.meta.dirname, '..');
const native = join(root, 'native');
const out = join(native, 'build', 'fuzz');
const corpus = join(out, 'corpus', 'weights');
const crashes = join(native, 'fuzz', 'crashes');
const seeds = join(native, 'fuzz', 'seeds', 'weights');
const binary = join(out, 'weights_fuzzer');

const args = process.argv.slice(2);
const at = args.indexOf('--seconds');
const seconds = at >= 0 ? Number(args[at + 1]) : 10;
if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86_400) {
  console.error(`fuzz:native: --seconds must be an integer from 1 to 86400, not ${args[at + 1]}`);
  process.exit(2);
}

function compiler() {
  for (const c of [process.env.CXX_FUZZ, 'clang++-16', 'clang++']) {
    if (c && spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0) return c;
  }
  console.error('fuzz:native: clang++ (16) is needed for libFuzzer; install clang-16 or set CXX_FUZZ');
  process.exit(2);
}

mkdirSync(corpus, { recursive: true });
mkdirSync(crashes, { recursive: true });
const sources = engineSources(native);
const build = spawnSync(
  compiler(),
  [
    '-std=c++17',
    '-g',
    '-O1',
    '-ffp-contract=off',
    '-fsanitize=fuzzer,address,undefined',
    '-fno-sanitize-recover=all',
    `-DTVM_TINY_SEED=${JSON.stringify(join(seeds, 'valid-tiny.tvmw'))}`,
    join(native, 'fuzz', 'weights_fuzzer.cc'),
    ...sources,
    '-o',
    binary,
  ],
  { stdio: 'inherit' },
);
if (build.status !== 0) {
  console.error('fuzz:native: the fuzz target did not build');
  process.exit(2);
}
const before = new Set(readdirSync(crashes));
const run = spawnSync(
  binary,
  [
    `-max_total_time=${seconds}`,
    '-print_final_stats=1',
    '-max_len=131072',
    '-timeout=10',
    '-rss_limit_mb=2048',
    `-artifact_prefix=${crashes}/`,
    `-dict=${join(native, 'fuzz', 'weights.dict')}`,
    corpus,
    seeds,
  ],
  {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, UBSAN_OPTIONS: 'print_stacktrace=1' },
  },
);
const log = `${run.stdout}\n${run.stderr}`;
const executions = Number(/stat::number_of_executed_units:\s*(\d+)/.exec(log)?.[1] ?? 0);
const found = readdirSync(crashes).filter((f) => !before.has(f));
const findings = found.length || (run.status === 0 ? 0 : 1);
if (findings > 0) {
  console.error(log.split('\n').slice(-60).join('\n'));
  for (const f of found) console.error(`fuzz native-weights: the failing input is ${join(crashes, f)}`);
}
// The corpus the fuzzer grew, through both readers: they must decide alike (a difference is a finding).
const compared = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'scripts', 'compare-weight-readers.ts'), corpus],
  { cwd: root, stdio: 'inherit' },
);
const total = findings + (compared.status === 0 ? 0 : 1);
console.log(`fuzz native-weights: ${executions} executions, ${total} findings`);
process.exit(total > 0 ? 1 : 0);
