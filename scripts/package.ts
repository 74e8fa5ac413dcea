// npm run package: the VS Code extension as a .vsix (dist/transformer-vm.vsix). Builds the
// bundles (npm run build), the native addon for this platform (npm install did), and the
// universal model with HiGHS into dist/model/, so a user's first F5 needs no solver run; then
// packs with @vscode/vsce and prints the size and the contents.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildUniversal } from '../engine/weights/universal';

const root = join(__dirname, '..');
const out = join(root, 'dist', 'transformer-vm.vsix');
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

async function main() {
  const addon = join(root, 'native', 'build', 'Release', 'tvm_native.node');
  if (!existsSync(addon))
    throw new Error('the native engine is not built (npm install builds it); the .vsix would lack it');
  mkdirSync(join(root, 'dist', 'model'), { recursive: true });
  const model = join(root, 'dist', 'model', 'universal.tvmw');
  const tmp = `${model}.build`;
  const built = await buildUniversal(tmp, 'highs');
  renameSync(tmp, model); // atomic: a reader never sees half a model
  console.log(`model: ${built.schedule}, d_model ${built.model.dModel}, ${built.model.layers.length} layers`);
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [vsce, ...args], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vsce ${args[0]} failed:\n${r.stdout}${r.stderr}`);
    return r.stdout;
  };
  // The README's pictures (docs/images/) are packed and its relative links kept: VS Code shows
  // an installed extension's README from its folder (vsce would otherwise need a repository URL).
  run([
    'package',
    '--out',
    out,
    '--skip-license',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
  ]);
  const files = run(['ls']).trim().split('\n');
  console.log(`${out}: ${(statSync(out).size / 1024 / 1024).toFixed(1)} MiB, ${files.length} files`);
  const groups = new Map<string, number>();
  for (const f of files) {
    const key = f.startsWith('node_modules/') ? f.split('/').slice(0, 2).join('/') : f;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  for (const [k, n] of groups) console.log(`  ${k}${n > 1 ? ` (${n} files)` : ''}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
