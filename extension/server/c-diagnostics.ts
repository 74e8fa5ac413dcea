// Diagnostics for C files: the compiler run in the background on the editor's text (copied to a
// scratch folder under the same name), reporting constructs the machine cannot run at their lines.
// It compiles as F5 does (the debug build): the lines are the source's own, unmoved by the
// optimizer, and a launch's report of the same problem is the same diagnostic.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DEBUG_OPTIMIZE_DEFAULT } from '../../debug-adapter/runtime/launch-options';
import { compileFile } from '../../engine/compiler/compile';
import { CompileError, locatedDiagnostics } from '../../engine/compiler/diagnostics';

export interface CProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

let scratch: string | undefined;

/** Compiles `text` as the C file `file`; returns its problems (empty when it compiles). */
export async function checkC(file: string, text: string): Promise<CProblem[]> {
  if (!scratch) {
    const dir = mkdtempSync(join(tmpdir(), 'tvm-lsp-'));
    scratch = dir;
    // The server's copies of open C files go with it.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  const dir = join(scratch, String(Math.abs(hash(file))));
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, basename(file));
  writeFileSync(copy, text);
  try {
    await compileFile(copy, { optimize: DEBUG_OPTIMIZE_DEFAULT });
    return [];
  } catch (e) {
    if (!(e instanceof CompileError)) return [{ line: 1, column: 1, message: (e as Error).message }];
    // Problems in this file only (the scratch copy has its name); the runtime header's are not its.
    const out: CProblem[] = locatedDiagnostics(e, copy).filter((d) => basename(d.file) === basename(file));
    if (!out.length) out.push({ line: 1, column: 1, message: e.message.split('\n')[0] });
    return out;
  }
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
