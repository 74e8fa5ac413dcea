// A golden transcript of a short session: every request of a scripted session on hello.c and
// the adapter's response (and the stops it caused), normalized (sequence numbers dropped, the
// repository path replaced by <root>), compared with debug-adapter/test/golden/hello-session.json.
// A change to the protocol surface shows up here as a diff; UPDATE_GOLDEN=1 rewrites the file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { adapter, example, root } from './support/dap';

const GOLDEN = join(__dirname, 'golden', 'hello-session.json');

type Entry = {
  request: string;
  arguments?: unknown;
  success: boolean;
  body?: unknown;
  message?: string;
  stopped?: unknown;
};

function normalize(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null)
      .split(root)
      .join('<root>'),
  );
}

test('golden transcript: a short session on hello.c', async () => {
  const dc = new DebugClient('node', adapter, 'transformer-vm');
  dc.defaultTimeout = 60_000; // clang and the model load: seconds on a loaded machine
  await dc.start();
  const transcript: Entry[] = [];
  const call = async (request: string, args: unknown, stops = false) => {
    const stopped = stops ? dc.waitForEvent('stopped') : undefined;
    const r = (await dc
      .send(request, args)
      .catch((e: Error) => ({ success: false, message: e.message }))) as DebugProtocol.Response;
    const entry: Entry = { request, arguments: normalize(args), success: r.success, body: normalize(r.body) };
    if (!r.success) entry.message = r.message;
    if (stopped) entry.stopped = normalize((await stopped).body);
    transcript.push(entry);
    return r;
  };
  try {
    await call('initialize', {
      adapterID: 'transformer-vm',
      linesStartAt1: true,
      columnsStartAt1: true,
      pathFormat: 'path',
    });
    const initialized = dc.waitForEvent('initialized');
    await call('launch', { program: example('hello'), args: 'golden', engine: 'js', stopOnEntry: true });
    await initialized;
    await call('setFunctionBreakpoints', { breakpoints: [{ name: 'output', condition: 'stack[0] == 33' }] });
    await call('configurationDone', {}, true);
    await call('threads', {});
    await call('stackTrace', { threadId: 1 });
    const scopes = (await call('scopes', { frameId: 0 })) as DebugProtocol.ScopesResponse;
    await call('continue', { threadId: 1 }, true);
    const frames = (await call('stackTrace', { threadId: 1 })) as DebugProtocol.StackTraceResponse;
    const refreshed = (await call('scopes', { frameId: 0 })) as DebugProtocol.ScopesResponse;
    for (const s of refreshed.body.scopes.filter((x) => x.name === 'Machine' || x.name === 'Operand stack'))
      await call('variables', { variablesReference: s.variablesReference });
    await call('evaluate', { expression: 'stack[0]', frameId: 0, context: 'watch' });
    await call('evaluate', { expression: 'local[99]', frameId: 0, context: 'watch' });
    await call('disassemble', {
      memoryReference: frames.body.stackFrames[0].instructionPointerReference,
      instructionOffset: -1,
      instructionCount: 3,
    });
    await call('next', { threadId: 1, granularity: 'instruction' }, true);
    await call('stepBack', { threadId: 1, granularity: 'instruction' }, true);
    await call('disconnect', {});
    void scopes;
  } finally {
    await dc.stop();
  }
  const text = `${JSON.stringify(transcript, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) {
    writeFileSync(GOLDEN, text);
    if (!process.env.UPDATE_GOLDEN)
      assert.fail(`wrote ${GOLDEN}: check it in, then the test compares against it`);
  }
  assert.deepEqual(JSON.parse(text), JSON.parse(readFileSync(GOLDEN, 'utf8')));
});
