// npx tsx scripts/measure-debug-session.ts FILE.c --break LINE --back-to LINE [--args STR] [-O0|-O1|-O2|-Os]
//   [--max-tokens N]
// A debug session on a long program, driven as an editor drives it (node dist/debugAdapter.js over
// stdio), timed request by request, with the adapter's resident memory: continue to a breakpoint
// at LINE (near the end of the run), step back one instruction and one line, time-travel to step
// 1000, the middle and the end, ask the Attention view's hits at an early, two middle and a late
// step, then reverse-continue to a breakpoint at --back-to (near the start). The figures of
// docs/debugger.md's "Long programs" come from this script on examples/long/primes.c; the
// asserted bounds live in debug-adapter/test/long-session.test.ts (a shorter program, in npm test).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { adapter, adapterPid, initializeAdapter } from '../debug-adapter/test/support/dap';
import { mib, residentBytes } from '../engine/test/support/peak-rss';

function usage(message: string): never {
  console.error(`measure-debug-session: ${message}`);
  console.error(
    'usage: npx tsx scripts/measure-debug-session.ts FILE.c --break LINE --back-to LINE [--args STR] [-O0|-O1|-O2|-Os] [--max-tokens N]',
  );
  process.exit(2);
}

function positiveInteger(flag: string, text: string | undefined): number {
  if (text === undefined || !/^[1-9]\d*$/.test(text) || !Number.isSafeInteger(Number(text)))
    usage(`${flag} needs a positive integer, not ${text === undefined ? 'nothing' : `'${text}'`}`);
  return Number(text);
}

function parseArgs(argv: string[]) {
  let file: string | undefined;
  let breakLine: number | undefined;
  let backTo: number | undefined;
  let args = '';
  let optimize = 'O2';
  let maxTokens = 300_000_000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--break') breakLine = positiveInteger(a, argv[++i]);
    else if (a === '--back-to') backTo = positiveInteger(a, argv[++i]);
    else if (a === '--max-tokens') maxTokens = positiveInteger(a, argv[++i]);
    else if (a === '--args') {
      if (argv[i + 1] === undefined) usage('--args needs a string');
      args = argv[++i];
    } else if (/^-O[012s]$/.test(a)) optimize = a.slice(1);
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (file === undefined) file = resolve(a);
    else usage(`one program, not ${file} and ${a}`);
  }
  if (file === undefined) usage('which C file?');
  if (!existsSync(file)) usage(`${file}: no such file`);
  if (breakLine === undefined || backTo === undefined) usage('--break and --back-to are required');
  const lines = readFileSync(file, 'utf8').split('\n').length;
  for (const line of [breakLine, backTo]) if (line > lines) usage(`${file} has ${lines} lines, not ${line}`);
  return { file, breakLine, backTo, args, optimize, maxTokens };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(adapter)) usage(`${adapter} is missing: run node scripts/build.mjs`);
  const dc = new DebugClient('node', adapter, 'transformer-vm');
  dc.defaultTimeout = 3_600_000;
  await dc.start();
  const pid = adapterPid(dc);
  const memory = () => {
    const { rss, hwm } = residentBytes(pid);
    return `rss ${mib(rss)}, peak ${mib(hwm)}`;
  };
  await initializeAdapter(dc);
  const initialized = dc.waitForEvent('initialized');
  await dc.launch({ program: o.file, args: o.args, maxTokens: o.maxTokens, optimize: o.optimize });
  await initialized;
  await dc.setBreakpointsRequest({ source: { path: o.file }, breakpoints: [{ line: o.breakLine }] });

  const t0 = performance.now();
  const first = dc.waitForEvent('stopped');
  await dc.configurationDoneRequest();
  const stop = await first;
  const seconds = (performance.now() - t0) / 1000;
  const scopes = await dc.scopesRequest({ frameId: 0 });
  const machine = scopes.body.scopes.find((s) => s.name === 'Machine');
  if (!machine) throw new Error('no Machine scope');
  const vars = await dc.variablesRequest({ variablesReference: machine.variablesReference });
  const value = (name: string) => vars.body.variables.find((v) => v.name === name)?.value;
  const step = Number(value('step'));
  if (!Number.isSafeInteger(step) || step <= 0)
    throw new Error(`the Machine scope's step is ${value('step')}`);
  console.log(
    `continue to line ${o.breakLine}: stopped (${stop.body.reason}) at step ${step}, token position ${value('token position')}, ${seconds.toFixed(1)} s; ${memory()}`,
  );

  const timed = async (what: string, request: () => Promise<unknown>) => {
    const a = performance.now();
    const stopped = dc.waitForEvent('stopped');
    await request();
    await stopped;
    console.log(`${what}: ${(performance.now() - a).toFixed(0)} ms`);
  };
  await timed('step back (instruction)', () =>
    dc.stepBackRequest({ threadId: 1, granularity: 'instruction' }),
  );
  await timed('step back (line)', () => dc.stepBackRequest({ threadId: 1 }));
  for (const [name, to] of [
    ['step 1000', 1000],
    ['the middle', Math.floor(step / 2)],
    ['the end', step - 1],
  ] as const)
    await timed(`time travel to ${name} (${to})`, () => dc.customRequest('timeTravel', { step: to }));
  for (const at of [500, Math.floor(step / 3), Math.floor(step / 2) + 7, step - 5]) {
    const a = performance.now();
    const hits = await dc.customRequest('attentionHits', { step: at });
    const n = Array.isArray(hits.body?.heads) ? hits.body.heads.length : '?';
    console.log(`attention hits at step ${at}: ${(performance.now() - a).toFixed(0)} ms (${n} heads)`);
  }
  await dc.setBreakpointsRequest({ source: { path: o.file }, breakpoints: [{ line: o.backTo }] });
  await timed(`reverse continue to line ${o.backTo}`, () => dc.reverseContinueRequest({ threadId: 1 }));
  console.log(`at the end: ${memory()}`);
  await dc.stop();
}

main().catch((e: unknown) => {
  console.error(`measure-debug-session: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
