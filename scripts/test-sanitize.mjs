// npm run test:sanitize: the native weight-file reader and engine built with AddressSanitizer and
// UndefinedBehaviorSanitizer (-fno-sanitize-recover=all: the first report fails the run) into a
// standalone driver (native/test/sanitize_driver.cc), not the Node addon: ASan inside node needs
// LD_PRELOAD and leak checking off, a standalone binary needs neither and checks leaks too. The
// driver runs examples token for token against the reference executor's traces and the shared
// damaged weight files against the TypeScript reader's messages (scripts/sanitize-data.ts writes
// both). About a minute and a half on 2 cores, sudoku's 1.5M sanitized tokens included.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineSources } from './native-sources.mjs';

const root = join(import.meta.dirname, '..');
const native = join(root, 'native');
const out = join(native, 'build', 'sanitize');
const binary = join(out, 'sanitize_driver');
const started = performance.now();
const step = (what) =>
  console.log(`test:sanitize: ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)`);

function compiler() {
  for (const c of [process.env.CXX_SANITIZE, 'clang++-16', 'clang++', 'g++']) {
    if (c && spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0) return c;
  }
  console.error('test:sanitize: no C++ compiler (clang++-16, clang++ or g++) was found');
  process.exit(2);
}

mkdirSync(out, { recursive: true });
const data = mkdtempSync(join(tmpdir(), 'tvm-sanitize-'));
let status = 1;
try {
  status = await main();
} finally {
  rmSync(data, { recursive: true, force: true });
}
process.exit(status);

async function main() {
  // The compile and the data run side by side (2 cores).
  const cxx = compiler();
  const sources = engineSources(native);
  const flags = ['-std=c++17', '-g', '-O1', '-ffp-contract=off', '-fno-omit-frame-pointer'];
  const sanitize = ['-fsanitize=address,undefined', '-fno-sanitize-recover=all'];
  const compile = new Promise((resolve) => {
    const args = [
      ...flags,
      ...sanitize,
      join(native, 'test', 'sanitize_driver.cc'),
      join(native, 'test', 'guarded_check.cc'),
      join(native, 'test', 'bounded_check.cc'),
      join(native, 'test', 'memo_check.cc'),
      ...sources,
      '-o',
      binary,
    ];
    spawn(cxx, args, { stdio: 'inherit' }).on('exit', (code) => resolve(code));
  });
  const made = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'sanitize-data.ts'), data],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (made.status !== 0) {
    console.error('test:sanitize: the examples and damaged files could not be prepared');
    return 1;
  }
  step('examples and damaged files written');
  if ((await compile) !== 0) {
    console.error('test:sanitize: the sanitized driver did not build');
    return 1;
  }
  step(`built with ${cxx} ${sanitize.join(' ')}`);
  const run = spawnSync(binary, [data], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ASAN_OPTIONS: 'detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1',
      UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1',
    },
  });
  step(run.status === 0 ? 'passed' : 'FAILED');
  return run.status === 0 ? 0 : 1;
}
