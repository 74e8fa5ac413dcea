// The reference executor accepts exactly what the transformer can reproduce: programs it cannot
// are refused at load with the line, and memory accesses past the machine's memory fault instead
// of wrapping modulo 2^32.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseProgram } from '../tokens/program-file';
import { MachineError, runReference } from '../vm/reference';

const run = (text: string) => runReference(parseProgram(text, 'p.tvm'));

function refused(text: string, pattern: RegExp): void {
  assert.throws(
    () => run(text),
    (e: unknown) => e instanceof MachineError && pattern.test(e.message),
    `${JSON.stringify(text)} is refused with ${pattern}`,
  );
}

test('global.get / global.set are refused at load, with their line', () => {
  refused(
    '{\ni32.const 01 00 00 00\nglobal.set 00 00 00 00\nhalt 00 00 00 00\n}\n',
    /^line 3: instruction 1 is global\.set/,
  );
  refused('{\nglobal.get ff ff ff ff\nhalt 00 00 00 00\n}\n', /^line 2: instruction 0 is global\.get/);
});

test('an input section needs input_base as the first instruction, and input_base is only first', () => {
  // Read from a file, what follows such a program is its trace; given in code, input is refused.
  const noBase = parseProgram('{\nhalt 00 00 00 00\n}\n', 'p.tvm');
  assert.throws(
    () => runReference({ ...noBase, input: new Uint8Array([0x57]) }),
    (e: unknown) => e instanceof MachineError && /first instruction must be 'input_base'/.test(e.message),
  );
  refused(
    '{\ni32.const 00 00 00 00\ninput_base 00 04 00 00\nhalt 00 00 00 00\n}\n',
    /^line 3: instruction 1 is input_base/,
  );
  const ok = run('{\ninput_base 00 04 00 00\nhalt 00 00 00 00\n}\nW 00 commit(+0,sts=0,bt=0)\n');
  assert.equal(ok.steps, 2);
});

test('a return whose immediate is not the NOT of a distance back into the program is refused', () => {
  // Instruction 2: distance 0 is ~0 = ff ff ff ff; 00 00 00 00 means a distance of 2^32 - 1.
  refused(
    '{\ncall 01 00 00 00\nhalt 00 00 00 00\nreturn 00 00 00 00\n}\n',
    /^line 4: instruction 2: return's immediate 0x0 is not/,
  );
  const ok = run('{\ncall 01 00 00 00\nhalt 00 00 00 00\nreturn ff ff ff ff\n}\n');
  assert.equal(ok.steps, 3);
});

test('address + offset beyond 2^32 faults instead of wrapping', () => {
  // 0xfffffff8 + 8 would wrap to address 0.
  assert.throws(
    () => run('{\ni32.const f8 ff ff ff\ni32.load 08 00 00 00\nhalt 00 00 00 00\n}\n'),
    /memory access at 0x100000000 \(4 bytes\) is outside the machine's 16 MiB memory/,
  );
  assert.throws(
    () =>
      run('{\ni32.const 00 00 00 01\ni32.const 07 00 00 00\ni32.store8 00 00 00 00\nhalt 00 00 00 00\n}\n'),
    /outside the machine's 16 MiB memory/,
  );
});
