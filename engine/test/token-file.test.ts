import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatProgram,
  formatSpecializedInput,
  formatTrace,
  parseProgram,
  promptTokens,
  TokenFileError,
} from '../tokens/program-file';
import { COMMITS, commitText, tokenId, tokenText, VOCAB_SIZE } from '../tokens/vocabulary';
import { runReference } from '../vm/reference';

const hello = `{
input_base 00 04 00 00
i32.const 05 00 00 00
output 00 00 00 00
halt 00 00 00 00
}
W o r l d 00 commit(+0,sts=0,bt=0)
`;

test('vocabulary: every token has one canonical text and back', () => {
  for (let id = 0; id < VOCAB_SIZE; id++) assert.equal(tokenId(tokenText(id)), id);
  assert.equal(COMMITS.length, 14);
  assert.deepEqual(COMMITS.filter((c) => c.bt === 0).map(commitText), [
    'commit(+1,sts=1,bt=0)',
    'commit(+0,sts=1,bt=0)',
    'commit(+0,sts=0,bt=0)',
    'commit(-1,sts=1,bt=0)',
    'commit(-1,sts=0,bt=0)',
    'commit(-2,sts=1,bt=0)',
    'commit(-2,sts=0,bt=0)',
  ]);
  assert.equal(tokenId('W'), tokenId('57'), 'ASCII aliases mean the byte');
  assert.equal(tokenId('{'), tokenId('{'));
  assert.notEqual(tokenId('{'), tokenId('7b'), '{ is a delimiter, never an alias');
  assert.equal(tokenText(tokenId("ff'")), "ff'");
  assert.equal(tokenText(tokenId('out(H)')), 'out(H)');
  assert.equal(tokenId('out(48)'), -1, 'printable output bytes have one spelling');
});

test('a token program round-trips through its text form', () => {
  const p = parseProgram(hello, 'hello.tvm');
  assert.equal(p.instructions.length, 4);
  assert.deepEqual(p.instructions[0], { op: 'input_base', imm: 0x400 });
  assert.deepEqual(Buffer.from(p.input!).toString(), 'World');
  assert.equal(formatProgram(p.instructions, p.input), hello);
  assert.equal(promptTokens(p).length, 1 + 4 * 5 + 1 + 5 + 2);
  const spec = parseProgram(formatSpecializedInput(p.input), 'hello_spec.tvm');
  assert.equal(spec.specialized, true);
  assert.equal(Buffer.from(spec.input!).toString(), 'World');
});

test('input bytes that are not printable are written in hex, delimiters never as aliases', () => {
  const text = formatProgram(
    [
      { op: 'input_base', imm: 0x400 },
      { op: 'halt', imm: 0 },
    ],
    new TextEncoder().encode('a b{}\n'),
  );
  assert.match(text, /^a 20 b 7b 7d 0a 00 commit\(\+0,sts=0,bt=0\)$/m);
  assert.deepEqual(Buffer.from(parseProgram(text, 'x.tvm').input!).toString(), 'a b{}\n');
});

function errorOf(text: string): TokenFileError {
  try {
    parseProgram(text, 'bad.tvm');
  } catch (e) {
    assert.ok(e instanceof TokenFileError, `expected a TokenFileError, got ${e}`);
    return e;
  }
  assert.fail('expected the file to be rejected');
}

test('malformed token files: the error names file, line, column and the problem', () => {
  const cases: [string, string, number, number][] = [
    ['{\ni32.const 05 00 00 00\nfrobnicate 00 00 00 00\n}\n', "unknown token 'frobnicate'", 3, 1],
    ['{\ni32.const 05 0g 00 00\n}\n', "bad hex byte '0g'", 2, 14],
    ['{\ni32.const 05 FF 00 00\n}\n', "bad hex byte 'FF'", 2, 14],
    [
      '{\ni32.const 05 00\n}\n',
      "incomplete instruction: 'i32.const' needs 4 immediate bytes, found 2 before '}'",
      2,
      1,
    ],
    ['{\ni32.const 05 00 00 00\nhalt 00 00 00 00\n', "missing '}'", 3, 17],
    ['{\ni32.const 05 00 00 00\n05 00 00 00\n}\n', "expected an opcode or '}', found '05'", 3, 1],
    ['i32.const 05 00 00 00\n', "a token program starts with '{'", 1, 1],
    ['{\ninput_base 00 04 00 00\n}\nW o r l d\n', "the input section must end with '00'", 4, 10],
    [
      '{\ninput_base 00 04 00 00\n}\nW 00 commit(+1,sts=1,bt=0)\n',
      "must be followed by 'commit(+0,sts=0,bt=0)'",
      4,
      6,
    ],
    ['', 'empty token file', 1, 1],
  ];
  for (const [text, reason, line, column] of cases) {
    const e = errorOf(text);
    assert.ok(e.message.includes(reason), `${JSON.stringify(text)}: ${e.message}`);
    assert.ok(e.message.startsWith(`bad.tvm:${e.line}:${e.column}: `));
    assert.equal(e.line, line, `${reason}: line`);
    assert.equal(e.column, column, `${reason}: column`);
  }
});

test('the reference file of a program without input_base reads back: what follows is its trace', () => {
  // local.tee of 0x00abcdef emits 'ef cd ab 00 commit(+0,sts=0,bt=0)', which looks like an input section.
  const program = parseProgram(
    '{\ni32.const ef cd ab 00\nlocal.tee 00 00 00 00\nhalt 00 00 00 00\n}\n',
    'tee.tvm',
  );
  const ref = runReference(program);
  const text = formatProgram(program.instructions, null) + formatTrace(ref.trace);
  const back = parseProgram(text, 'tee_ref.tvm');
  assert.equal(back.input, null);
  assert.deepEqual(Array.from(back.trace), Array.from(ref.trace));
});

test('a reference trace file parses as program, input and trace', () => {
  const ref = `${hello.replace(/\n$/, '')}\n05 00 00 00 commit(+1,sts=1,bt=0)\nout(05)\nhalt\n`;
  const p = parseProgram(ref, 'hello_ref.tvm');
  assert.deepEqual(Array.from(p.trace, tokenText), [
    '05',
    '00',
    '00',
    '00',
    'commit(+1,sts=1,bt=0)',
    'out(05)',
    'halt',
  ]);
});

test('immediates are hex byte tokens only: a character alias there is an error at its column', () => {
  const e = errorOf('{\ni32.const 8 00 00 00\nhalt 00 00 00 00\n}\n');
  assert.equal(e.line, 2);
  assert.equal(e.column, 11);
  assert.match(
    e.message,
    /^bad\.tvm:2:11: 'i32\.const' immediate byte 1 must be two hex digits, not the character alias '8'/,
  );
  assert.throws(() => parseProgram('{\nhalt 00 00 00 W\n}\n', 'x.tvm'), /x\.tvm:2:15: .*alias 'W'/);
  // Aliases stay valid in the input section.
  assert.equal(Buffer.from(parseProgram(hello, 'hello.tvm').input!).toString(), 'World');
});
