// npx tsx scripts/measure-timeline.ts FILE.c [--args STR] [-O0|-O1|-O2|-Os] [--max-tokens N]
// The Timeline view's requests on a long program, driven as the view drives them (node
// dist/debugAdapter.js over stdio): run to the final `halt` (an opcode breakpoint, so the whole
// run is recorded), then time the `timeline` request for the whole run and for zoomed ranges
// (block sums for wide ones, step-by-step decoding for narrow ones), with the answer's size and
// the adapter's resident memory. docs/debugger.md's "Timeline" figures come from this script.
import type { TimelineAnswer } from '../debug-adapter/session/timeline';
import { launchOverStdio, programOptions } from './support/adapter-session';

function usage(message: string): never {
  console.error(`measure-timeline: ${message}`);
  console.error(
    'usage: npx tsx scripts/measure-timeline.ts FILE.c [--args STR] [-O0|-O1|-O2|-Os] [--max-tokens N]',
  );
  process.exit(2);
}

async function main() {
  const o = programOptions(process.argv.slice(2), usage);
  const { dc, memory } = await launchOverStdio(o, usage);
  await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'halt' }] });
  const t0 = performance.now();
  const first = dc.waitForEvent('stopped');
  await dc.configurationDoneRequest();
  const stop = await first;
  console.log(
    `run to the final halt: stopped (${stop.body.reason}) after ${((performance.now() - t0) / 1000).toFixed(1)} s; ${memory()}`,
  );

  const ask = async (what: string, args: object): Promise<TimelineAnswer> => {
    // The median of 5: one request is a few ms, so the machine's noise would dominate one.
    const times: number[] = [];
    let answer: TimelineAnswer | undefined;
    for (let i = 0; i < 5; i++) {
      const a = performance.now();
      answer = (await dc.customRequest('timeline', args)).body as TimelineAnswer;
      times.push(performance.now() - a);
    }
    times.sort((x, y) => x - y);
    const t = answer!;
    const bytes = JSON.stringify(t).length;
    console.log(
      `${what}: ${times[2].toFixed(1)} ms (median of 5), steps ${t.edges[0]}–${t.edges.at(-1)}, ${t.edges.length - 1} buckets, ${t.exact ? 'decoded step by step' : `${t.blockSteps}-step blocks`}, ${(bytes / 1024).toFixed(0)} KiB of JSON`,
    );
    return t;
  };
  const whole = await ask('whole run, 1000 buckets', { buckets: 1000 });
  const steps = whole.recorded;
  console.log(`recorded steps: ${steps}; hits: ${whole.hits.length}; current: ${whole.current}`);
  await ask('whole run, 4096 buckets', { buckets: 4096 });
  const mid = Math.floor(steps / 2);
  for (const width of [1_000_000, 100_000, 60_000, 10_000, 1_000]) {
    if (width >= steps) continue;
    await ask(`${width.toLocaleString('en-US')} steps around the middle, 1000 buckets`, {
      from: mid - width / 2,
      to: mid + width / 2,
      buckets: 1000,
    });
  }
  console.log(`at the end: ${memory()}`);
  await dc.stop();
}

main().catch((e: unknown) => {
  console.error(`measure-timeline: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
