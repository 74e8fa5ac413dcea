// The VS Code side: F5 on a C (or WAT, WASM, token) file debugs it on the transformer with no
// launch.json, commands run and debug the active file, and compile errors reported by the adapter
// land in the Problems panel at their lines. The Debug Adapter runs inline, in this process.
import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { DIAGNOSTICS_EVENT, TransformerDebugSession } from '../debug-adapter/session/session';
import { AttentionView } from './attention-view';
import { hoverExpressionAt } from './c-hover-expression';
import { registerCommands } from './commands';
import { TimelineView } from './timeline-view';
import { registerValueHistory } from './value-history';

const TYPE = 'transformer-vm';
const PROGRAM_FILES = /\.(c|wat|wasm|tvm|txt)$/i;

export function activate(context: vscode.ExtensionContext): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('Transformer VM');
  new AttentionView(TYPE).register(context);
  new TimelineView(TYPE).register(context);
  registerCommands(context);
  registerValueHistory(context, TYPE);
  context.subscriptions.push(
    diagnostics,
    vscode.debug.registerDebugConfigurationProvider(TYPE, new ConfigurationProvider()),
    vscode.debug.registerDebugConfigurationProvider(
      TYPE,
      new DynamicConfigurations(),
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.debug.registerDebugAdapterDescriptorFactory(TYPE, {
      createDebugAdapterDescriptor: () =>
        new vscode.DebugAdapterInlineImplementation(new TransformerDebugSession()),
    }),
    vscode.debug.onDidStartDebugSession((s) => {
      if (s.type === TYPE) diagnostics.clear();
    }),
    // A problem the language server reports too is shown once: drop the launch's copy.
    vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) {
        const mine = diagnostics.get(uri);
        if (!mine?.length) continue;
        const all = vscode.languages.getDiagnostics(uri);
        const same = (d: vscode.Diagnostic) =>
          all.filter((x) => x.message === d.message && x.range.start.line === d.range.start.line).length;
        const keep = mine.filter((d) => same(d) < 2);
        if (keep.length !== mine.length) diagnostics.set(uri, keep);
      }
    }),
    vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => {
      if (e.session.type !== TYPE || e.event !== DIAGNOSTICS_EVENT) return;
      showDiagnostics(diagnostics, e.body.diagnostics);
    }),
    // Hovering `x` in `p->x` asks the debugger for `p->x`, not for some variable `x`.
    vscode.languages.registerEvaluatableExpressionProvider('c', {
      provideEvaluatableExpression(document, position) {
        const hit = hoverExpressionAt(document.lineAt(position.line).text, position.character);
        if (!hit) return undefined;
        const range = new vscode.Range(position.line, hit.start, position.line, hit.end);
        return new vscode.EvaluatableExpression(range, hit.expression);
      },
    }),
    vscode.commands.registerCommand('transformerVm.debugFile', (uri?: vscode.Uri | string) =>
      start(asUri(uri), false),
    ),
    vscode.commands.registerCommand('transformerVm.runFile', (uri?: vscode.Uri | string) =>
      start(asUri(uri), true),
    ),
  );
  client = startLanguageClient(context);
}

let client: LanguageClient | undefined;

/** Command arguments come as URIs from menus and as strings from the language server's code lenses. */
const asUri = (u: vscode.Uri | string | undefined) => (typeof u === 'string' ? vscode.Uri.parse(u) : u);

function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/languageServer.js');
  const server: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  const c = new LanguageClient('transformerVm', 'Transformer VM', server, {
    documentSelector: [
      { scheme: 'file', language: 'tvm' },
      { scheme: 'file', language: 'c' },
      { scheme: 'file', pattern: '**/*.txt' },
    ],
  });
  void c.start();
  return c;
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** Starts a session on a file (the active editor's by default). */
async function start(uri: vscode.Uri | undefined, noDebug: boolean): Promise<boolean> {
  const file = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!file || !PROGRAM_FILES.test(file.fsPath)) {
    void vscode.window.showErrorMessage('Transformer VM: open a .c, .wat, .wasm or .tvm file first');
    return false;
  }
  return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(file), configurationFor(file), {
    noDebug,
  });
}

function configurationFor(file: vscode.Uri): vscode.DebugConfiguration {
  return {
    type: TYPE,
    request: 'launch',
    name: `Transformer VM: ${file.path.split('/').pop()}`,
    program: file.fsPath,
    stopOnEntry: false,
  };
}

/** F5 with no launch.json: debug the active file. */
class ConfigurationProvider implements vscode.DebugConfigurationProvider {
  resolveDebugConfiguration(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration | undefined {
    if (!config.type && !config.request && !config.name) {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !PROGRAM_FILES.test(editor.document.fileName)) {
        void vscode.window.showErrorMessage(
          'Transformer VM: open a .c, .wat, .wasm or .tvm file to debug it',
        );
        return undefined;
      }
      return configurationFor(editor.document.uri);
    }
    if (!config.program) {
      void vscode.window.showErrorMessage('Transformer VM: the launch configuration needs a "program"');
      return undefined;
    }
    // A relative "stdinFile" is the workspace folder's (the adapter takes it from "cwd").
    if (folder && config.cwd === undefined) return { ...config, cwd: folder.uri.fsPath };
    return config;
  }
}

/** "Run and Debug" offers the open program files without a launch.json. */
class DynamicConfigurations implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return vscode.window.visibleTextEditors
      .map((e) => e.document.uri)
      .filter((u) => PROGRAM_FILES.test(u.fsPath))
      .map(configurationFor);
  }
}

function showDiagnostics(
  collection: vscode.DiagnosticCollection,
  list: readonly { file: string; line: number; column: number; message: string }[],
): void {
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const d of list) {
    const position = new vscode.Position(Math.max(0, d.line - 1), Math.max(0, d.column - 1));
    // The language server may already show this problem (an open C file): not twice (and the
    // listener above removes the launch's copy if the server's arrives later).
    const shown = vscode.languages
      .getDiagnostics(vscode.Uri.file(d.file))
      .some((x) => x.message === d.message && x.range.start.line === position.line);
    if (shown) continue;
    const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position.translate(0, 1)), d.message);
    diagnostic.source = 'Transformer VM';
    byFile.set(d.file, [...(byFile.get(d.file) ?? []), diagnostic]);
  }
  for (const [file, ds] of byFile) collection.set(vscode.Uri.file(file), ds);
}
