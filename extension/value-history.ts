// The Variables pane's "where did this come from" commands: on any row (a C variable or member,
// a memory row, a WebAssembly local, an operand-stack entry), "Go to Where This Was Written"
// travels to the step that last wrote the value (the editor shows that C line) and says whether
// the attention head that read it agrees; "Show Writes of This Value" lists every write (step,
// C line, value before → after) and travels to the one picked.
import * as vscode from 'vscode';

/** What VS Code hands a `debug/variables/context` command. */
interface VariableContext {
  readonly sessionId?: string;
  readonly container?: { readonly variablesReference?: number };
  readonly variable?: { readonly name?: string; readonly evaluateName?: string };
}

interface StepPlace {
  readonly step: number;
  readonly op: string;
  readonly function?: string;
  readonly file?: string;
  readonly line?: number;
}

interface ProvenanceBody {
  readonly name: string;
  readonly cell: string;
  readonly writer: StepPlace | null;
  readonly attention: readonly { head: string; readStep: number; agrees: boolean }[];
  readonly attentionNote?: string;
  readonly agrees: boolean;
}

interface WritesBody {
  readonly name: string;
  readonly total: number;
  readonly writes: readonly (StepPlace & { before: string; after: string })[];
}

export function registerValueHistory(context: vscode.ExtensionContext, type: string): void {
  const session = (c: VariableContext) => {
    const s = vscode.debug.activeDebugSession;
    if (!s || s.type !== type || (c.sessionId && s.id !== c.sessionId))
      throw new Error('no Transformer VM session is stopped');
    return s;
  };
  const target = (c: VariableContext) => ({
    variablesReference: c.container?.variablesReference,
    name: c.variable?.name,
  });
  const where = (p: StepPlace) =>
    `step ${p.step.toLocaleString('en-US')} (${p.op}${p.line ? `, line ${p.line}` : ''}${p.function ? ` in ${p.function}` : ''})`;
  const guard = (f: (c: VariableContext) => Promise<void>) => async (c: VariableContext) => {
    try {
      await f(c ?? {});
    } catch (e) {
      void vscode.window.showWarningMessage(`Transformer VM: ${(e as Error).message}`);
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(
      'transformerVm.goToWriter',
      guard(async (c) => {
        const s = session(c);
        const p = (await s.customRequest('provenance', target(c))) as ProvenanceBody;
        if (!p.writer) {
          void vscode.window.showInformationMessage(
            `${p.name} (${p.cell}) was never written before this step: it holds its initial value.`,
          );
          return;
        }
        const heads = p.attention.length
          ? `; the attention of step ${p.attention[0].readStep} (${p.attention[0].head}) ${p.agrees ? 'agrees' : 'DISAGREES'}`
          : p.attentionNote
            ? ` (${p.attentionNote})`
            : '';
        await s.customRequest('timeTravel', { step: p.writer.step });
        void vscode.window.showInformationMessage(`${p.name} was written at ${where(p.writer)}${heads}.`);
      }),
    ),
    vscode.commands.registerCommand(
      'transformerVm.showWrites',
      guard(async (c) => {
        const s = session(c);
        const w = (await s.customRequest('writes', { ...target(c), limit: 1000 })) as WritesBody;
        if (!w.writes.length) {
          void vscode.window.showInformationMessage(`${w.name} was never written before this step.`);
          return;
        }
        const picked = await vscode.window.showQuickPick(
          [...w.writes].reverse().map((x) => ({
            label: `${x.before} → ${x.after}`,
            description: where(x),
            step: x.step,
          })),
          {
            title: `Writes of ${w.name}: ${w.total.toLocaleString('en-US')}${w.total > w.writes.length ? ` (the latest ${w.writes.length})` : ''}, latest first`,
            placeHolder: 'Pick a write to travel to the step that made it',
          },
        );
        if (picked) await s.customRequest('timeTravel', { step: picked.step });
      }),
    ),
  );
}
