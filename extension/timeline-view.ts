// The Timeline view: the whole recorded run against steps, in an editor tab ("Transformer VM: Open
// Timeline", also on the debug toolbar). Lanes: call depth and operand-stack depth (the least to
// the greatest in each bucket), memory writes per region as stacked bars, output events,
// breakpoint and data-breakpoint hits, and the current step as a cursor line. Click or drag to
// time-travel (`timeTravel`); the wheel zooms around the pointer and shift-drag zooms to a range,
// each asking the adapter for a finer `timeline` (debug-adapter/session/timeline.ts), so a 24 M
// step run is a few thousand numbers, never a per-step table. It refreshes on every stop.
import * as vscode from 'vscode';
import type { TimelineAnswer } from '../debug-adapter/session/timeline';
import { nonce, timelinePage } from './timeline-page';

/** What the webview asks: a range (absent ends: the whole run) at a width, or a step to travel to. */
type FromView =
  | { readonly type: 'range'; readonly from?: number; readonly to?: number; readonly buckets: number }
  | { readonly type: 'travel'; readonly step: number };

export class TimelineView {
  static readonly command = 'transformerVm.openTimeline';
  private panel?: vscode.WebviewPanel;
  /** The range the view shows and its width in buckets (the webview sets both). */
  private range: { from?: number; to?: number; buckets: number } = { buckets: 800 };

  constructor(private readonly type: string) {}

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      vscode.commands.registerCommand(TimelineView.command, () => this.open()),
      vscode.debug.onDidChangeActiveStackItem(() => void this.refresh()),
      vscode.debug.onDidStartDebugSession((s) => {
        // A new run has another length: show it whole.
        if (s.type === this.type) this.range = { buckets: this.range.buckets };
      }),
      vscode.debug.onDidTerminateDebugSession(() => this.post({ error: 'no program is stopped' })),
    );
  }

  private open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'transformerVm.timeline',
      'Timeline',
      vscode.ViewColumn.Beside,
      {
        enableScripts: true,
        localResourceRoots: [],
        retainContextWhenHidden: true,
      },
    );
    panel.webview.html = timelinePage(nonce());
    panel.webview.onDidReceiveMessage((m: FromView) => this.receive(m));
    panel.onDidDispose(() => {
      this.panel = undefined;
    });
    this.panel = panel;
  }

  private receive(m: FromView): void {
    const session = vscode.debug.activeDebugSession;
    if (m.type === 'range') {
      this.range = { from: m.from, to: m.to, buckets: m.buckets };
      void this.refresh();
    } else if (m.type === 'travel' && session?.type === this.type)
      void session.customRequest('timeTravel', { step: m.step }).then(undefined, (e: Error) => {
        void vscode.window.showWarningMessage(`Transformer VM: ${e.message}`);
      });
  }

  private async refresh(): Promise<void> {
    const session = vscode.debug.activeDebugSession;
    if (!this.panel) return;
    if (!session || session.type !== this.type)
      return this.post({ error: 'no Transformer VM program is stopped' });
    const { from, to, buckets } = this.range;
    try {
      this.post({
        answer: (await session.customRequest('timeline', { from, to, buckets })) as TimelineAnswer,
      });
    } catch (e) {
      // A range the run no longer has (another session): the whole run instead.
      if (from === undefined && to === undefined) return this.post({ error: (e as Error).message });
      this.range = { buckets };
      return this.refresh();
    }
  }

  private post(message: { answer: TimelineAnswer } | { error: string }): void {
    void this.panel?.webview.postMessage(message);
  }
}
