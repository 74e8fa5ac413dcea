// The adapter's side of the gdb oracle: runs a C program under the debug adapter to every
// `// @bp:` marker, and compares the Locals and Globals scopes at the wanted hits with what gdb
// recorded, value by value (children read over DAP: array elements paged, struct members by name,
// a pointer's `*NAME` child for what it points at; addresses are never compared).
import assert from 'node:assert/strict';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { DEBUG_OPTIMIZE_DEFAULT } from '../../runtime/launch-options';
import { startSession } from './dap';
import {
  type BreakpointMarker,
  expectedDisplay,
  type GdbRun,
  type GdbValue,
  quoted,
  type Snapshot,
} from './gdb';

type Variable = DebugProtocol.Variable;

/** One difference between gdb and the adapter: where, and both values. */
export interface Mismatch {
  readonly stop: string;
  readonly path: string;
  readonly gdb: string;
  readonly ours: string;
}

/** A scope's variables, by name. */
export async function scopeVariables(dc: DebugClient, name: string, frameId: number): Promise<Variable[]> {
  const scopes = await dc.scopesRequest({ frameId });
  const s = scopes.body.scopes.find((x) => x.name === name);
  assert.ok(s, `no '${name}' scope; scopes: ${scopes.body.scopes.map((x) => x.name).join(', ')}`);
  return (await dc.variablesRequest({ variablesReference: s.variablesReference })).body.variables;
}

/** A variable's children; indexed ones (array elements) are read in pages of `page`. */
export async function childrenOf(dc: DebugClient, v: Variable, page = 64): Promise<Variable[]> {
  if (!v.variablesReference) return [];
  if (v.indexedVariables !== undefined && v.indexedVariables > 0) {
    const out: Variable[] = [];
    for (let start = 0; start < v.indexedVariables; start += page) {
      const count = Math.min(page, v.indexedVariables - start);
      const r = await dc.variablesRequest({
        variablesReference: v.variablesReference,
        filter: 'indexed',
        start,
        count,
      });
      out.push(...r.body.variables);
    }
    return out;
  }
  return (await dc.variablesRequest({ variablesReference: v.variablesReference })).body.variables;
}

/** What gdb shows for a value, in one line, for a mismatch report. */
function gdbShown(g: GdbValue): string {
  const shown = expectedDisplay(g);
  if (shown !== undefined) return shown;
  if (g.k === 'pointer')
    return `(a pointer${g.string ? ` to ${quoted(g.string)}` : ''}${g.to ? ` to ${gdbShown(g.to)}` : ''})`;
  if (g.k === 'function') return `(a pointer to ${g.name})`;
  if (g.k === 'array') return `{${g.elems.map(gdbShown).join(', ')}}`.slice(0, 300);
  if (g.k === 'struct')
    return `{${g.members.map(([n, m]) => `${n} = ${gdbShown(m)}`).join(', ')}}`.slice(0, 300);
  return `(${g.k})`;
}

/** Compares one adapter variable with gdb's value, recursively; differences go to `out`. */
export async function compareValue(
  dc: DebugClient,
  stop: string,
  path: string,
  v: Variable,
  g: GdbValue,
  out: Mismatch[],
): Promise<void> {
  const miss = (what: string, gdb: string, ours: string) => out.push({ stop, path: what, gdb, ours });
  const expected = expectedDisplay(g);
  // Aggregates are compared whole only while their summary is short enough not to be cut off.
  if (
    expected !== undefined &&
    (expected.length <= 150 || (g.k !== 'array' && g.k !== 'struct')) &&
    v.value !== expected
  )
    miss(path, expected, v.value);
  switch (g.k) {
    case 'array': {
      const kids = await childrenOf(dc, v);
      if (kids.length !== g.elems.length)
        miss(`${path} (element count)`, String(g.elems.length), String(kids.length));
      for (let i = 0; i < g.elems.length; i++) {
        const kid = kids.find((k) => k.name === `[${i}]`);
        if (!kid) miss(`${path}[${i}]`, gdbShown(g.elems[i]), '(missing)');
        else await compareValue(dc, stop, `${path}[${i}]`, kid, g.elems[i], out);
      }
      return;
    }
    case 'struct': {
      const kids = await childrenOf(dc, v);
      for (const [name, m] of g.members) {
        const kid = kids.find((k) => k.name === name);
        if (!kid) miss(`${path}.${name}`, gdbShown(m), '(missing)');
        else await compareValue(dc, stop, `${path}.${name}`, kid, m, out);
      }
      const extra = kids.filter((k) => !g.members.some(([n]) => n === k.name));
      for (const k of extra) miss(`${path}.${k.name}`, '(no such member)', k.value);
      return;
    }
    case 'pointer': {
      if (!/^0x[0-9a-f]*[1-9a-f][0-9a-f]*( |$)/.test(v.value)) miss(path, '(a non-null pointer)', v.value);
      if (g.string !== undefined) {
        const tail = g.string === null ? '<cannot read>' : quoted(g.string);
        if (!v.value.endsWith(` ${tail}`)) miss(`${path} (string)`, tail, v.value);
      }
      if (g.to !== undefined && g.to !== null) {
        const kids = await childrenOf(dc, v);
        const pointee = kids.find((k) => k.name.startsWith('*'));
        if (!pointee) miss(`*${path}`, gdbShown(g.to), '(no pointee child)');
        else await compareValue(dc, stop, `(*${path})`, pointee, g.to, out);
      }
      return;
    }
    case 'function':
      if (!new RegExp(`^0x[0-9a-f]+ <${g.name}>$`).test(v.value)) miss(path, `0x… <${g.name}>`, v.value);
      return;
    case 'void':
      if (!/^0x[0-9a-f]+$/.test(v.value)) miss(path, '(a void pointer)', v.value);
      return;
    default:
      return;
  }
}

/** Compares a scope's named variables with gdb's list: same names, same values. */
async function compareScope(
  dc: DebugClient,
  stop: string,
  scopeName: string,
  frameId: number,
  expected: [string, GdbValue][],
  exact: boolean,
  out: Mismatch[],
) {
  const vars = await scopeVariables(dc, scopeName, frameId);
  for (const [name, g] of expected) {
    const v = vars.find((x) => x.name === name);
    if (!v) out.push({ stop, path: `${scopeName}: ${name}`, gdb: gdbShown(g), ours: '(missing)' });
    else await compareValue(dc, stop, name, v, g, out);
  }
  if (exact)
    for (const v of vars.filter((x) => !expected.some(([n]) => n === x.name)))
      out.push({ stop, path: `${scopeName}: ${v.name}`, gdb: '(not a local in gdb)', ours: v.value });
}

/**
 * Runs `file` under the adapter to every marker, in the same order as gdb did, and compares every
 * snapshot gdb took. Returns the stops as the adapter made them and every mismatch.
 */
export async function runAdapterAgainst(
  file: string,
  markers: readonly BreakpointMarker[],
  gdb: GdbRun,
  optimize: string = DEBUG_OPTIMIZE_DEFAULT,
): Promise<{ stops: string[]; mismatches: Mismatch[] }> {
  const byLine = new Map(markers.map((m) => [m.line, m]));
  const wanted = new Map<string, Snapshot>(gdb.snapshots.map((s) => [s.stop, s]));
  const { dc, first } = await startSession(
    { program: file, optimize },
    { lines: { path: file, breakpoints: markers.map((m) => ({ line: m.line })) } },
  );
  const stops: string[] = [];
  const mismatches: Mismatch[] = [];
  const hits = new Map<string, number>();
  try {
    let event = first as DebugProtocol.Event;
    while (event.event === 'stopped') {
      const frame = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
      const marker = byLine.get(frame.line);
      assert.ok(marker, `${file}: stopped at line ${frame.line} (${frame.name}), which has no breakpoint`);
      const hit = (hits.get(marker.name) ?? 0) + 1;
      hits.set(marker.name, hit);
      const stop = `${marker.name}#${hit}`;
      stops.push(stop);
      const snapshot = wanted.get(stop);
      if (snapshot) {
        await compareScope(dc, stop, 'Locals', frame.id, snapshot.locals, true, mismatches);
        if (snapshot.globals.length)
          await compareScope(dc, stop, 'Globals', frame.id, snapshot.globals, false, mismatches);
      }
      const next = nextStopOrEnd(dc);
      await dc.continueRequest({ threadId: 1 });
      event = await next;
    }
  } finally {
    await dc.stop();
  }
  return { stops, mismatches };
}

/**
 * The next `stopped` or `terminated` event, without a waiting listener left behind on either (a
 * session stops dozens of times) and without a timeout: the test's own timeout bounds it.
 */
function nextStopOrEnd(dc: DebugClient): Promise<DebugProtocol.Event> {
  return new Promise((resolve) => {
    const done = (e: DebugProtocol.Event) => {
      dc.off('stopped', done);
      dc.off('terminated', done);
      resolve(e);
    };
    dc.on('stopped', done);
    dc.on('terminated', done);
  });
}

/** Mismatches as lines: program, breakpoint and hit, variable path, gdb's value and ours. */
export function describeMismatches(file: string, mismatches: readonly Mismatch[]): string {
  return mismatches.map((m) => `${file} ${m.stop} ${m.path}: gdb ${m.gdb}, ours ${m.ours}`).join('\n');
}
