// Driving the Debug Adapter the way an editor does: `node dist/debugAdapter.js` over stdio with
// @vscode/debugadapter-testsupport's DebugClient, and the reference executor's state at any step
// to check what the adapter shows.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { OptimizeLevel } from '../../../engine/compiler/clang';
import { compileFile } from '../../../engine/compiler/compile';
import { runReference } from '../../../engine/vm/reference';
import { stateAtStep, type TraceDecoder } from '../../../engine/vm/trace-decoder';
import { DEBUG_OPTIMIZE_DEFAULT } from '../../runtime/launch-options';

export const root = join(__dirname, '..', '..', '..');
export const adapter = join(root, 'dist', 'debugAdapter.js');
export const example = (name: string) => join(root, 'examples', `${name}.c`);

/** The line of a `// @line: NAME` marker in a source file. */
export function markerLine(file: string, name: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(`// @line: ${name}`));
  assert.ok(i >= 0, `marker ${name} in ${file}`);
  return i + 1;
}

/** The line containing `text` in a source file. */
export function lineOf(file: string, text: string): number {
  const i = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `'${text}' in ${file}`);
  return i + 1;
}

export interface Setup {
  readonly functionBreakpoints?: DebugProtocol.FunctionBreakpoint[];
  readonly lines?: { path: string; breakpoints: DebugProtocol.SourceBreakpoint[] };
  /** Milliseconds the client waits for each answer and for the first stop (default 60,000). */
  readonly timeout?: number;
}

/**
 * Starts the adapter, launches `args`, sets breakpoints, sends configurationDone, and returns the
 * client and the first stopped (or terminated) event.
 */
export async function startSession(
  args: {
    program: string;
    args?: string;
    stopOnEntry?: boolean;
    engine?: string;
    maxTokens?: number;
    optimize?: string;
  },
  setup: Setup = {},
) {
  assert.ok(existsSync(adapter), `${adapter} is built (npm test builds it first)`);
  const dc = new DebugClient('node', adapter, 'transformer-vm');
  dc.defaultTimeout = setup.timeout ?? 60_000;
  await dc.start();
  const output: string[] = [];
  const consoleOutput: string[] = [];
  dc.on('output', (e: DebugProtocol.OutputEvent) => {
    if (e.body.category === 'stdout') output.push(e.body.output);
    else consoleOutput.push(e.body.output);
  });
  await initializeAdapter(dc);
  const initialized = dc.waitForEvent('initialized');
  const launched = await dc.launch(args);
  await initialized;
  const bps: {
    functions?: DebugProtocol.SetFunctionBreakpointsResponse;
    lines?: DebugProtocol.SetBreakpointsResponse;
  } = {};
  if (setup.functionBreakpoints)
    bps.functions = await dc.setFunctionBreakpointsRequest({ breakpoints: setup.functionBreakpoints });
  if (setup.lines)
    bps.lines = await dc.setBreakpointsRequest({
      source: { path: setup.lines.path },
      breakpoints: setup.lines.breakpoints,
    });
  const first = firstEvent(dc, ['stopped', 'terminated']);
  await dc.configurationDoneRequest();
  return { dc, launched, bps, first: await first, output, consoleOutput };
}

/**
 * The first of several events, failing after the client's timeout. Unlike racing waitForEvent
 * calls, it leaves no timer behind for the events that did not come (a left-over timer kept
 * every test file alive for a minute after its last test).
 */
export function firstEvent(dc: DebugClient, events: readonly string[]): Promise<DebugProtocol.Event> {
  return new Promise((resolve, reject) => {
    const done = (e: DebugProtocol.Event) => {
      clearTimeout(timer);
      for (const name of events) dc.off(name, done);
      resolve(e);
    };
    const timer = setTimeout(() => {
      for (const name of events) dc.off(name, done);
      reject(new Error(`none of ${events.join(', ')} after ${dc.defaultTimeout} ms`));
    }, dc.defaultTimeout);
    for (const name of events) dc.once(name, done);
  });
}

/** The initialize request as VS Code sends it (1-based lines and columns, paths). */
export async function initializeAdapter(dc: DebugClient): Promise<void> {
  await dc.initializeRequest({
    adapterID: 'transformer-vm',
    linesStartAt1: true,
    columnsStartAt1: true,
    pathFormat: 'path',
  });
}

/** The adapter's process id (DebugClient keeps its child process private). */
export function adapterPid(dc: DebugClient): number {
  const pid = (dc as unknown as { _adapterProcess?: ChildProcess })._adapterProcess?.pid;
  if (pid === undefined) throw new Error('the adapter process has not started');
  return pid;
}

/** Resolves with the next stopped event after `action`. */
export async function after(
  dc: DebugClient,
  action: () => Promise<unknown>,
): Promise<DebugProtocol.StoppedEvent> {
  const stopped = dc.waitForEvent('stopped');
  await action();
  return (await stopped) as DebugProtocol.StoppedEvent;
}

/**
 * The reference executor's machine state after `step` instructions of a C example, built as a
 * launch without `optimize` builds it (F5's debug-build default).
 */
export async function referenceAt(
  file: string,
  args: string,
  step: number,
  optimize: OptimizeLevel = DEBUG_OPTIMIZE_DEFAULT,
): Promise<TraceDecoder> {
  const compiled = await compileFile(file, { args, optimize });
  const program = {
    instructions: compiled.instructions,
    input: compiled.input,
    specialized: false,
    trace: new Int32Array(0),
  };
  return stateAtStep(compiled.instructions, runReference(program).trace, step);
}

/** A scope's variables by name. */
export async function scope(dc: DebugClient, name: string, frameId = 0): Promise<Map<string, string>> {
  const scopes = await dc.scopesRequest({ frameId });
  const s = scopes.body.scopes.find((x) => x.name === name);
  assert.ok(s, `scope ${name}`);
  const vars = await dc.variablesRequest({ variablesReference: s.variablesReference });
  return new Map(vars.body.variables.map((v) => [v.name, v.value]));
}

/** A value as the adapter formats it (the signed reading comes first). */
export const signed = (shown: string | undefined) => Number(shown?.split(' ')[0]);
