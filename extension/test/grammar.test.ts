// The TextMate grammar of token programs and traces, run with VS Code's own tokenizer
// (vscode-textmate over the Oniguruma regex engine): every kind of token gets its scope.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry } from 'vscode-textmate';

const root = join(__dirname, '..', '..');

async function grammar() {
  const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => {
      const file = join(root, 'syntaxes', 'tvm.tmLanguage.json');
      return parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
  });
  const g = await registry.loadGrammar('source.tvm');
  assert.ok(g);
  return g;
}

test('the token grammar scopes opcodes, bytes, commits, output, control tokens and delimiters', async () => {
  const g = await grammar();
  const scopes = (line: string) => {
    const r = g.tokenizeLine(line, INITIAL);
    return r.tokens
      .filter((t) => line.slice(t.startIndex, t.endIndex).trim())
      .map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]] as const);
  };
  assert.deepEqual(scopes('{'), [['{', 'punctuation.section.block.begin.tvm']]);
  assert.deepEqual(scopes('i32.add 00 00 00 00').slice(0, 2), [
    ['i32.add', 'keyword.operator.arithmetic.tvm'],
    ['00', 'constant.numeric.byte.tvm'],
  ]);
  assert.deepEqual(scopes('br_if f3 ff ff ff')[0], ['br_if', 'keyword.control.flow.tvm']);
  assert.deepEqual(scopes('i32.store8 00 00 00 00')[0], ['i32.store8', 'keyword.operator.memory.tvm']);
  assert.deepEqual(scopes('local.tee 02 00 00 00')[0], ['local.tee', 'variable.language.local.tvm']);
  const trace = scopes("48 00' 00 00 commit(-1,sts=1,bt=0) out(H) out(0a) branch_taken call_commit halt W }");
  assert.deepEqual(trace, [
    ['48', 'constant.numeric.byte.tvm'],
    ["00'", 'constant.numeric.byte.carry.tvm'],
    ['00', 'constant.numeric.byte.tvm'],
    ['00', 'constant.numeric.byte.tvm'],
    ['commit(-1,sts=1,bt=0)', 'storage.type.commit.tvm'],
    ['out(H)', 'string.other.output.tvm'],
    ['out(0a)', 'string.other.output.tvm'],
    ['branch_taken', 'keyword.control.transfer.tvm'],
    ['call_commit', 'keyword.control.transfer.tvm'],
    ['halt', 'keyword.control.flow.tvm'],
    ['W', 'string.unquoted.alias.tvm'],
    ['}', 'punctuation.section.block.end.tvm'],
  ]);
  // Not tokens of the language: left unscoped.
  assert.deepEqual(scopes('i32.mul 0g'), [['i32.mul 0g', 'source.tvm']]);
});
