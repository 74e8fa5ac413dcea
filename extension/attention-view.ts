// The attention view: at the current step, what every attention head selected (the
// `attentionHits` request, on any engine), drawn as arcs over the token stream around the current
// position (tokens as text, one bracket per instruction, far targets at an edge marker with their
// distance; attention-layout.ts computes where), as a heat strip of heads × recent positions and
// as a table. Clicking a token, an arc or a hit travels to the step that wrote that token. In the
// Run and Debug sidebar, and in an editor tab ("Transformer VM: Open Attention View"). It
// refreshes on every stop and asks nothing while the program runs. The webview's script is inline
// with a nonce and loads nothing (CSP: default-src 'none').
import * as vscode from 'vscode';
import type { AttentionAnswer } from '../debug-adapter/session/attention';
import { attentionHtml as html } from './attention-html';
import { type ArcLayout, layoutArcs } from './attention-layout';

type Answer = AttentionAnswer & { readonly layout: ArcLayout };

export class AttentionView implements vscode.WebviewViewProvider {
  static readonly id = 'transformerVm.attention';
  /** The open views, each with its width in pixels (the arcs' row fits it; attention-layout.ts). */
  private readonly views = new Map<vscode.Webview, number>();
  private last?: AttentionAnswer | { error: string };

  constructor(private readonly type: string) {}

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      vscode.window.registerWebviewViewProvider(AttentionView.id, this),
      vscode.debug.onDidChangeActiveStackItem(() => void this.refresh()),
      vscode.debug.onDidTerminateDebugSession(() => this.post({ error: 'no program is stopped' })),
      vscode.commands.registerCommand('transformerVm.openAttention', () => this.openPanel()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.attach(view.webview);
    view.onDidDispose(() => this.views.delete(view.webview));
  }

  private openPanel(): void {
    const panel = vscode.window.createWebviewPanel(
      'transformerVm.attentionPanel',
      'Attention',
      vscode.ViewColumn.Beside,
      {
        enableScripts: true,
      },
    );
    this.attach(panel.webview);
    panel.onDidDispose(() => this.views.delete(panel.webview));
  }

  private attach(webview: vscode.Webview): void {
    webview.options = { enableScripts: true };
    webview.html = html(nonce());
    webview.onDidReceiveMessage((m: { travel?: number; width?: number }) => {
      if (typeof m.width === 'number' && m.width > 0) {
        // The webview's script says how wide it is (at load and on resize): lay the arcs out again.
        this.views.set(webview, m.width);
        if (this.last) void webview.postMessage(this.message(this.last, m.width));
        return;
      }
      const session = vscode.debug.activeDebugSession;
      if (session?.type === this.type && m.travel !== undefined)
        void session.customRequest('timeTravel', { step: m.travel }).then(undefined, (e: Error) => {
          void vscode.window.showWarningMessage(`Transformer VM: ${e.message}`);
        });
    });
    this.views.set(webview, Number.POSITIVE_INFINITY);
    if (!this.last) void this.refresh();
  }

  private async refresh(): Promise<void> {
    const session = vscode.debug.activeDebugSession;
    if (!session || session.type !== this.type || !this.views.size) return;
    try {
      this.post((await session.customRequest('attentionHits', {})) as AttentionAnswer);
    } catch (e) {
      this.post({ error: (e as Error).message });
    }
  }

  private message(m: AttentionAnswer | { error: string }, width: number): Answer | { error: string } {
    return 'error' in m ? m : { ...m, layout: layoutArcs(m, width) };
  }

  private post(message: AttentionAnswer | { error: string }): void {
    this.last = message;
    for (const [w, width] of this.views) void w.postMessage(this.message(message, width));
  }
}

function nonce(): string {
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
}
