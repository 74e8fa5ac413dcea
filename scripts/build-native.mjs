// Builds the native engine (native/) with node-gyp; `npm install` runs it. A machine without a
// C++ toolchain still installs: the reason is written to native/build/UNAVAILABLE.txt, wasm-run
// says once that it uses the JS engine, and the native engine's tests say why they skip.
// Nothing is downloaded: node-gyp builds against Node's own headers (npm's nodedir, or /usr).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const native = join(import.meta.dirname, '..', 'native');
const failure = join(native, 'build', 'UNAVAILABLE.txt');

function nodeGyp() {
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp))
    return process.env.npm_config_node_gyp;
  // npm ships node-gyp next to itself.
  const bundled = join(
    dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'node_modules',
    'node-gyp',
    'bin',
    'node-gyp.js',
  );
  return existsSync(bundled) ? bundled : undefined;
}

function nodeDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = join(dirname(process.execPath), '..');
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined;
}

function give(reason) {
  mkdirSync(dirname(failure), { recursive: true });
  writeFileSync(failure, `${reason}\n`);
  console.warn(`transformer-vm: the native engine was not built (${reason}); the JS engine will be used`);
}

const gyp = nodeGyp();
const dir = nodeDir();
rmSync(failure, { force: true });
if (!gyp) give('node-gyp was not found');
else if (!dir) give("Node's headers were not found (set npm's nodedir)");
else {
  const r = spawnSync(process.execPath, [gyp, 'rebuild', `--nodedir=${dir}`], {
    cwd: native,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    const errors = `${r.stdout}\n${r.stderr}`
      .split('\n')
      .filter((l) => /error|not found|ERR!/i.test(l))
      .slice(0, 5)
      .join('; ');
    give(`node-gyp failed: ${errors || `exit code ${r.status}`}`);
  }
}
