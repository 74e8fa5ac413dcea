// A bare DAP client over the adapter's stdio, for what DebugClient hides: how many responses each
// request gets, raw (even malformed) frames, the process's exit code and stderr. Used by the
// lifetime tests and the fuzzer.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { adapter } from './dap';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export class RawAdapter {
  readonly child: ChildProcessWithoutNullStreams;
  readonly events: DebugProtocol.Event[] = [];
  /** Every response, in arrival order. */
  readonly responses: DebugProtocol.Response[] = [];
  stderr = '';
  /** Resolves when the process exits. */
  readonly exited: Promise<Exit>;
  exit?: Exit;
  private data = Buffer.alloc(0);
  private seq = 1;
  private readonly waiting = new Map<number, (r: DebugProtocol.Response) => void>();
  private readonly eventWaiters: { name: string; resolve: (e: DebugProtocol.Event) => void }[] = [];

  constructor() {
    this.child = spawn(process.execPath, [adapter], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (d: Buffer) => this.receive(d));
    this.child.stderr.on('data', (d: Buffer) => {
      this.stderr += d.toString();
    });
    this.child.stdin.on('error', () => {}); // writing after the adapter exited
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      }),
    );
  }

  /** Sends a request; resolves with its response, or rejects after `timeoutMs` without one. */
  request(command: string, args?: unknown, timeoutMs = 15_000): Promise<DebugProtocol.Response> {
    const seq = this.seq++;
    const message: Record<string, unknown> = { seq, type: 'request', command };
    if (args !== undefined) message.arguments = args;
    this.write(JSON.stringify(message));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(seq);
        reject(
          new Error(
            `no response to '${command}' ${JSON.stringify(args)?.slice(0, 200)} within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      this.waiting.set(seq, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  /** Writes one frame with this body (any text, valid JSON or not). */
  write(body: string): void {
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  waitForEvent(name: string, timeoutMs = 15_000): Promise<DebugProtocol.Event> {
    const seen = this.events.find((e) => e.event === name);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no '${name}' event within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.eventWaiters.push({
        name,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  /** How many responses answered the request with this seq. */
  responsesTo(seq: number): number {
    return this.responses.filter((r) => r.request_seq === seq).length;
  }

  get lastSeq(): number {
    return this.seq - 1;
  }

  /** Resolves with the exit, or undefined if the process is still alive after `ms`. */
  async exitWithin(ms: number): Promise<Exit | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const r = await Promise.race([
      this.exited,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), ms);
      }),
    ]);
    clearTimeout(timer);
    return r;
  }

  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
  }

  private receive(d: Buffer): void {
    this.data = Buffer.concat([this.data, d]);
    for (;;) {
      const end = this.data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.data.subarray(0, end).toString());
      if (!m) throw new Error(`a frame without Content-Length: ${this.data.subarray(0, end).toString()}`);
      const length = Number(m[1]);
      if (this.data.length < end + 4 + length) return;
      const message = JSON.parse(
        this.data.subarray(end + 4, end + 4 + length).toString(),
      ) as DebugProtocol.ProtocolMessage;
      this.data = this.data.subarray(end + 4 + length);
      if (message.type === 'response') {
        const r = message as DebugProtocol.Response;
        this.responses.push(r);
        this.waiting.get(r.request_seq)?.(r);
        this.waiting.delete(r.request_seq);
      } else if (message.type === 'event') {
        const e = message as DebugProtocol.Event;
        this.events.push(e);
        for (const w of this.eventWaiters.filter((x) => x.name === e.event)) w.resolve(e);
        this.eventWaiters.splice(
          0,
          this.eventWaiters.length,
          ...this.eventWaiters.filter((x) => x.name !== e.event),
        );
      }
    }
  }
}

/** A response that carries a stack trace (a line like "    at f (file.js:1:2)"). */
export function hasStackTrace(r: DebugProtocol.Response): boolean {
  return /\n\s+at .*[:(]/.test(JSON.stringify(r).replace(/\\n/g, '\n'));
}
