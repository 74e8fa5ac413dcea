// Peak resident memory of a node child process (a CLI run), for the memory bound tests and the
// bench: the child preloads a few lines that write getrusage's maxRSS at exit, the kernel's own
// high-water mark, so no short peak between two polls is missed. A bound on memory, not a timing:
// the number does not depend on the machine's load.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The preload (`node --require FILE`), written beside the report so that it works from the
 * sources and from the dist bundle alike. Worker threads share the process's memory and load the
 * preload too: only the main thread reports.
 */
const PRELOAD = `const { isMainThread } = require('node:worker_threads');
const file = process.env.TVM_MAX_RSS_FILE;
if (isMainThread && file)
  process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
`;

export interface MeasuredRun {
  /** The exit status (null when killed by a signal). */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident set size of the process, bytes. */
  readonly peakRss: number;
  readonly seconds: number;
  /** Set when the run was killed for passing `rssLimit` (peakRss is then the last one seen). */
  readonly killedOverLimit?: boolean;
}

export interface MeasureOptions {
  readonly cwd?: string;
  /**
   * Kill the run once its resident memory passes this many bytes (polled from /proc): a run far
   * over its bound fails at once instead of pushing a shared machine into swap or the OOM killer.
   */
  readonly rssLimit?: number;
}

/** VmRSS and VmHWM of a live process, bytes (0 when it is gone or /proc is absent). */
export function residentBytes(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kib('VmRSS') * 1024, hwm: kib('VmHWM') * 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** Runs `node SCRIPT ARGS…` with the reporter preloaded; resolves when it exits. */
export function runMeasured(
  script: string,
  args: readonly string[],
  options: MeasureOptions = {},
): Promise<MeasuredRun> {
  const { cwd, rssLimit } = options;
  const dir = mkdtempSync(join(tmpdir(), 'tvm-rss-'));
  const report = join(dir, 'max-rss');
  const preload = join(dir, 'report-max-rss.cjs');
  writeFileSync(preload, PRELOAD);
  const start = performance.now();
  const child = spawn(process.execPath, ['--require', preload, script, ...args], {
    cwd,
    env: { ...process.env, TVM_MAX_RSS_FILE: report },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  let killedAt = 0;
  const watch =
    rssLimit === undefined
      ? undefined
      : setInterval(() => {
          const { rss, hwm } = residentBytes(child.pid!);
          if (rss > rssLimit && !killedAt) {
            killedAt = hwm;
            child.kill('SIGKILL');
          }
        }, 200);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(watch);
      const seconds = (performance.now() - start) / 1000;
      if (killedAt) {
        rmSync(dir, { recursive: true, force: true });
        resolve({ status, stdout, stderr, peakRss: killedAt, seconds, killedOverLimit: true });
        return;
      }
      try {
        const peakRss = Number(readFileSync(report, 'utf8'));
        resolve({ status, stdout, stderr, peakRss, seconds });
      } catch {
        reject(
          new Error(`node ${script} ${args.join(' ')} exited (${status}) without its peak RSS:\n${stderr}`),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** Bytes as MiB with one decimal, for messages and tables. */
export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
