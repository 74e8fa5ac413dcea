// The Attention view's webview page: its styles and its script, which draws what the extension
// posts (an attentionHits answer with its arc layout, attention-layout.ts) as arcs over the token
// row, a list of far targets, a heat strip and a table, and posts { travel: step } when a token,
// an arc or a hit is clicked. CSP-safe: one inline script allowed by its nonce, inline styles,
// nothing loaded (default-src 'none'). No vscode import, so a test can load it in a browser.
import { FAR_ROW } from './attention-layout';

/** The page, its script allowed by the nonce `n`. */
export function attentionHtml(n: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${n}';">
<style>
  body { font: var(--vscode-font-size) var(--vscode-font-family); color: var(--vscode-foreground); padding: 4px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid var(--vscode-panel-border, #999); vertical-align: top; }
  td.hit { cursor: pointer; color: var(--vscode-textLink-foreground); }
  .muted { opacity: .6 } .strip { margin: 6px 0; } .cell { fill: var(--vscode-editor-inactiveSelectionBackground, #ddd); }
  .on { fill: var(--vscode-charts-orange, #d18616); } label { user-select: none; }
  #stream { overflow-x: auto; margin: 6px 0; }
  #arcs text { font: 12px var(--vscode-editor-font-family, monospace); fill: var(--vscode-foreground, #333); }
  #arcs .tok rect { fill: var(--vscode-editor-background, #fff); stroke: var(--vscode-panel-border, #999); }
  #arcs .tok.current rect { stroke: var(--vscode-focusBorder, #0078d4); stroke-width: 2; }
  #arcs .travel { cursor: pointer; } #arcs .travel:hover rect { fill: var(--vscode-list-hoverBackground, #e8e8e8); }
  #arcs .group { fill: none; stroke: var(--vscode-descriptionForeground, #717171); }
  #arcs text.op { font-size: 10px; fill: var(--vscode-descriptionForeground, #717171); }
  #arcs path { fill: none; stroke-width: 1.5; } #arcs path.travel:hover { stroke-width: 3; }
  #arcs text.label { font-size: 10px; }
  #arcs .far rect { fill: var(--vscode-editorWidget-background, #f3f3f3); stroke: var(--vscode-panel-border, #999); }
  .k-lookup { stroke: var(--vscode-charts-orange, #d18616); color: var(--vscode-charts-orange, #d18616); }
  .k-gather { stroke: var(--vscode-charts-blue, #1a85ff); color: var(--vscode-charts-blue, #1a85ff); }
  .k-average { stroke: var(--vscode-charts-green, #388a34); color: var(--vscode-charts-green, #388a34); stroke-dasharray: 4 2; }
  .k-passthrough { stroke: var(--vscode-charts-purple, #652d90); color: var(--vscode-charts-purple, #652d90); }
  #arcs text.k-lookup { fill: var(--vscode-charts-orange, #d18616); stroke: none; } #arcs text.k-gather { fill: var(--vscode-charts-blue, #1a85ff); stroke: none; }
  #arcs text.k-average { fill: var(--vscode-charts-green, #388a34); stroke: none; } #arcs text.k-passthrough { fill: var(--vscode-charts-purple, #652d90); stroke: none; }
  .legend span { margin-right: 10px; } #far div { cursor: pointer; margin: 1px 0; font-family: var(--vscode-editor-font-family, monospace); }
  #far b { text-decoration: underline; }
</style></head>
<body>
<div id="head"><label><input type="checkbox" id="all"> show passthrough and gather heads</label></div>
<div id="status" class="muted">waiting for the program to stop…</div>
<div class="legend muted"><span class="k-lookup">━ lookup</span><span class="k-gather">━ gather</span><span class="k-average">┅ average</span><span class="k-passthrough">━ passthrough</span></div>
<div id="stream"><svg id="arcs"></svg></div>
<div id="far"></div>
<svg id="strip" class="strip" width="100%"></svg>
<table id="table"><thead><tr><th>layer.head</th><th>kind</th><th>lookup</th><th>selected</th><th>token</th><th>what it was</th></tr></thead><tbody></tbody></table>
<script nonce="${n}">
  const vscode = acquireVsCodeApi();
  const FAR_ROW = ${FAR_ROW};
  const ns = 'http://www.w3.org/2000/svg';
  let answer = null;
  const all = document.getElementById('all');
  all.addEventListener('change', render);
  window.addEventListener('message', (e) => { answer = e.data; render(); });
  // The extension lays the arcs' row out to fit this width (the first answer comes after it).
  let sentWidth = 0, resizing = 0;
  const sendWidth = () => {
    const w = document.body.clientWidth;
    if (Math.abs(w - sentWidth) < 40) return;
    sentWidth = w;
    vscode.postMessage({ width: w });
  };
  window.addEventListener('resize', () => { clearTimeout(resizing); resizing = setTimeout(sendWidth, 150); });
  sendWidth();
  const shown = (kind) => all.checked || (kind !== 'passthrough' && kind !== 'gather');
  const travel = (el, step) => {
    if (step === undefined || step === null) return;
    el.classList.add('travel');
    el.addEventListener('click', () => vscode.postMessage({ travel: step }));
  };
  function svg(parent, name, attrs, text) {
    const el = document.createElementNS(ns, name);
    for (const k in attrs) el.setAttribute(k, String(attrs[k]));
    if (text !== undefined) el.textContent = text;
    parent.appendChild(el);
    return el;
  }
  function title(el, text) { svg(el, 'title', {}, text); }
  function render() {
    const status = document.getElementById('status');
    const body = document.querySelector('#table tbody');
    const strip = document.getElementById('strip');
    const arcs = document.getElementById('arcs');
    const far = document.getElementById('far');
    body.textContent = ''; strip.textContent = ''; arcs.textContent = ''; far.textContent = '';
    if (!answer || answer.error) { status.textContent = answer ? answer.error : 'waiting…'; return; }
    const heads = answer.heads.filter((h) => shown(h.kind));
    status.textContent = 'step ' + answer.step + ', position ' + answer.position + ': ' + heads.length + ' heads shown of ' + answer.heads.length;
    drawArcs(arcs, far, answer.layout);
    // Heat strip: heads (rows) × the 64 positions up to the current one (columns).
    const span = 64, cw = 6, ch = 8, first = Math.max(0, answer.position - span + 1);
    strip.setAttribute('height', String(heads.length * ch + 2));
    heads.forEach((h, r) => {
      for (let c = 0; c < span; c++) {
        const p = first + c;
        const on = h.positions.length === 2 ? p >= h.positions[0] && p <= h.positions[1] : h.positions.includes(p);
        const rect = svg(strip, 'rect', { x: c * cw, y: r * ch, width: cw - 1, height: ch - 1, class: on ? 'cell on' : 'cell' });
        title(rect, 'L' + h.layer + '.H' + h.head + ' ' + h.lookup + ' @' + p);
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
  // The token row at the bottom of the arc area, instruction brackets under it, arcs above it.
  function drawArcs(root, farList, L) {
    const rowY = L.arcSpace, rowH = 18, height = rowY + rowH + 22;
    root.setAttribute('width', String(L.width + 8)); root.setAttribute('height', String(height));
    for (const g of L.groups) {
      const y = rowY + rowH + 3;
      const el = svg(root, 'path', { class: 'group', d: 'M' + (g.x + 1) + ' ' + y + ' v4 h' + (g.width - 2) + ' v-4' });
      title(el, g.title);
      const label = svg(root, 'text', { class: 'op', x: g.x + 2, y: y + 15 }, g.label);
      title(label, g.title);
    }
    for (const t of L.tokens) {
      const el = svg(root, 'g', { class: 'tok' + (t.current ? ' current' : '') });
      svg(el, 'rect', { x: t.x, y: rowY, width: t.width, height: rowH, rx: 3 });
      svg(el, 'text', { x: t.x + 3, y: rowY + 13 }, t.text);
      title(el, t.title + (t.travel !== undefined ? ' — click: go to step ' + t.travel : ''));
      travel(el, t.travel);
    }
    const visible = L.arcs.filter((a) => shown(a.kind));
    const farRows = new Set();
    for (const a of visible) {
      let d, lx, ly;
      if (a.far) {
        const y = 10 + a.far.row * FAR_ROW;
        d = 'M' + a.x1 + ' ' + rowY + ' C' + a.x1 + ' ' + y + ' ' + (a.x1 + a.x2) / 2 + ' ' + y + ' ' + a.x2 + ' ' + y;
        lx = (a.x1 + a.x2) / 2; ly = y - 3;
        if (!farRows.has(a.far.row)) {
          farRows.add(a.far.row);
          const m = svg(root, 'g', { class: 'far' });
          svg(m, 'rect', { x: 2, y: y - 7, width: a.x2 - 2, height: 14, rx: 3 });
          svg(m, 'text', { x: 5, y: y + 4, class: 'label' }, '◀ ' + a.far.distance);
          title(m, a.title);
          travel(m, a.travel);
        }
        const line = document.createElement('div');
        line.className = 'k-' + a.kind;
        line.title = a.title;
        line.append(a.far.distance + ' ' + a.label + ': ');
        for (const t of a.far.snippet) {
          const s = document.createElement(t.target ? 'b' : 'span');
          s.textContent = ' ' + t.text;
          line.append(s);
        }
        travel(line, a.travel);
        farList.appendChild(line);
      } else {
        const h = a.height;
        // A head that selected the current position: a small loop over it.
        const spread = a.x1 === a.x2 ? 12 : 0;
        d = 'M' + a.x1 + ' ' + rowY + ' C' + (a.x1 - spread) + ' ' + (rowY - h) + ' ' + (a.x2 + spread) + ' ' + (rowY - h) + ' ' + a.x2 + ' ' + rowY;
        lx = (a.x1 + a.x2) / 2; ly = rowY - h * 0.75 - 2;
      }
      const path = svg(root, 'path', { d, class: 'k-' + a.kind });
      title(path, a.title + (a.travel !== undefined ? ' — click: go to step ' + a.travel : ''));
      travel(path, a.travel);
      const anchor = lx > L.width - 120 ? 'end' : lx < L.edge + 60 ? 'start' : 'middle';
      svg(root, 'text', { x: anchor === 'end' ? Math.min(lx, L.width) : lx, y: ly, class: 'label k-' + a.kind, 'text-anchor': anchor }, a.label);
    }
    // Show the current position (the right end).
    root.parentElement.scrollLeft = root.parentElement.scrollWidth;
  }
</script></body></html>`;
}
