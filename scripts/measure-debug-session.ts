// npx tsx scripts/measure-debug-session.ts FILE.c --break LINE --back-to LINE [--args STR] [-O0|-O1|-O2|-Os]
//   [--max-tokens N]
// A debug session on a long program, driven as an editor drives it (node dist/debugAdapter.js over
// stdio), timed request by request, with the adapter's resident memory: continue to a breakpoint
// at LINE (near the end of the run), step back one instruction and one line, time-travel to step
// 1000, the middle and the end, ask the Attention view's hits at an early, two middle and a late
// step, then reverse-continue to a breakpoint at --back-to (near the start). The figures of
// docs/debugger.md's "Long programs" come from this script on examples/long/primes.c; the
// asserted bounds live in debug-adapter/test/long-session.test.ts (a shorter program, in npm test).
import { readFileSync } from 'node:fs';
import { launchOverStdio, positiveInteger, programOptions } from './support/adapter-session';

function usage(message: string): never {
  console.error(`measure-debug-session: ${message}`);
  console.error(
    'usage: npx tsx scripts/measure-debug-session.ts FILE.c --break LINE --back-to LINE [--args STR] [-O0|-O1|-O2|-Os] [--max-tokens N]',
  );
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let breakLine: number | undefined;
  let backTo: number | undefined;
  const o = programOptions(argv, usage, (flag, next) => {
    if (flag === '--break') breakLine = positiveInteger(flag, next(), usage);
    else if (flag === '--back-to') backTo = positiveInteger(flag, next(), usage);
    else return false;
    return true;
  });
  if (breakLine === undefined || backTo === undefined) usage('--break and --back-to are required');
  const lines = readFileSync(o.file, 'utf8').split('\n').length;
  for (const line of [breakLine, backTo])
    if (line > lines) usage(`${o.file} has ${lines} lines, not ${line}`);
  return { ...o, breakLine, backTo };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const { dc, memory } = await launchOverStdio(o, usage);
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
