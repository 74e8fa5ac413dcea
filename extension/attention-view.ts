// The attention view: at the current step, what every attention head selected (the
// `attentionHits` request), as a table and as a heat strip of heads × recent positions. Clicking
// a hit travels to the step that wrote that token. In the Run and Debug sidebar, and in an editor
// tab ("Transformer VM: Open Attention View"). It refreshes on every stop and asks nothing while
// the program runs.
import * as vscode from 'vscode';
import type { AttentionAnswer as Answer } from '../debug-adapter/session/attention';

export class AttentionView implements vscode.WebviewViewProvider {
  static readonly id = 'transformerVm.attention';
  private readonly views = new Set<vscode.Webview>();
  private last?: Answer | { error: string };

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
    webview.onDidReceiveMessage((m: { travel?: number }) => {
      const session = vscode.debug.activeDebugSession;
      if (session?.type === this.type && m.travel !== undefined)
        void session.customRequest('timeTravel', { step: m.travel }).then(undefined, (e: Error) => {
          void vscode.window.showWarningMessage(`Transformer VM: ${e.message}`);
        });
    });
    this.views.add(webview);
    if (this.last) void webview.postMessage(this.last);
    else void this.refresh();
  }

  private async refresh(): Promise<void> {
    const session = vscode.debug.activeDebugSession;
    if (!session || session.type !== this.type || !this.views.size) return;
    try {
      this.post((await session.customRequest('attentionHits', {})) as Answer);
    } catch (e) {
      this.post({ error: (e as Error).message });
    }
  }

  private post(message: Answer | { error: string }): void {
    this.last = message;
    for (const w of this.views) void w.postMessage(message);
  }
}

function nonce(): string {
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
}

function html(n: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${n}';">
<style>
  body { font: var(--vscode-font-size) var(--vscode-font-family); color: var(--vscode-foreground); padding: 4px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
  td.hit { cursor: pointer; color: var(--vscode-textLink-foreground); }
  .muted { opacity: .6 } .strip { margin: 6px 0; } .cell { fill: var(--vscode-editor-inactiveSelectionBackground); }
  .on { fill: var(--vscode-charts-orange); } label { user-select: none; }
</style></head>
<body>
<div id="head"><label><input type="checkbox" id="all"> show passthrough and gather heads</label></div>
<div id="status" class="muted">waiting for the program to stop…</div>
<svg id="strip" class="strip" width="100%"></svg>
<table id="table"><thead><tr><th>layer.head</th><th>kind</th><th>lookup</th><th>selected</th><th>token</th><th>what it was</th></tr></thead><tbody></tbody></table>
<script nonce="${n}">
  const vscode = acquireVsCodeApi();
  let answer = null;
  const all = document.getElementById('all');
  all.addEventListener('change', render);
  window.addEventListener('message', (e) => { answer = e.data; render(); });
  function render() {
    const status = document.getElementById('status');
    const body = document.querySelector('#table tbody');
    const strip = document.getElementById('strip');
    body.textContent = ''; strip.textContent = '';
    if (!answer || answer.error) { status.textContent = answer ? answer.error : 'waiting…'; return; }
    const heads = answer.heads.filter((h) => all.checked || (h.kind !== 'passthrough' && h.kind !== 'gather'));
    status.textContent = 'step ' + answer.step + ', position ' + answer.position + ': ' + heads.length + ' heads shown of ' + answer.heads.length;
    // Heat strip: heads (rows) × the 64 positions up to the current one (columns).
    const span = 64, cw = 6, ch = 8, first = Math.max(0, answer.position - span + 1);
    strip.setAttribute('height', String(heads.length * ch + 2));
    const ns = 'http://www.w3.org/2000/svg';
    heads.forEach((h, r) => {
      for (let c = 0; c < span; c++) {
        const p = first + c;
        const on = h.positions.length === 2 ? p >= h.positions[0] && p <= h.positions[1] : h.positions.includes(p);
        const rect = document.createElementNS(ns, 'rect');
        rect.setAttribute('x', String(c * cw)); rect.setAttribute('y', String(r * ch));
        rect.setAttribute('width', String(cw - 1)); rect.setAttribute('height', String(ch - 1));
        rect.setAttribute('class', on ? 'cell on' : 'cell');
        const title = document.createElementNS(ns, 'title');
        title.textContent = 'L' + h.layer + '.H' + h.head + ' ' + h.lookup + ' @' + p;
        rect.appendChild(title); strip.appendChild(rect);
      }
    });
    for (const h of heads) {
      const tr = document.createElement('tr');
      const cell = (text, cls) => { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; };
      cell('L' + h.layer + '.H' + h.head); cell(h.kind); cell(h.lookup);
      cell(h.positions.length === 2 ? h.positions[0] + '…' + h.positions[1] + ' (' + h.count + ')' : String(h.positions[0]));
      const t = h.tokens[h.tokens.length - 1];
      cell(t ? t.token : '');
      const what = cell(t ? t.what : '', t && t.step !== undefined ? 'hit' : '');
      if (t && t.step !== undefined) { what.title = 'go to step ' + (t.step + 1); what.onclick = () => vscode.postMessage({ travel: t.step + 1 }); }
      body.appendChild(tr);
    }
  }
</script></body></html>`;
}
