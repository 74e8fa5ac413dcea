// A main program's input (engine/compiler/program-input.ts) and the words of `--args`
// (engine/util/shell-words.ts): argv and stdin survive the encoding for every value (fast-check),
// arrive exactly in a compiled C program on the reference executor and on V8 (every stdin byte
// 0..255), and a string of arguments splits as /bin/sh splits it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { decodeMainInput, encodeMainInput, ProgramInputError } from '../compiler/program-input';
import { ShellWordsError, splitShellWords } from '../util/shell-words';
import { runBoth } from './support/oracle';

const work = mkdtempSync(join(tmpdir(), 'tvm-program-input-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A word: any Unicode text without NUL (lone surrogates are not text: UTF-8 cannot hold them). */
const word = fc
  .array(
    fc.oneof(
      fc.integer({ min: 1, max: 8 }), // the encoding's own bytes and their neighbours, often
      fc.integer({ min: 1, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff),
    ),
    { maxLength: 12 },
  )
  .map((cps) => String.fromCodePoint(...cps));

test('encodeMainInput / decodeMainInput round-trip any argv and stdin, with no NUL in the input', () => {
  fc.assert(
    fc.property(
      fc.array(word, { minLength: 1, maxLength: 6 }),
      fc.uint8Array({ maxLength: 64 }),
      (argv, stdin) => {
        const input = encodeMainInput({ argv, stdin });
        assert.ok(!input.includes(0), 'the input section ends at its first NUL: none inside');
        const back = decodeMainInput(input);
        assert.deepEqual(back?.argv, argv);
        assert.deepEqual([...(back?.stdin ?? [])], [...stdin]);
      },
    ),
    { numRuns: 500 },
  );
  // Every byte value on stdin, and the escapes themselves in argv.
  const every = Uint8Array.from({ length: 256 }, (_, i) => i);
  const input = encodeMainInput({ argv: ['p', '\x01\x02\x03', ''], stdin: every });
  assert.deepEqual(decodeMainInput(input), { argv: ['p', '\x01\x02\x03', ''], stdin: every });
  assert.throws(() => encodeMainInput({ argv: ['p', 'a\0b'], stdin: new Uint8Array() }), ProgramInputError);
  assert.equal(decodeMainInput(new TextEncoder().encode('plain compute input')), undefined);
});

/** Prints each argv word on its own line, then echoes stdin byte for byte, then exits argc. */
const ECHO = `#include <stdio.h>
int main(int argc, char **argv) {
  for (int i = 0; i < argc; i++) { fputs(argv[i], stdout); putchar('\\n'); }
  int c;
  while ((c = getchar()) != EOF) putchar(c);
  return argc;
}
`;
const echo = join(work, 'echo.c');
writeFileSync(echo, ECHO);

async function checkArrives(argv: string[], stdin: Uint8Array): Promise<void> {
  const { v8, reference } = await runBoth(echo, argv, { stdin });
  const expected = Buffer.concat([
    ...['echo', ...argv].map((w) => Buffer.from(`${w}\n`, 'utf8')),
    Buffer.from(stdin),
  ]);
  assert.deepEqual(Buffer.from(v8.output), expected, 'V8 prints argv and stdin exactly');
  assert.deepEqual(Buffer.from(reference.output), expected, 'the reference executor prints the same');
  assert.equal(v8.status, (argv.length + 1) & 0xff);
  assert.equal(reference.end.status, v8.status, 'the exit status is argc on both');
}

test('argv and every stdin byte 0..255 arrive exactly in a C program, on V8 and the reference', async () => {
  const every = Uint8Array.from({ length: 512 }, (_, i) => i & 0xff);
  await checkArrives(['a', 'b c', '', '\x01\x02\x03\x7f', 'é€😀'], every);
  await checkArrives([], new Uint8Array());
  // A few random inputs (each is a compilation; the encoding itself is checked above at length).
  const samples = fc.sample(fc.tuple(fc.array(word, { maxLength: 4 }), fc.uint8Array({ maxLength: 40 })), {
    numRuns: 4,
    seed: 12,
  });
  for (const [argv, stdin] of samples) await checkArrives(argv, stdin);
});

/** The words /bin/sh makes of `text` (nothing in the alphabet below expands), or null on an error. */
function shWords(text: string): string[] | null {
  const r = spawnSync('/bin/sh', ['-c', `printf '%s\\0' X ${text}`], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return r.stdout.split('\0').slice(1, -1);
}

test('splitShellWords: quotes, backslashes and empty words as /bin/sh splits them', () => {
  const cases: [string, string[]][] = [
    ['', []],
    ['  a  b\tc ', ['a', 'b', 'c']],
    [`a 'b c'`, ['a', 'b c']],
    [`"d\\"e" f\\ g`, ['d"e', 'f g']],
    [`'' ""`, ['', '']],
    [`a''b "x"'y'z`, ['ab', 'xyz']],
    [`'a\\b' "a\\b" a\\b`, ['a\\b', 'a\\b', 'ab']],
    [`"\\\\ \\$ \\\`"`, ['\\ $ `']],
    ['a\\', ['a\\']],
    ['a\\\nb', ['ab']],
    ['"a\\\nb"', ['ab']],
    [`"it's" 'say "hi"'`, ["it's", 'say "hi"']],
    ['| > $HOME *', ['|', '>', '$HOME', '*']],
  ];
  for (const [text, words] of cases) assert.deepEqual(splitShellWords(text), words, JSON.stringify(text));
  for (const [text, message] of [
    [`'open`, /unterminated ' quote at character 1/],
    [`a "open`, /unterminated " quote at character 3/],
  ] as const)
    assert.throws(
      () => splitShellWords(text),
      (e: unknown) => e instanceof ShellWordsError && message.test(e.message),
    );
});

test('splitShellWords agrees with /bin/sh on random text of quotes, backslashes and blanks', () => {
  const text = fc
    .array(fc.constantFrom('a', 'b', ' ', '\t', "'", '"', '\\', '\\\\', '\\"', "\\'", '""', "''"), {
      maxLength: 14,
    })
    .map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, (t) => {
      const sh = shWords(t);
      let ours: string[] | null;
      try {
        ours = splitShellWords(t);
      } catch (e) {
        assert.ok(e instanceof ShellWordsError);
        ours = null;
      }
      assert.deepEqual(ours, sh, JSON.stringify(t));
    }),
    { numRuns: 300, seed: 7 },
  );
});
