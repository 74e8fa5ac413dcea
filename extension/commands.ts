// Palette commands that do not debug: compile the active file to a token program, build the
// universal model, specialize a token program into its own weights.
import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import * as vscode from 'vscode';
import { compileFile } from '../engine/compiler/compile';
import { CompileError } from '../engine/compiler/diagnostics';
import { formatProgram, formatSpecializedInput, parseProgram } from '../engine/tokens/program-file';
import { writeModel } from '../engine/weights/file';
import { specialize } from '../engine/weights/specialize';
import { buildUniversal, universalPath } from '../engine/weights/universal';

export function registerCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('transformerVm.compileFile', (uri?: vscode.Uri) =>
      guard(() => compile(uri)),
    ),
    vscode.commands.registerCommand('transformerVm.buildModel', () => guard(buildModel)),
    vscode.commands.registerCommand('transformerVm.specializeFile', (uri?: vscode.Uri) =>
      guard(() => specializeFile(uri)),
    ),
  );
}

async function guard(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    void vscode.window.showErrorMessage(`Transformer VM: ${(e as Error).message}`);
  }
}

function activeFile(uri: vscode.Uri | undefined, pattern: RegExp, what: string): string {
  const file = (uri ?? vscode.window.activeTextEditor?.document.uri)?.fsPath;
  if (!file || !pattern.test(file)) throw new Error(`open ${what} first`);
  return file;
}

/** NAME.tvm, NAME_spec.tvm, NAME.map.json and NAME.debug.wasm beside the source. */
async function compile(uri?: vscode.Uri): Promise<void> {
  const file = activeFile(uri, /\.(c|wat|wasm)$/i, 'a .c, .wat or .wasm file');
  const args = await vscode.window.showInputBox({
    prompt:
      'Arguments: for main(), words as a shell splits them (argv[1]…); for compute(), the input string. Empty for none',
    value: '',
  });
  if (args === undefined) return;
  try {
    const p = await compileFile(file, { args });
    const base = join(dirname(file), basename(file, extname(file)));
    writeFileSync(`${base}.tvm`, formatProgram(p.instructions, p.input));
    writeFileSync(`${base}_spec.tvm`, formatSpecializedInput(p.input));
    writeFileSync(`${base}.map.json`, `${JSON.stringify(p.sourceMap.toJSON())}\n`);
    writeFileSync(`${base}.debug.wasm`, p.wasm);
    void vscode.window.showInformationMessage(
      `Transformer VM: ${p.instructions.length} instructions → ${basename(base)}.tvm (and _spec.tvm, .map.json, .debug.wasm)`,
    );
  } catch (e) {
    if (e instanceof CompileError) throw new Error(e.message.split('\n')[0]);
    throw e;
  }
}

async function buildModel(): Promise<void> {
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Transformer VM: building the universal model (HiGHS)',
    },
    async () => {
      const built = await buildUniversal(universalPath('highs'), 'highs');
      const m = built.model;
      void vscode.window.showInformationMessage(
        `Transformer VM: d_model ${m.dModel}, ${m.layers.length} layers, ${m.heads} heads, d_ffn ${m.dFfn} (${built.schedule}, ${built.seconds.toFixed(1)} s)`,
      );
    },
  );
}

/** NAME.tvmw beside a token program: its own weights (first Futamura projection). */
async function specializeFile(uri?: vscode.Uri): Promise<void> {
  const file = activeFile(uri, /\.(tvm|txt)$/i, 'a .tvm token program');
  const doc = await vscode.workspace.openTextDocument(file);
  const program = parseProgram(doc.getText(), file);
  if (program.specialized)
    throw new Error(`${basename(file)} is a specialized input; open the program's .tvm`);
  const name = basename(file).replace(/\.(tvm|txt)$/i, '');
  const { model, seconds } = specialize(program.instructions, name);
  const out = join(dirname(file), `${name}.tvmw`);
  writeModel(out, model);
  void vscode.window.showInformationMessage(
    `Transformer VM: ${name} specialized in ${seconds.toFixed(2)} s → ${basename(out)} (d_model ${model.dModel}, d_ffn ${model.dFfn})`,
  );
}
