// The Timeline view's page (extension/timeline-view.ts shows it): one canvas drawn from the latest
// `timeline` answer, with lanes, the current step and the region legend; it posts the range to
// show and the steps to travel to. No vscode import, so tests can read it; no remote resources,
// and only the script carrying the nonce runs (the Content-Security-Policy).

/** A fresh nonce for the page's one script. */
export function nonce(): string {
  return Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
}

/** The page: one canvas drawn from the latest answer, the legend and a status line. */
export function timelinePage(n: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${n}';">
<style>
  body { font: var(--vscode-font-size) var(--vscode-font-family); color: var(--vscode-foreground); padding: 4px 8px; user-select: none; }
  canvas { display: block; width: 100%; cursor: crosshair; }
  button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 2px 8px; cursor: pointer; }
  #bar { display: flex; gap: 8px; align-items: center; margin-bottom: 4px; }
  .muted { opacity: .7 } #legend span.sw { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; vertical-align: middle; }
  #hover { min-height: 1.4em; font-family: var(--vscode-editor-font-family); }
</style></head>
<body>
<div id="bar"><button id="whole">Whole run</button><button id="out">Zoom out</button>
<span id="status" class="muted">waiting for the program to stop…</span></div>
<canvas id="c"></canvas>
<div id="hover" class="muted"></div>
<div id="legend" class="muted"></div>
<div class="muted">Click or drag: travel to that step. Wheel: zoom around the pointer. Shift-drag: zoom to a range.
Each column is a bucket of steps: depths are drawn from their least to their greatest in the bucket;
writes are stores (and the input) per step, stacked by region.</div>
<script nonce="${n}">
  const vscode = acquireVsCodeApi();
  const canvas = document.getElementById('c');
  const ctx = canvas.getContext('2d');
  const GUTTER = 96;
  const LANES = [
    { key: 'depth', label: 'call depth', h: 64 },
    { key: 'stack', label: 'operand stack', h: 48 },
    { key: 'writes', label: 'memory writes', h: 72 },
    { key: 'output', label: 'output', h: 18 },
    { key: 'hits', label: 'breakpoints', h: 18 },
  ];
  const AXIS = 18, GAP = 6;
  const HEIGHT = AXIS + LANES.reduce((s, l) => s + l.h + GAP, 0);
  let answer = null, error = null, drag = null, wheelTimer = 0, pending = null;

  const css = (name, fallback) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
  const colors = () => ({
    fg: css('--vscode-foreground', '#ccc'),
    grid: css('--vscode-panel-border', '#444'),
    depth: css('--vscode-charts-blue', '#3794ff'),
    stack: css('--vscode-charts-purple', '#b180d7'),
    output: css('--vscode-charts-green', '#89d185'),
    bp: css('--vscode-debugIcon-breakpointForeground', '#e51400'),
    data: css('--vscode-charts-orange', '#d18616'),
    cursor: css('--vscode-editorCursor-foreground', '#ffcc00'),
    sel: css('--vscode-editor-selectionBackground', 'rgba(38,79,120,.6)'),
    regions: [css('--vscode-charts-foreground', '#999'), css('--vscode-charts-yellow', '#cca700'),
      css('--vscode-charts-green', '#89d185'), css('--vscode-charts-blue', '#3794ff'), css('--vscode-charts-red', '#f14c4c')],
  });

  const plotWidth = () => Math.max(50, canvas.clientWidth - GUTTER);
  const buckets = () => Math.max(1, Math.min(4096, Math.floor(plotWidth())));
  const span = () => answer ? [answer.edges[0], answer.edges[answer.edges.length - 1]] : [0, 0];
  const xOf = (step) => { const [a, b] = span(); return GUTTER + (b > a ? (step - a) / (b - a) : 0) * plotWidth(); };
  const stepOf = (x) => {
    const [a, b] = span();
    const s = Math.round(a + ((x - GUTTER) / plotWidth()) * (b - a));
    return Math.max(0, Math.min(answer ? answer.recorded : 0, s));
  };

  function ask(from, to) {
    const msg = { type: 'range', buckets: buckets() };
    if (from !== undefined) { msg.from = Math.max(0, Math.floor(from)); msg.to = Math.ceil(to); }
    if (answer && msg.from !== undefined) {
      msg.to = Math.min(answer.recorded, Math.max(msg.from + 1, msg.to));
      msg.from = Math.min(msg.from, msg.to - 1);
      if (msg.from <= 0 && msg.to >= answer.recorded) { delete msg.from; delete msg.to; }
    }
    vscode.postMessage(msg);
  }

  window.addEventListener('message', (e) => {
    if (e.data.error) { error = e.data.error; answer = null; }
    else { error = null; answer = e.data.answer; }
    draw(); legend();
  });
  window.addEventListener('resize', () => { draw(); if (answer) ask(...(isWhole() ? [] : span())); });
  const isWhole = () => !answer || (answer.edges[0] === 0 && answer.edges[answer.edges.length - 1] >= answer.recorded);
  document.getElementById('whole').onclick = () => ask();
  document.getElementById('out').onclick = () => {
    if (!answer) return;
    const [a, b] = span(), w = (b - a) * 2, mid = (a + b) / 2;
    ask(mid - w / 2, mid + w / 2);
  };

  canvas.addEventListener('mousedown', (e) => {
    if (!answer || e.offsetX < GUTTER) return;
    drag = { x0: e.offsetX, x: e.offsetX, zoom: e.shiftKey };
    draw();
  });
  canvas.addEventListener('mousemove', (e) => {
    hover(e.offsetX);
    if (!drag) return;
    drag.x = e.offsetX;
    draw();
  });
  window.addEventListener('mouseup', () => {
    if (!drag) return;
    const d = drag; drag = null;
    if (d.zoom && Math.abs(d.x - d.x0) > 3) {
      const a = stepOf(Math.min(d.x, d.x0)), b = stepOf(Math.max(d.x, d.x0));
      ask(a, Math.max(a + 1, b));
    } else vscode.postMessage({ type: 'travel', step: stepOf(d.x) });
    draw();
  });
  canvas.addEventListener('wheel', (e) => {
    if (!answer) return;
    e.preventDefault();
    const [a, b] = pending || span();
    const at = a + ((e.offsetX - GUTTER) / plotWidth()) * (b - a);
    const factor = e.deltaY > 0 ? 1.5 : 1 / 1.5;
    const w = Math.max(16, (b - a) * factor);
    const f = (at - a) / Math.max(1, b - a);
    let from = at - f * w, to = from + w;
    if (from < 0) { to -= from; from = 0; }
    if (to > answer.recorded) { from = Math.max(0, from - (to - answer.recorded)); to = answer.recorded; }
    pending = [from, to];
    clearTimeout(wheelTimer);
    // One request per gesture, not per wheel event.
    wheelTimer = setTimeout(() => { const p = pending; pending = null; ask(p[0], p[1]); }, 120);
  }, { passive: false });

  function bucketAt(x) {
    if (!answer) return -1;
    const s = stepOf(x), e = answer.edges;
    let lo = 0, hi = e.length - 2;
    while (lo < hi) { const m = (lo + hi + 1) >> 1; if (e[m] <= s) lo = m; else hi = m - 1; }
    return lo;
  }

  function hover(x) {
    const out = document.getElementById('hover');
    if (!answer || x < GUTTER || !answer.depthMin.length) { out.textContent = ''; return; }
    const k = bucketAt(x), a = answer;
    const writes = a.regions.map((r, g) => r.name + ' ' + a.writes[g][k]).join(', ');
    out.textContent = 'step ' + stepOf(x).toLocaleString() + ' · bucket ' + a.edges[k].toLocaleString() + '–' +
      (a.edges[k + 1] - 1).toLocaleString() + ': call depth ' + a.depthMin[k] + '–' + a.depthMax[k] +
      ', stack ' + a.stackMin[k] + '–' + a.stackMax[k] + ', writes: ' + writes + ', output ' + a.outputs[k];
  }

  function legend() {
    const el = document.getElementById('legend');
    el.textContent = '';
    if (!answer) return;
    const c = colors();
    answer.regions.forEach((r, g) => {
      const sw = document.createElement('span'); sw.className = 'sw'; sw.style.background = c.regions[g];
      const t = document.createElement('span'); t.textContent = r.name + ' (' + r.description + ')';
      el.appendChild(sw); el.appendChild(t); el.appendChild(document.createElement('br'));
    });
  }

  function draw() {
    const dpr = window.devicePixelRatio || 1;
    const W = canvas.clientWidth;
    canvas.style.height = HEIGHT + 'px';
    canvas.width = Math.round(W * dpr); canvas.height = Math.round(HEIGHT * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, HEIGHT);
    const c = colors();
    const status = document.getElementById('status');
    if (!answer) { status.textContent = error || 'waiting for the program to stop…'; return; }
    const a = answer, n = a.depthMin.length, [s0, s1] = span();
    status.textContent = 'steps ' + s0.toLocaleString() + '–' + s1.toLocaleString() + ' of ' + a.recorded.toLocaleString() +
      ' recorded · ' + n + ' buckets' + (a.exact ? ', each decoded step by step' : ' of ' + a.blockSteps + '-step blocks') +
      ' · current step ' + a.current.toLocaleString();
    ctx.font = '11px sans-serif'; ctx.textBaseline = 'middle';
    // Axis: about one label per 120 px.
    ctx.fillStyle = c.fg; ctx.strokeStyle = c.grid;
    const ticks = Math.max(1, Math.floor(plotWidth() / 120));
    for (let i = 0; i <= ticks; i++) {
      const s = Math.round(s0 + (i / ticks) * (s1 - s0)), x = xOf(s);
      ctx.fillRect(x, AXIS - 4, 1, 4);
      ctx.textAlign = i === 0 ? 'left' : i === ticks ? 'right' : 'center';
      ctx.fillText(s.toLocaleString(), x, AXIS / 2 - 1);
    }
    let y = AXIS;
    const maxDepth = Math.max(1, ...a.depthMax), maxStack = Math.max(1, ...a.stackMax);
    const density = (k) => a.regions.reduce((t, _, g) => t + a.writes[g][k], 0) / Math.max(1, a.edges[k + 1] - a.edges[k]);
    let maxDensity = 0;
    for (let k = 0; k < n; k++) maxDensity = Math.max(maxDensity, density(k));
    for (const lane of LANES) {
      ctx.fillStyle = c.fg; ctx.textAlign = 'left';
      ctx.fillText(lane.label, 0, y + lane.h / 2);
      if (lane.key === 'depth') ctx.fillText('0–' + maxDepth, 0, y + lane.h / 2 + 12);
      if (lane.key === 'stack') ctx.fillText('0–' + maxStack, 0, y + lane.h / 2 + 12);
      if (lane.key === 'writes') ctx.fillText('≤ ' + maxDensity.toFixed(2) + '/step', 0, y + lane.h / 2 + 12);
      ctx.strokeStyle = c.grid; ctx.beginPath(); ctx.moveTo(GUTTER, y + lane.h + 0.5); ctx.lineTo(W, y + lane.h + 0.5); ctx.stroke();
      for (let k = 0; k < n; k++) {
        const x = xOf(a.edges[k]), w = Math.max(1, xOf(a.edges[k + 1]) - x);
        if (lane.key === 'depth' || lane.key === 'stack') {
          const lo = lane.key === 'depth' ? a.depthMin[k] : a.stackMin[k];
          const hi = lane.key === 'depth' ? a.depthMax[k] : a.stackMax[k];
          const max = lane.key === 'depth' ? maxDepth : maxStack;
          if (hi < 0) continue;
          const top = y + lane.h - ((hi + 0.5) / (max + 0.5)) * lane.h, bottom = y + lane.h - (lo / (max + 0.5)) * lane.h;
          ctx.fillStyle = lane.key === 'depth' ? c.depth : c.stack;
          ctx.fillRect(x, top, w, Math.max(1, bottom - top));
        } else if (lane.key === 'writes') {
          const steps = Math.max(1, a.edges[k + 1] - a.edges[k]);
          let base = y + lane.h;
          a.regions.forEach((_, g) => {
            const h = maxDensity > 0 ? (a.writes[g][k] / steps / maxDensity) * lane.h : 0;
            if (h <= 0) return;
            ctx.fillStyle = c.regions[g]; ctx.fillRect(x, base - h, w, h); base -= h;
          });
        } else if (lane.key === 'output' && a.outputs[k] > 0) {
          ctx.fillStyle = c.output; ctx.fillRect(x, y + 2, Math.max(1, Math.min(w, 2)), lane.h - 4);
        }
      }
      if (lane.key === 'hits')
        for (const h of a.hits) {
          const x = xOf(h.step);
          ctx.fillStyle = h.kind === 'breakpoint' ? c.bp : c.data;
          ctx.beginPath(); ctx.moveTo(x - 5, y + 2); ctx.lineTo(x + 5, y + 2); ctx.lineTo(x, y + lane.h - 2); ctx.fill();
        }
      y += lane.h + GAP;
    }
    // The current step, across every lane.
    if (a.current >= s0 && a.current <= s1) {
      ctx.fillStyle = c.cursor; ctx.fillRect(Math.round(xOf(a.current)) - 1, AXIS, 2, HEIGHT - AXIS);
    }
    if (drag) {
      if (drag.zoom) { ctx.fillStyle = c.sel; ctx.fillRect(Math.min(drag.x, drag.x0), AXIS, Math.abs(drag.x - drag.x0), HEIGHT - AXIS); }
      else { ctx.strokeStyle = c.cursor; ctx.setLineDash([3, 3]); ctx.beginPath(); ctx.moveTo(drag.x + 0.5, AXIS); ctx.lineTo(drag.x + 0.5, HEIGHT); ctx.stroke(); ctx.setLineDash([]); }
    }
  }
  ask();
</script></body></html>`;
}
