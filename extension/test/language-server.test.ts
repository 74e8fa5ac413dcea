// The language server over LSP, as an editor talks to it (`node dist/languageServer.js --stdio`):
// diagnostics for token programs (unknown token, bad hex, incomplete instruction, missing `}`,
// jump outside the program) and for C files (constructs the machine cannot run, at their lines),
// hover, go to definition, document symbols, folding, semantic tokens and the code lens.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { compileFile } from '../../engine/compiler/compile';
import { formatProgram } from '../../engine/tokens/program-file';

const root = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'tvm-lsp-test-'));
let server: ChildProcess;
let lsp: ProtocolConnection;
const diagnostics = new Map<string, Diagnostic[]>();
const waiters: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];

before(async () => {
  server = spawn(process.execPath, [join(root, 'dist', 'languageServer.js'), '--stdio'], { stdio: 'pipe' });
  lsp = createProtocolConnection(
    new StreamMessageReader(server.stdout!),
    new StreamMessageWriter(server.stdin!),
  );
  lsp.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
    diagnostics.set(p.uri, p.diagnostics);
    for (const w of waiters.filter((x) => x.uri === p.uri)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p.diagnostics);
    }
  });
  lsp.listen();
  await lsp.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await lsp.sendNotification('initialized', {});
});
after(async () => {
  // The protocol's own ending: the server exits by itself (and removes its scratch folder).
  const exited = new Promise((resolve) => server.once('exit', resolve));
  await lsp.sendRequest('shutdown');
  await lsp.sendNotification('exit');
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
  lsp.dispose();
  server.kill();
  rmSync(work, { recursive: true, force: true });
  assert.equal(code, 0, 'the language server exits after shutdown and exit');
});

let version = 0;
/** Opens a document and resolves with its first diagnostics. */
function open(file: string, text: string, languageId: string): Promise<Diagnostic[]> {
  const uri = pathToFileURL(file).href;
  const done = new Promise<Diagnostic[]>((resolve) => waiters.push({ uri, resolve }));
  void lsp.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version: ++version, text },
  });
  return done;
}

const uriOf = (f: string) => pathToFileURL(f).href;

test('token programs: each kind of mistake is a diagnostic at its place', async () => {
  const cases: [string, RegExp, number, number][] = [
    ['{\ni32.const 05 00 00 00\ni32.frob 00 00 00 00\n}\n', /unknown token 'i32.frob'/, 2, 0],
    ['{\ni32.const 0G 00 00 00\n}\n', /bad hex byte '0G'/, 1, 10],
    ['{\ni32.const 05 00 00\n}\n', /incomplete instruction: 'i32.const' needs 4 immediate bytes/, 1, 0],
    ['{\ni32.const 05 00 00 00\n', /'}'/, -1, -1],
    ['{\nbr 10 00 00 00\nhalt 00 00 00 00\n}\n', /br to instruction 17, outside the program \(0 … 1\)/, 1, 0],
  ];
  for (const [k, [text, message, line, character]] of cases.entries()) {
    const file = join(work, `bad${k}.tvm`);
    const d = await open(file, text, 'tvm');
    assert.equal(d.length, 1, `${k}: ${JSON.stringify(d)}`);
    assert.match(d[0].message, message, `${k}`);
    if (line >= 0)
      assert.deepEqual([d[0].range.start.line, d[0].range.start.character], [line, character], `${k}`);
  }
  const good = await open(join(work, 'good.tvm'), '{\ni32.const 05 00 00 00\nhalt 00 00 00 00\n}\n', 'tvm');
  assert.deepEqual(good, []);
});

test('a source map of another program is refused with a diagnostic, not used', async () => {
  const compiled = await compileFile(join(root, 'examples', 'fibonacci.c'), { args: '10' });
  const file = join(work, 'other.tvm');
  const text = '{\ni32.const 05 00 00 00\nhalt 00 00 00 00\n}\n';
  writeFileSync(join(work, 'other.map.json'), JSON.stringify(compiled.sourceMap.toJSON()));
  const d = await open(file, text, 'tvm');
  assert.equal(d.length, 1, JSON.stringify(d));
  assert.match(d[0].message, /other\.map\.json: .*(another program|instruction).*; C lines are not shown/);
  assert.deepEqual([d[0].range.start.line, d[0].range.start.character], [0, 0]);
});

test('hover, definition, symbols, folding and semantic tokens on a compiled program with its source map', async () => {
  const compiled = await compileFile(join(root, 'examples', 'fibonacci.c'), { args: '10' });
  const file = join(work, 'fibonacci.tvm');
  const text = formatProgram(compiled.instructions, compiled.input);
  writeFileSync(file, text);
  writeFileSync(join(work, 'fibonacci.map.json'), JSON.stringify(compiled.sourceMap.toJSON()));
  assert.deepEqual(await open(file, text, 'tvm'), []);
  const lines = readFileSync(file, 'utf8').split('\n');
  // A call instruction: hover names its target and C line; definition goes to the target.
  const callLine = lines.findIndex((l, i) => l.startsWith('call ') && compiled.sourceMap.location(i - 1));
  const callIndex = callLine - 1;
  const target = callIndex + 1 + (compiled.instructions[callIndex].imm | 0);
  const hover = (await lsp.sendRequest('textDocument/hover', {
    textDocument: { uri: uriOf(file) },
    position: { line: callLine, character: 1 },
  })) as { contents: { value: string } };
  assert.match(hover.contents.value, new RegExp(`instruction ${callIndex}\\*\\*: \`call\``));
  assert.match(hover.contents.value, new RegExp(`calls instruction ${target}`));
  assert.match(hover.contents.value, /from (fibonacci\.c|tvm\.h):\d+/);
  const onByte = (await lsp.sendRequest('textDocument/hover', {
    textDocument: { uri: uriOf(file) },
    position: { line: callLine, character: 6 },
  })) as { contents: { value: string } };
  assert.match(onByte.contents.value, /byte 0 of the immediate/);
  const def = (await lsp.sendRequest('textDocument/definition', {
    textDocument: { uri: uriOf(file) },
    position: { line: callLine, character: 1 },
  })) as { range: { start: { line: number } } };
  assert.equal(def.range.start.line, target + 1);
  const symbols = (await lsp.sendRequest('textDocument/documentSymbol', {
    textDocument: { uri: uriOf(file) },
  })) as {
    name: string;
  }[];
  for (const name of ['compute', 'printf'])
    assert.ok(
      symbols.some((s) => s.name === name),
      name,
    );
  const folds = (await lsp.sendRequest('textDocument/foldingRange', {
    textDocument: { uri: uriOf(file) },
  })) as unknown[];
  assert.ok(folds.length >= 2);
  const semantic = (await lsp.sendRequest('textDocument/semanticTokens/full', {
    textDocument: { uri: uriOf(file) },
  })) as {
    data: number[];
  };
  assert.equal(
    semantic.data.length / 5,
    text.split(/\s+/).filter(Boolean).length,
    'one semantic token per token',
  );
});

test('C files: what the machine cannot run is a diagnostic at its line; a code lens above main or compute', async () => {
  const file = join(work, 'floaty.c');
  const text =
    'void compute(const char *input) {\n  long double x = 2.5;\n  printf("%d\\n", (int)(x * input[0]));\n}\n';
  const d = await open(file, text, 'c');
  assert.ok(d.length >= 1, JSON.stringify(d));
  assert.ok(
    d.some((x) => x.range.start.line === 1 && /long double is not supported/.test(x.message)),
    JSON.stringify(d),
  );
  const lenses = (await lsp.sendRequest('textDocument/codeLens', { textDocument: { uri: uriOf(file) } })) as {
    range: { start: { line: number } };
    command: { title: string; command: string };
  }[];
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command.title, l.command.command]),
    [
      [0, 'Run on Transformer VM', 'transformerVm.runFile'],
      [0, 'Debug', 'transformerVm.debugFile'],
    ],
  );
  const fine = await open(
    join(work, 'fine.c'),
    'void compute(const char *input) { printf("%s", input); }\n',
    'c',
  );
  assert.deepEqual(fine, []);
  // An ordinary C program: standard headers compile, and the lens sits above main.
  const ordinary = join(work, 'ordinary.c');
  const ordinaryDiagnostics = await open(
    ordinary,
    '#include <stdio.h>\n\nstatic int twice(int x) { return 2 * x; }\n\nint main(int argc, char **argv) {\n  printf("%d %s\\n", twice(argc), argv[0]);\n  return 0;\n}\n',
    'c',
  );
  assert.deepEqual(ordinaryDiagnostics, []);
  const mainLenses = (await lsp.sendRequest('textDocument/codeLens', {
    textDocument: { uri: uriOf(ordinary) },
  })) as {
    range: { start: { line: number } };
    command: { title: string };
  }[];
  assert.deepEqual(
    mainLenses.map((l) => [l.range.start.line, l.command.title]),
    [
      [4, 'Run on Transformer VM'],
      [4, 'Debug'],
    ],
  );
});
