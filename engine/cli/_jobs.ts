// `--jobs N`: a command's programs run side by side, each in its own child process (the same
// command on one file), at most N at a time. A child's output is collected and printed whole once
// it and every program before it have finished, so the result lines come in the order given and
// are never interleaved. A failing child does not stop the others; the exit statuses combine as
// EndReport combines them (0 only when every program passed and exited 0; 130 once interrupted).
import { spawn } from 'node:child_process';
import { INTERRUPTED_STATUS, type Interrupt } from './_interrupt';

export interface ChildResult {
  /** The child's exit status (INTERRUPTED_STATUS when a signal ended it). */
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

/**
 * Runs this command (`process.argv[1]`, under the same node flags) once per file with `args`
 * after the file; prints each result in order as soon as it can; returns the combined status.
 */
export async function runInChildren(
  files: readonly string[],
  args: readonly string[],
  jobs: number,
  interrupt: Interrupt,
): Promise<number> {
  const results: (ChildResult | undefined)[] = new Array(files.length);
  const running = new Set<ReturnType<typeof spawn>>();
  let printed = 0;
  const printReady = () => {
    while (printed < files.length && results[printed]) {
      const r = results[printed++]!;
      process.stdout.write(r.stdout);
      process.stderr.write(r.stderr);
    }
  };
  // A terminal's Ctrl-C reaches the children too; a signal sent to this process alone is passed on.
  interrupt.onRequest(() => {
    for (const child of running) child.kill('SIGINT');
  });
  let next = 0;
  const worker = async () => {
    while (next < files.length && !interrupt.requested) {
      const i = next++;
      results[i] = await runChild(files[i], args, running);
      printReady();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, worker));
  interrupt.onRequest(undefined);
  printReady();
  const statuses = results.filter((r) => r !== undefined).map((r) => r.status);
  if (interrupt.requested || statuses.includes(INTERRUPTED_STATUS)) return INTERRUPTED_STATUS;
  return statuses.every((s) => s === 0) ? 0 : 1;
}

function runChild(file: string, args: readonly string[], running: Set<ReturnType<typeof spawn>>) {
  return new Promise<ChildResult>((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1], file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => err.push(Buffer.from(`${file}: cannot start a process: ${e.message}\n`)));
    child.on('close', (code, signal) => {
      running.delete(child);
      const status = code ?? (signal === 'SIGINT' ? INTERRUPTED_STATUS : 1);
      if (code === null && signal !== 'SIGINT') err.push(Buffer.from(`${file}: killed by ${signal}\n`));
      resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
  });
}
