// A line breakpoint stops each time execution enters the line, also where clang -O2 jumps from a
// loop into the middle of the next line's code (engine/test/programs/loop_exit_mid_line.c), and
// only once per entry (running on into that branch target from the line's start is no new entry).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { firstEvent, markerLine, root, startSession } from './support/dap';

const program = join(root, 'engine', 'test', 'programs', 'loop_exit_mid_line.c');

for (const optimize of ['O0', 'O2']) {
  test(`-${optimize}: a breakpoint after an unrolled loop stops once per call`, async () => {
    const line = markerLine(program, 'after-loop');
    const s = await startSession({ program, optimize } as Parameters<typeof startSession>[0], {
      lines: { path: program, breakpoints: [{ line }] },
    });
    try {
      let event = s.first;
      let stops = 0;
      while (event.event === 'stopped') {
        stops++;
        const [frame] = (await s.dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
        assert.equal(frame.line, line, `stop ${stops} is at the breakpoint's line`);
        assert.ok(stops <= 6, 'no more stops than calls');
        const next = firstEvent(s.dc, ['stopped', 'terminated']);
        await s.dc.continueRequest({ threadId: 1 });
        event = await next;
      }
      assert.equal(stops, 6);
    } finally {
      await s.dc.stop();
    }
  });
}
