// Bundles every entry point with esbuild. Run by `npm install` (prepare) and before tests.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const cliDir = 'engine/cli';
const cliEntries = readdirSync(cliDir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .map((f) => join(cliDir, f));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  // wabt and highs ship large emscripten modules; load them from node_modules, not inlined.
  external: ['wabt', 'highs', 'glpk.js'],
  logLevel: 'warning',
};
await build({ ...common, entryPoints: cliEntries, outdir: 'dist/cli' });
// The benchmark is bundled too, so it measures the code users run.
await build({ ...common, entryPoints: ['scripts/bench.ts'], outdir: 'dist' });
// The VS Code extension (the Debug Adapter runs inline in it).
await build({
  ...common,
  banner: {},
  entryPoints: [{ in: 'extension/extension.ts', out: 'extension' }],
  outdir: 'dist',
  external: [...common.external, 'vscode'],
});
// The language server the extension starts (`node dist/languageServer.js --stdio` works too).
await build({
  ...common,
  banner: {},
  entryPoints: [{ in: 'extension/server/server.ts', out: 'languageServer' }],
  outdir: 'dist',
});
// The Debug Adapter over stdio (`node dist/debugAdapter.js`).
await build({
  ...common,
  banner: {},
  entryPoints: [{ in: 'debug-adapter/main.ts', out: 'debugAdapter' }],
  outdir: 'dist',
});
