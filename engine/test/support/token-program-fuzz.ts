// Property-based fuzzing of the token-program reader (engine/tokens/program-file.ts) and of the
// token-file reading the command-line tools do (engine/cli/_common.ts readProgramFile). Shared by
// the time-bounded fuzz target (token-program.fuzz.ts) and the fixed-seed test in `npm test`.
//
// The reader's contract, whatever the text: it returns a program, or throws its own
// TokenFileError whose message is `FILE:LINE:COLUMN: reason` with a position inside the text and a
// short reason; never another exception, never a hang, never time or memory beyond linear. A
// program it returns is well formed and reads back unchanged after being written out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { OPCODES } from '../../tokens/opcodes';
import {
  formatProgram,
  formatSpecializedInput,
  formatTrace,
  type Instruction,
  parseProgram,
  promptTokens,
  TokenFileError,
  type TokenProgram,
} from '../../tokens/program-file';
import { readProgramFile } from '../../tokens/read-program';
import { tokenText, VOCAB_SIZE } from '../../tokens/vocabulary';

const FILE = 'fuzz.tvm';

/** A failed property: thrown with the input that broke it. */
export class Finding extends Error {}

let observer: ((input: string | Uint8Array) => void) | undefined;
/** Sees every input before it is tried (the fuzz target keeps it, to print it if the reader hangs). */
export function observeInputs(f: typeof observer): void {
  observer = f;
}

/** The reader on `text`, checked against its contract; returns the program when there is one. */
export function checkReader(text: string, file = FILE): TokenProgram | undefined {
  observer?.(text);
  const start = performance.now();
  let program: TokenProgram | undefined;
  try {
    program = parseProgram(text, file);
  } catch (e) {
    if (!(e instanceof TokenFileError))
      throw new Finding(
        `not a TokenFileError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
      );
    checkPosition(e, text, file);
  }
  // Linear time. The reader does 1 to 5 MB/s (less on a loaded machine); 100 KB/s plus two
  // seconds is a bound no load reaches and no quadratic or endless loop stays under.
  const ms = performance.now() - start;
  if (ms > 2000 + text.length / 100) throw new Finding(`${ms.toFixed(0)} ms for ${text.length} characters`);
  if (program) checkProgram(program, file);
  return program;
}

function checkPosition(e: TokenFileError, text: string, file: string): void {
  const m = /^(.*):(\d+):(\d+): (.+)$/s.exec(e.message);
  if (!m || m[1] !== file)
    throw new Finding(`message not FILE:LINE:COLUMN: reason: ${e.message.slice(0, 200)}`);
  const [line, column] = [Number(m[2]), Number(m[3])];
  if (line !== e.line || column !== e.column)
    throw new Finding(`message ${m[2]}:${m[3]} but fields ${e.line}:${e.column}`);
  const lines = text.split('\n');
  if (line < 1 || line > lines.length)
    throw new Finding(`line ${line} outside the text's ${lines.length} lines`);
  // The column may point one past a line's last character (a token is missing at its end).
  if (column < 1 || column > lines[line - 1].length + 1)
    throw new Finding(`column ${column} outside line ${line} (${lines[line - 1].length} characters)`);
  if (m[4].length > 300) throw new Finding(`a ${m[4].length}-character reason`);
}

function checkProgram(p: TokenProgram, file: string): void {
  for (const ins of p.instructions) {
    if (!OPCODES.some((o) => o.name === ins.op)) throw new Finding(`unknown op ${ins.op}`);
    if (!Number.isInteger(ins.imm) || ins.imm < 0 || ins.imm > 0xffffffff)
      throw new Finding(`immediate ${ins.imm}`);
  }
  if (p.specialized && p.instructions.length) throw new Finding('a specialized input with instructions');
  if (p.input?.some((b) => b === 0)) throw new Finding('a 00 inside the input');
  for (const id of p.trace) if (!(id >= 0 && id < VOCAB_SIZE)) throw new Finding(`trace token id ${id}`);
  // Written back and read again: the same program (the trace, text after the input, aside).
  const again = parseProgram(
    p.specialized ? formatSpecializedInput(p.input) : formatProgram(p.instructions, p.input),
    file,
  );
  if (!samePrompt(p, again)) throw new Finding('the program does not read back unchanged');
}

function samePrompt(a: TokenProgram, b: TokenProgram): boolean {
  const x = promptTokens(a);
  const y = promptTokens(b);
  return a.specialized === b.specialized && x.length === y.length && x.every((v, i) => v === y[i]);
}

// ---- Inputs ----

const instruction: fc.Arbitrary<Instruction> = fc.record({
  op: fc.constantFrom(...OPCODES.map((o) => o.name)),
  imm: fc.oneof(fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xffffffff), fc.nat({ max: 0xffffffff })),
});
const inputBytes = fc.option(fc.uint8Array({ minLength: 0, maxLength: 64 }).map((a) => a.map((b) => b || 1)));

/** A well-formed program: instructions and an optional input section. */
export const validProgram = fc
  .record({ instructions: fc.array(instruction, { maxLength: 40 }), input: inputBytes })
  .map(({ instructions, input }) => ({ instructions: withInputBase(instructions, input !== null), input }));

/**
 * A program has an input section exactly when it starts with `input_base` (the section is that
 * instruction's trace); without it, what follows `}` is a trace.
 */
function withInputBase(instructions: Instruction[], hasInput: boolean): Instruction[] {
  const rest = instructions.filter((ins) => ins.op !== 'input_base');
  return hasInput ? [{ op: 'input_base', imm: 0x400 }, ...rest] : rest;
}

const vocabularyWords = Array.from({ length: VOCAB_SIZE }, (_, id) => tokenText(id));
/** Words a mutation inserts: the vocabulary, near misses, numbers, unicode and very long words. */
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...vocabularyWords) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "ff''",
      'FF',
      '0',
      '000',
      'g1',
      "'",
      'commit(+0,sts=0,bt=2)',
      'out()',
      'out(100)',
      '{{',
      '}}',
      '99999999999999999999999999',
      '1e300',
      '-1',
      '0x10',
      'NaN',
      '\u0000',
      '\ufeff',
      'é',
      '𝔘',
      'i32.const8',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.nat({ max: 5000 }).map((n) => 'x'.repeat(n)) },
);
const separator = fc.constantFrom(' ', '\n', '\t', '\r\n', '  ', '\u00a0', '\u2028', '\n\n', '');

type Mutation =
  | { kind: 'insert' | 'replace'; at: number; word: string }
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'join'; at: number; sep: string };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('insert' as const, 'replace' as const), at: fc.nat(), word }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('join' as const), at: fc.nat(), sep: separator }),
);

/** The text of a valid program (or reference file) with tokens inserted, deleted and replaced. */
export const mutatedProgram = fc
  .tuple(validProgram, fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([p, mutations, specialized]) => {
    const text = specialized ? formatSpecializedInput(p.input) : formatProgram(p.instructions, p.input);
    const words = text.split(/(\s+)/);
    for (const m of mutations) {
      const at = words.length ? m.at % words.length : 0;
      if (m.kind === 'join') words[at] = m.sep;
      else if (m.kind === 'delete') words.splice(at, 1);
      else if (m.kind === 'duplicate') words.splice(at, 0, words[at] ?? '');
      else if (m.kind === 'insert') words.splice(at, 0, ' ', m.word, ' ');
      else if (m.kind === 'replace') words[at] = m.word;
    }
    return words.join('');
  });

/** Texts no program starts from: any unicode, and whitespace with stray words. */
export const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.tuple(word, separator), { maxLength: 60 }).map((ws) => ws.flat().join('')),
);

/** Very long inputs: a long line of instructions, a long input section, a long word, deep nesting. */
export const hugeText = fc.oneof(
  fc.nat({ max: 20_000 }).map((n) => `{ ${'i32.const 00 00 00 00 '.repeat(n)}}`),
  fc.nat({ max: 200_000 }).map((n) => `{\n}\n${'a '.repeat(n)}00 commit(+0,sts=0,bt=0)\n`),
  fc.nat({ max: 1_000_000 }).map((n) => `{\n${'9'.repeat(n)}\n}`),
  fc.nat({ max: 100_000 }).map((n) => `${'{'.repeat(n)}`),
  fc.nat({ max: 100_000 }).map((n) => `{\n${'\n'.repeat(n)}halt 00 00 00`),
);

/** A reference file as wasm-reference writes it: the program, then the input section and the trace. */
export const referenceFile = fc
  .tuple(
    fc.array(instruction, { maxLength: 10 }),
    fc.uint8Array({ maxLength: 20 }).map((a) => a.map((b) => b || 1)),
    fc.array(fc.nat({ max: VOCAB_SIZE - 1 }), { maxLength: 50 }),
    fc.boolean(),
  )
  .map(([instructions, input, trace, hasInput]) => ({
    instructions: withInputBase(instructions, hasInput),
    input: hasInput ? input : null,
    trace,
  }));

// ---- Properties ----

/** Runs one property with a seed and a number of runs. */
export type PropertyRun = (o: { seed: number; numRuns: number }) => fc.RunDetails<unknown>;
const runner =
  <T>(p: fc.IProperty<[T]>): PropertyRun =>
  (o) =>
    fc.check(p, o) as fc.RunDetails<unknown>;

export function readerProperties(dir: string): Record<PropertyName, PropertyRun> {
  let files = 0;
  const properties = {
    /** Mutated programs: a program or a TokenFileError at a real position. */
    mutated: fc.property(mutatedProgram, (text) => {
      checkReader(text);
    }),
    random: fc.property(randomText, (text) => {
      checkReader(text);
    }),
    huge: fc.property(hugeText, (text) => {
      checkReader(text);
    }),
    /** Valid programs read back exactly. */
    roundTrip: fc.property(validProgram, (p) => {
      const read = checkReader(formatProgram(p.instructions, p.input));
      const same =
        read !== undefined &&
        !read.specialized &&
        read.trace.length === 0 &&
        JSON.stringify(read.instructions) === JSON.stringify(p.instructions) &&
        String(read.input) === String(p.input);
      if (!same) throw new Finding('a valid program does not read back');
      const spec = checkReader(formatSpecializedInput(p.input));
      if (!spec?.specialized || String(spec.input) !== String(p.input))
        throw new Finding('a specialized input does not read back');
    }),
    /** A reference file (with an input section) reads back with its trace. */
    referenceRoundTrip: fc.property(referenceFile, ({ instructions, input, trace }) => {
      const section = input
        ? promptTokens({ instructions: [], input, specialized: true, trace: new Int32Array() }).slice(1)
        : [];
      const text = formatProgram(instructions, null) + formatTrace([...section, ...trace], section.length);
      const read = checkReader(text);
      if (!read || String(read.input) !== String(input) || String(read.trace) !== String(trace))
        throw new Finding('a reference file does not read back with its trace');
    }),
    /** The CLIs' reading: any bytes in a file, decoded as the tools do. */
    fileBytes: fc.property(
      fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        mutatedProgram.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
      ),
      (bytes) => {
        observer?.(bytes);
        const path = join(dir, `f${files++ % 8}.tvm`);
        writeFileSync(path, bytes);
        try {
          readProgramFile(path);
        } catch (e) {
          if (!(e instanceof TokenFileError))
            throw new Finding(
              `readProgramFile: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
            );
          if (!e.message.startsWith(`${path}:`))
            throw new Finding(`message does not name the file: ${e.message}`);
        }
      },
    ),
  };
  return {
    mutated: runner(properties.mutated),
    random: runner(properties.random),
    huge: runner(properties.huge),
    roundTrip: runner(properties.roundTrip),
    referenceRoundTrip: runner(properties.referenceRoundTrip),
    fileBytes: runner(properties.fileBytes),
  };
}

export type PropertyName = 'mutated' | 'random' | 'huge' | 'roundTrip' | 'referenceRoundTrip' | 'fileBytes';

/** A scratch folder for the file property, removed by the returned function. */
export function scratchDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tvm-fuzz-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
