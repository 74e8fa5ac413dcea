// Running the built command-line tools from tests.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
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

/** Like runTool, without blocking: for tests that start many short runs side by side. */
export function runToolAsync(
  tool: string,
  args: string[],
  cwd = repoRoot,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const bundle = join(repoRoot, 'dist', 'cli', `${tool}.js`);
  assert.ok(existsSync(bundle), `${bundle} is built (npm test builds it first)`);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [bundle, ...args],
      { cwd, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        if (error && code === null && !error.signal) reject(error);
        else resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs `jobs` at most `limit` at a time, results in order. */
export async function inBatches<T>(jobs: (() => Promise<T>)[], limit = 4): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}
