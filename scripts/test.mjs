// Finds every *.test.ts under the given folders (default: all) and runs them with node's test runner.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { filesEndingWith, SOURCE_ROOTS } from './source-files.mjs';

const roots = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const files = (roots.length ? roots : SOURCE_ROOTS)
  .flatMap((r) => (statSync(r).isDirectory() ? filesEndingWith(r, '.test.ts') : [r]))
  .sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...flags, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
