// The Debug Adapter's requests under property-based fuzzing (fast-check): random sequences of DAP
// requests (every command the adapter knows, and unknown ones) with random arguments (numbers of
// every kind, numeric and non-numeric strings, null, arrays, missing fields, non-object
// arguments), before and after a launch, sent to the real adapter process over stdio, one
// process per sequence. The property: every request gets exactly one response within a time
// bound, no response carries a stack trace, the process stays alive until `disconnect`, and
// then exits with 0. Shared by dap.fuzz.ts (timed) and dap-fuzz.test.ts (fixed seed).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { compileFile } from '../../../engine/compiler/compile';
import { formatProgram } from '../../../engine/tokens/program-file';
import { adapter, example } from './dap';
import { hasStackTrace, RawAdapter } from './raw-adapter';

/** Most time any one request may take to be answered (a launch loads the model). */
export const RESPONSE_TIMEOUT_MS = 20_000;
/** Most time the process may take to exit after `disconnect`. */
export const EXIT_TIMEOUT_MS = 5_000;

export interface Request {
  readonly command: string;
  readonly args: unknown;
}

/**
 * A compiled hello.c (token program with its source map), so a launch costs no compile; `remove`
 * deletes its folder.
 */
export async function fuzzProgram(): Promise<{ tvm: string; source: string; remove: () => void }> {
  if (!existsSync(adapter)) throw new Error(`${adapter} is missing: run npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), 'tvm-dap-fuzz-'));
  const source = example('hello');
  const compiled = await compileFile(source, { args: 'fuzz' });
  const tvm = join(dir, 'hello.tvm');
  writeFileSync(tvm, formatProgram(compiled.instructions, compiled.input));
  writeFileSync(join(dir, 'hello.map.json'), JSON.stringify(compiled.sourceMap.toJSON()));
  return { tvm, source, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Any value a careless client could put in an argument. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    0,
    1,
    2,
    3,
    5,
    17,
    -1,
    -5,
    1.5,
    0.5,
    -0.5,
    1e300,
    -1e300,
    2 ** 31,
    2 ** 32,
    2 ** 53,
    2 ** 63,
    1e8,
    1e9,
    1e12,
  ),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double(),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-1',
    '1e300',
    'abc',
    '',
    '0x10',
    '3',
    '1.5',
    ' 7 ',
    '{_stack}',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 20 }),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant([]),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({}),
  fc.boolean(),
);

/** The argument names of each command (the adapter's, DAP's, and this debugger's custom ones). */
const FIELDS: Record<string, readonly string[]> = {
  initialize: ['adapterID', 'pathFormat', 'linesStartAt1', 'columnsStartAt1', 'supportsProgressReporting'],
  launch: ['program', 'args', 'engine', 'model', 'stopOnEntry', 'maxTokens'],
  configurationDone: [],
  setBreakpoints: ['source', 'breakpoints', 'lines'],
  setFunctionBreakpoints: ['breakpoints'],
  setInstructionBreakpoints: ['breakpoints'],
  setExceptionBreakpoints: ['filters'],
  threads: [],
  continue: ['threadId'],
  next: ['threadId', 'granularity'],
  stepIn: ['threadId', 'granularity'],
  stepOut: ['threadId', 'granularity'],
  stepBack: ['threadId', 'granularity'],
  reverseContinue: ['threadId'],
  pause: ['threadId'],
  stackTrace: ['threadId', 'startFrame', 'levels'],
  scopes: ['frameId'],
  variables: ['variablesReference', 'start', 'count', 'filter'],
  evaluate: ['expression', 'frameId', 'context'],
  readMemory: ['memoryReference', 'offset', 'count'],
  disassemble: ['memoryReference', 'offset', 'instructionOffset', 'instructionCount', 'resolveSymbols'],
  attentionHits: ['step'],
  timeTravel: ['step'],
  terminate: [],
  source: ['sourceReference'],
  goto: ['threadId', 'targetId'],
  setVariable: ['variablesReference', 'name', 'value'],
  attach: [],
  restart: [],
  cancel: ['requestId'],
  loadedSources: [],
  breakpointLocations: ['source', 'line'],
};

const knownValue = (field: string, program: { tvm: string; source: string }): fc.Arbitrary<unknown> => {
  switch (field) {
    case 'program':
      return fc.constantFrom(
        program.tvm,
        program.tvm,
        join(program.tvm, '..', 'none.tvm'),
        '/dev/zero',
        '/tmp',
      );
    case 'engine':
      return fc.constantFrom('native', 'js', 'graph', 'bogus');
    case 'model':
      return fc.constantFrom('/dev/zero', '/nonexistent.tvmw');
    case 'memoryReference':
      return fc.constantFrom('0x0', '0x10', '0', '5', '0xffffffff', 'nowhere', '-3', '0x');
    case 'expression':
      return fc.constantFrom(
        'step',
        'stack[0]',
        'mem32[sp]',
        '((((1))))',
        `${'('.repeat(3000)}1${')'.repeat(3000)}`,
        '1/0',
        'nonsense[',
      );
    case 'source':
      return fc.constantFrom({ path: program.source }, { name: 'x.c' }, {});
    case 'breakpoints':
      return fc.array(
        fc.record(
          {
            line: anyValue,
            name: fc.constantFrom('output', 'compute', 'no.such', 5),
            instructionReference: fc.constantFrom('0x1', '0x20', 'z'),
            offset: anyValue,
            condition: fc.constantFrom('stack[0] == 72', 'nonsense', '', 7),
            hitCondition: fc.constantFrom('3', '>= 2', '% 0', 'x', '9'.repeat(400)),
            logMessage: fc.constantFrom('at {step}', '{', 9),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      );
    case 'granularity':
      return fc.constantFrom('instruction', 'line', 'statement', 'bogus');
    case 'pathFormat':
      return fc.constantFrom('path', 'uri');
    default:
      return anyValue;
  }
};

export function requestArbitrary(program: { tvm: string; source: string }): fc.Arbitrary<Request> {
  const known = Object.keys(FIELDS).map((command) =>
    fc
      .record(
        Object.fromEntries(FIELDS[command].map((f) => [f, fc.oneof(knownValue(f, program), anyValue)])),
        { requiredKeys: [] },
      )
      .map((args): Request => ({ command, args })),
  );
  const validLaunch = fc
    .record({ stopOnEntry: fc.boolean(), engine: fc.constantFrom('native', 'js') })
    .map((o): Request => ({ command: 'launch', args: { program: program.tvm, ...o } }));
  const oddArgs = fc
    .record({
      command: fc.constantFrom(...Object.keys(FIELDS)),
      args: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.nat())),
    })
    .map((r): Request => r);
  const unknown = fc
    .string({ minLength: 1, maxLength: 12 })
    .map((command): Request => ({ command, args: {} }));
  return fc.oneof(
    { arbitrary: fc.oneof(...known), weight: 8 },
    { arbitrary: validLaunch, weight: 2 },
    { arbitrary: oddArgs, weight: 1 },
    { arbitrary: unknown, weight: 1 },
  );
}

/**
 * Sequences: nothing first, an initialize, or (most often) a session launched and stopped at
 * its entry; then anything.
 */
export function sequenceArbitrary(program: { tvm: string; source: string }): fc.Arbitrary<Request[]> {
  const init: Request = { command: 'initialize', args: { adapterID: 'transformer-vm', pathFormat: 'path' } };
  const launched: Request[] = [
    init,
    { command: 'launch', args: { program: program.tvm, stopOnEntry: true } },
    { command: 'configurationDone', args: {} },
  ];
  return fc
    .tuple(
      fc.constantFrom<Request[]>([], [init], launched, launched, launched),
      fc.array(requestArbitrary(program), { minLength: 1, maxLength: 25 }),
    )
    .map(([prefix, rest]) => [...prefix, ...rest]);
}

/** Runs one sequence against a fresh adapter; throws (with what broke) when the property fails. */
export async function checkSequence(requests: readonly Request[]): Promise<void> {
  const a = new RawAdapter();
  try {
    for (const r of requests) {
      const response = await a.request(r.command, r.args, RESPONSE_TIMEOUT_MS);
      if (hasStackTrace(response))
        throw new Error(
          `a stack trace in the response to '${r.command}': ${JSON.stringify(response).slice(0, 800)}`,
        );
      if (response.success === false && (response.message ?? '').includes('\n'))
        throw new Error(`a multi-line error message for '${r.command}': ${response.message}`);
      if (a.exit)
        throw new Error(
          `the adapter exited (${JSON.stringify(a.exit)}) before disconnect, after '${r.command}'; stderr: ${a.stderr}`,
        );
    }
    await new Promise((resolve) => setTimeout(resolve, 20)); // a late second response would show here
    const disconnect = await a.request('disconnect', {}, RESPONSE_TIMEOUT_MS);
    const exit = await a.exitWithin(EXIT_TIMEOUT_MS);
    if (!exit) throw new Error(`the adapter is still running ${EXIT_TIMEOUT_MS} ms after disconnect`);
    if (exit.code !== 0)
      throw new Error(
        `the adapter exited with ${JSON.stringify(exit)} after disconnect; stderr: ${a.stderr}`,
      );
    for (let seq = 1; seq <= disconnect.request_seq; seq++) {
      const n = a.responsesTo(seq);
      if (n !== 1)
        throw new Error(
          `request ${seq} ('${requests[seq - 1]?.command ?? 'disconnect'}') got ${n} responses`,
        );
    }
    if (/more than one response|^\s+at /m.test(a.stderr))
      throw new Error(`stderr: ${a.stderr.slice(0, 800)}`);
  } finally {
    a.kill();
  }
}
