// wasm-compile FILE.c|.wat|.wasm [--args STR] [--stdin TEXT | --stdin-file FILE] [-O0|-O1|-O2|-Os]
//              [-o OUT] | --all
// Compiles to a token program (OUT.tvm), a specialized input (OUT_spec.tvm), a source map
// (OUT.map.json) and the linked module with its DWARF (OUT.debug.wasm, the debugger's C view of the
// .tvm), all four or none. The program's input (argv and stdin of a program with main(),
// the input string of compute()) is compiled into it. -O applies to C (default -O2); on a .wat
// or .wasm it is an error, since nothing there is optimized. OUT defaults to data/NAME; an OUT that is an existing folder
// or ends in '/' means "into this folder": OUT/NAME.tvm and so on.
import { statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { type CompiledProgram, compileFile } from '../compiler/compile';
import { loadManifest } from '../manifest';
import { DATA_DIR, parseCli, runMain, UsageError } from './_common';
import { writeCompiled } from './_compiled-files';
import {
  compileOptionsFor,
  PROGRAM_INPUT_OPTIONS,
  PROGRAM_INPUT_USAGE,
  programInputFlags,
} from './_program-input';

const USAGE = `usage: wasm-compile FILE.c|FILE.wat|FILE.wasm ${PROGRAM_INPUT_USAGE} [-o OUT|-o FOLDER/] | wasm-compile --all`;

/** Where the outputs go: OUT, or FOLDER/NAME for an -o that is a folder or ends in a slash. */
function outputBase(output: string | undefined, name: string): string {
  if (output === undefined) return join(DATA_DIR, name);
  if (output === '') throw new UsageError(`-o needs a file name or a folder\n${USAGE}`);
  if (/[\\/]$/.test(output) || isFolder(output)) return join(output, name);
  return output;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function summary(name: string, program: CompiledProgram, out: string): string {
  const kinds = new Map<string, number>();
  for (const row of program.sourceMap.data.instructions) kinds.set(row[1], (kinds.get(row[1]) ?? 0) + 1);
  const parts = [...kinds.entries()].map(([k, n]) => `${n} ${k}`).join(', ');
  return `${name}: ${program.instructions.length} instructions (${parts}) -> ${out}`;
}

runMain('wasm-compile', async () => {
  const { values, positionals } = parseCli(USAGE, {
    ...PROGRAM_INPUT_OPTIONS,
    output: { type: 'string', short: 'o' },
    all: { type: 'boolean' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const flags = programInputFlags(values, USAGE);
  if (values.all) {
    if (positionals.length || values.output) throw new UsageError(`--all takes no file or -o\n${USAGE}`);
    for (const ex of loadManifest()) {
      const program = await compileFile(ex.file, {
        ...compileOptionsFor(ex.file, flags),
        args: values.args ?? ex.args,
      });
      console.log(summary(ex.name, program, writeCompiled(program, join(DATA_DIR, ex.name), ex.file)));
    }
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const file = positionals[0];
  const name = basename(file, extname(file));
  const program = await compileFile(file, compileOptionsFor(file, flags));
  console.log(summary(name, program, writeCompiled(program, outputBase(values.output, name), file)));
  return 0;
});
