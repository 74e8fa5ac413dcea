// Running the built command-line tools from tests.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');

export function runTool(
  tool: string,
  args: string[],
  cwd = repoRoot,
  env: Record<string, string> = {},
  timeoutMs?: number,
) {
  const bundle = join(repoRoot, 'dist', 'cli', `${tool}.js`);
  assert.ok(existsSync(bundle), `${bundle} is built (npm test builds it first)`);
  const r = spawnSync(process.execPath, [bundle, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, ...env },
    timeout: timeoutMs,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}
