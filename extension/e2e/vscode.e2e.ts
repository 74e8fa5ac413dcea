// npm run test:e2e: a real VS Code, driven like a person. code-server (VS Code in the browser,
// installed by scripts/e2e-setup.ts from npm) serves a fresh workspace with a C file; the built
// .vsix is installed; Debian's chromium, driven by playwright-core, opens the file, sets a
// breakpoint on a marked line (F9), presses F5, and the test checks the debug toolbar, the paused
// line, the Variables pane, program output in the Debug Console and the Attention view, and that
// clicking an attention hit travels to the step that wrote it; a second session on a C file the
// machine cannot run checks the error's dialog, Debug Console line and Problems entry; a third
// debugs a C program at F5's debug build and checks the C view: its variables by name and value
// in the Variables pane, a struct expanded to its members, and a hover on a variable; a fourth
// (watch.c, a global written in a loop) right-clicks `total` in the Variables pane → "Go to Where
// This Was Written" and checks the paused line becomes the writing line, sets "Break on Value
// Change" on it and continues to the data breakpoint's stop, clicks in the Timeline and checks the
// step travelled, and checks the Attention view's arcs. Screenshots of each stage go to dist/e2e/;
// the fourth test's are the README's pictures (E2E_UPDATE_IMAGES=1 copies them to docs/images/). (@vscode/test-electron would download VS Code,
// which this network does not allow.)
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';

const root = join(__dirname, '..', '..');
const shots = join(root, 'dist', 'e2e');
const vsix = join(root, 'dist', 'transformer-vm.vsix');
const example = join(root, 'examples', 'addition.c');
// The C view's program (also one of the gdb oracle's): `total`, `i` and a struct `best` in main.
const totals = join(root, 'debug-adapter', 'test', 'programs', 'c-view', 'totals.c');
// Provenance, data breakpoints, the Timeline and the Attention view: a global `total` written in a loop.
const watch = join(root, 'debug-adapter', 'test', 'programs', 'watch.c');
const work = mkdtempSync(join(tmpdir(), 'tvm-e2e-'));
let server: ChildProcess | undefined;
let browser: Browser | undefined;
let port = 0;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

before(async () => {
  const { setup, entry } = await import('../../scripts/e2e-setup');
  setup();
  assert.ok(existsSync(vsix), `${vsix} is built (npm run package)`);
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  for (const d of ['data/User', 'extensions', 'config', 'ws']) mkdirSync(join(work, d), { recursive: true });
  // The debugged program is one of the examples, an ordinary C program (stdio.h, main, argv),
  // launched from a launch.json that gives it its arguments.
  copyFileSync(example, join(work, 'ws', 'addition.c'));
  copyFileSync(totals, join(work, 'ws', 'totals.c'));
  copyFileSync(watch, join(work, 'ws', 'watch.c'));
  mkdirSync(join(work, 'ws', '.vscode'), { recursive: true });
  writeFileSync(
    join(work, 'ws', '.vscode', 'launch.json'),
    JSON.stringify({
      version: '0.2.0',
      configurations: [
        {
          type: 'transformer-vm',
          request: 'launch',
          name: 'addition',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: VS Code substitutes it, not JavaScript
          program: '${workspaceFolder}/addition.c',
          args: ['12345+6789'],
        },
      ],
    }),
  );
  writeFileSync(
    join(work, 'data', 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'workbench.tips.enabled': false,
      'extensions.ignoreRecommendations': true,
      'debug.openDebug': 'openOnDebugBreak',
    }),
  );
  port = await freePort();
  const env = { ...process.env, XDG_CONFIG_HOME: join(work, 'config') };
  const common = ['--user-data-dir', join(work, 'data'), '--extensions-dir', join(work, 'extensions')];
  execFileSync(process.execPath, [entry, ...common, '--install-extension', vsix], { env, stdio: 'ignore' });
  writeFileSync(
    join(work, 'config', 'config.yaml'),
    `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`,
  );
  server = spawn(
    process.execPath,
    [
      entry,
      ...common,
      '--config',
      join(work, 'config', 'config.yaml'),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      join(work, 'ws'),
    ],
    { env, detached: true, stdio: 'ignore' }, // its own process group, killed whole at the end
  );
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
});

async function shot(
  page: Page,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
) {
  await page.screenshot({ path: join(shots, `${name}.png`), clip });
}

/** Runs a palette command by its exact label. */
async function palette(page: Page, label: string) {
  // The quick-input list keeps the rows of an earlier opening, hidden: typing before the widget
  // shows, or matching a hidden row, once waited 30 s on a row that never became visible. So: wait
  // for the palette's input (F1 again if a keystroke was lost), set its text, and take only a
  // visible row.
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const shown = await input
      .waitFor({ state: 'visible', timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) break;
    if (attempt === 3) throw new Error(`the command palette did not open for '${label}'`);
  }
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-list .monaco-list-row:visible', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
}

/** The webview frame whose text holds `marker` (webviews are nested iframes), and that text. */
async function webview(page: Page, marker: string): Promise<{ frame: Frame; text: string } | undefined> {
  const frames: Frame[] = page.frames();
  for (const frame of frames) {
    const text = await frame
      .locator('body')
      .textContent({ timeout: 1000 })
      .then((t) => t ?? '')
      .catch(() => '');
    if (text.includes(marker)) return { frame, text };
  }
  return undefined;
}

/** The `step` shown in the Variables pane's Machine scope. */
async function shownStep(page: Page): Promise<number> {
  const row = page.locator('.debug-variables .monaco-list-row', { hasText: /^\s*step/ }).first();
  const text = (await row.textContent({ timeout: 5_000 })) ?? '';
  return Number(/step\s*=?\s*(\d+)/.exec(text)?.[1]);
}

test('F5 on a C file: breakpoint, paused line, variables, output, the attention view and the exit status', {
  timeout: 240_000,
}, async () => {
  const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await session(page);
  } catch (e) {
    await shot(page, 'failure');
    throw e;
  }
});

/** Opens the workspace, then `file` in the editor, with a breakpoint on the line holding `marker`; returns that line. */
async function openWithBreakpoint(page: Page, file: string, marker: string): Promise<number> {
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(join(work, 'ws'))}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.keyboard.press('Control+P');
  await page.keyboard.type(basename(file));
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: basename(file) })
    .first()
    .click();
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  const line =
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(marker)) + 1;
  assert.ok(line > 0, `${file} has the marker '${marker}'`);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('F9');
  await page.waitForSelector('.codicon-debug-breakpoint', { timeout: 30_000 });
  return line;
}

async function session(page: Page) {
  // Open the program and put a breakpoint on the marked line.
  const line = await openWithBreakpoint(page, example, '@line: emit-digit');
  // The code lens shows once the extension and its language server are up.
  await page
    .locator('.codelens-decoration', { hasText: 'Run on Transformer VM' })
    .waitFor({ timeout: 60_000 });
  await shot(page, '1-breakpoint');
  // F5 is ignored until debuggers are registered: wait for the palette to offer the command.
  await page.keyboard.press('F1');
  await page.keyboard.type('Debug: Start Debugging');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Debug: Start Debugging' })
    .first()
    .waitFor({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('F5');
  // Paused at the breakpoint: the debug toolbar, the top-frame line, the Variables pane.
  await page.waitForSelector('.debug-toolbar', { timeout: 90_000 });
  await page.waitForSelector('.debug-top-stack-frame-line', { timeout: 90_000 });
  await shot(page, '2-paused');
  await page.keyboard.press('Control+Shift+D');
  // The paused line is the top frame's in the Call Stack view ("LINE:COLUMN"); it must be there.
  const topFrame = page.locator('.debug-call-stack .monaco-list-row .stack-frame .line-number').first();
  await topFrame.waitFor({ timeout: 30_000 });
  const paused = Number(/^(\d+)/.exec((await topFrame.textContent()) ?? '')?.[1]);
  assert.equal(paused, line, "paused on the breakpoint's line");
  const variables = page.locator('.debug-variables');
  await variables.locator('.monaco-list-row', { hasText: 'Machine' }).first().waitFor({ timeout: 30_000 });
  const machine = variables.locator('.monaco-list-row', { hasText: 'Machine' }).first();
  if ((await machine.getAttribute('aria-expanded')) !== 'true') await machine.click();
  await variables.locator('.monaco-list-row', { hasText: 'cursor' }).first().waitFor({ timeout: 30_000 });
  const varsText = (await variables.textContent()) ?? '';
  assert.match(varsText, /step/);
  assert.match(varsText, /call depth/);
  await shot(page, '3-variables');
  // Continue to the second hit: the output so far is in the Debug Console.
  await page.keyboard.press('F5');
  await page.waitForTimeout(1500);
  await page.waitForSelector('.debug-top-stack-frame-line', { timeout: 60_000 });
  await page.keyboard.press('Control+Shift+Y');
  const repl = page.locator('.repl');
  // The equation is printed before the first digit of the sum, whose putchar is the breakpoint.
  await repl
    .getByText(/12345\+6789=/)
    .first()
    .waitFor({ timeout: 30_000 });
  await shot(page, '4-console');
  // The attention view, in an editor tab.
  await palette(page, 'Transformer VM: Open Attention View');
  let attention: { frame: Frame; text: string } | undefined;
  for (let i = 0; i < 60 && !attention; i++) {
    attention = await webview(page, 'stack_top');
    if (!attention) await page.waitForTimeout(500);
  }
  assert.ok(attention, 'the attention view lists the heads');
  assert.match(attention.text, /lookup/);
  assert.match(attention.text, /step \d+, position \d+/);
  await shot(page, '5-attention');
  // Clicking a hit travels to the step after the one that wrote that token.
  const before = await shownStep(page);
  const hit = attention.frame.locator('td.hit', { hasText: /at step \d+/ }).first();
  const target = Number(/at step (\d+)/.exec((await hit.textContent()) ?? '')?.[1]) + 1;
  await hit.click();
  for (let i = 0; i < 60 && (await shownStep(page)) !== target; i++) await page.waitForTimeout(250);
  assert.equal(await shownStep(page), target, `travelled from step ${before} to the writer's step`);
  await shot(page, '6-travelled');
  // The run's end: the exit status, decoded from the generated tokens, in the Debug Console.
  await palette(page, 'Remove All Breakpoints');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('F5');
  await page.keyboard.press('Control+Shift+Y');
  await page
    .locator('.repl', { hasText: /program exited with status 0 after/ })
    .first()
    .waitFor({ timeout: 90_000 });
  assert.match((await page.locator('.repl').first().textContent()) ?? '', /12345\+6789=19134/);
  await shot(page, '6b-exited');
  await page.close();
}

test('a C file the machine cannot run: debugging it reports the error at its line (dialog, Debug Console, Problems)', {
  timeout: 180_000,
}, async () => {
  const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    writeFileSync(
      join(work, 'ws', 'floaty.c'),
      'void compute(const char *input) {\n  long double x = 2.5;\n  printf("%d\\n", (int)(x * input[0]));\n}\n',
    );
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(join(work, 'ws'))}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.keyboard.press('Control+P');
    await page.keyboard.type('floaty.c');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'floaty.c' }).first().click();
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
    await page.locator('.codelens-decoration', { hasText: 'Debug' }).waitFor({ timeout: 60_000 });
    // The launch fails with the compiler's message, file, line and column.
    await page.locator('.codelens-decoration a', { hasText: 'Debug' }).first().click();
    // The line that declares the long double, at any optimization level.
    const message = /floaty\.c:2:3: error: long double is not supported/;
    const dialog = page.locator('.monaco-dialog-box', { hasText: message }).first();
    await dialog.waitFor({ timeout: 90_000 });
    await page.locator('.repl', { hasText: message }).first().waitFor({ timeout: 30_000 });
    await shot(page, '7-launch-error');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await problems
      .getByText(/long double/)
      .first()
      .waitFor({ timeout: 60_000 });
    const text = (await problems.textContent()) ?? '';
    assert.match(text, /floaty\.c/);
    // One problem: the language server's and the launch's reports of it are the same one.
    assert.equal(await problems.locator('.monaco-list-row', { hasText: /long double/ }).count(), 1);
    assert.match(text, /\[Ln 2, Col 3\]/);
    await shot(page, '8-problems');
  } catch (e) {
    await shot(page, 'failure-problems');
    throw e;
  } finally {
    await page.close();
  }
});

/** A row of the Variables pane reading `NAME = VALUE` (VS Code's spelling), once it shows. */
async function variableRow(page: Page, name: string, value: string) {
  const row = page
    .locator('.debug-variables .monaco-list-row')
    .filter({ hasText: new RegExp(`^\\s*${name}\\s*=\\s*${value.replace(/[{}]/g, '\\$&')}\\s*$`) })
    .first();
  await row.waitFor({ timeout: 30_000 });
  return row;
}

test('the C view in VS Code: Locals by name and value, a struct expanded, a hover', {
  timeout: 240_000,
}, async () => {
  const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await openWithBreakpoint(page, totals, '@bp: tally');
    // The lens debugs this file with no launch.json entry: F5's defaults, the -O0 debug build.
    await page.locator('.codelens-decoration a', { hasText: 'Debug' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.codelens-decoration a', { hasText: 'Debug' }).first().click();
    await page.waitForSelector('.debug-top-stack-frame-line', { timeout: 90_000 });
    await page.keyboard.press('Control+Shift+D');
    // First hit: i = 0, total = 500. Continue to the second: i = 1, total = 250*2 + 99*5 = 995.
    await variableRow(page, 'total', '500');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('F5');
    const total = await variableRow(page, 'total', '995');
    await variableRow(page, 'i', '1');
    assert.ok(await total.isVisible(), 'total is shown in the Variables pane');
    await shot(page, '9-c-locals');
    // The struct `best` expands to its members by name (none are shown before it is expanded).
    const best = await variableRow(page, 'best', '{price = 250, count = 2}');
    assert.equal(
      await page.locator('.debug-variables .monaco-list-row', { hasText: /^\s*count\s*=/ }).count(),
      0,
      'no member row before the struct is expanded',
    );
    await best.click();
    await variableRow(page, 'price', '250');
    await variableRow(page, 'count', '2');
    await shot(page, '10-c-struct');
    // A hover on `total` in the editor shows its value.
    const word = page.locator('.monaco-editor .view-lines span', { hasText: /^total$/ }).first();
    await word.hover();
    const hover = page.locator('.debug-hover-widget', { hasText: '995' }).first();
    await hover.waitFor({ timeout: 30_000 });
    await shot(page, '11-c-hover');
  } catch (e) {
    await shot(page, 'failure-c-view');
    throw e;
  } finally {
    // The session must not outlive the test, whatever happened (the next test debugs another file).
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+F5');
    await palette(page, 'Remove All Breakpoints').catch(() => undefined);
    await page.close();
  }
});

// The README's pictures (docs/images/), written by the test below to dist/e2e/ like every other
// screenshot. `E2E_UPDATE_IMAGES=1 npm run test:e2e` copies them into docs/images/ when it passes.
// Each under ~150 KB: a 1280×800 window, the webview pictures cropped above the Debug Console.
const aboveThePanel = { x: 0, y: 0, width: 1280, height: 512 };
const readmeImages = ['paused-c-line', 'provenance-jump', 'data-breakpoint', 'timeline', 'attention-view'];

/** The line of `file` holding `marker`; fails when there is none. */
function markerLine(file: string, marker: string): number {
  const line =
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(marker)) + 1;
  assert.ok(line > 0, `${file} has the marker '${marker}'`);
  return line;
}

/** The paused line: the top frame's in the Call Stack view ("LINE:COLUMN"). */
async function pausedLine(page: Page): Promise<number> {
  const top = page.locator('.debug-call-stack .monaco-list-row .stack-frame .line-number').first();
  await top.waitFor({ timeout: 30_000 });
  return Number(/^(\d+)/.exec((await top.textContent({ timeout: 5_000 })) ?? '')?.[1]);
}

/** Waits until `f()` returns `want` (polling), then returns what it last returned. */
async function until<T>(page: Page, f: () => Promise<T>, want: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await f().catch(() => undefined as T);
  while (Date.now() < end && !want(v)) {
    await page.waitForTimeout(250);
    v = await f().catch(() => v);
  }
  return v;
}

/** Expands the Variables pane's scope `name` (by aria-expanded: clicking an open one closes it). */
async function expandScope(page: Page, name: string) {
  const scope = page
    .locator('.debug-variables .monaco-list-row', { hasText: new RegExp(`^\\s*${name}\\s*$`) })
    .first();
  await scope.waitFor({ timeout: 30_000 });
  // A click while the pane refreshes (after a stop) can be lost: check, and click again.
  for (let i = 0; i < 20 && (await scope.getAttribute('aria-expanded')) !== 'true'; i++) {
    await scope.click();
    await page.waitForTimeout(500);
  }
  assert.equal(await scope.getAttribute('aria-expanded'), 'true', `the ${name} scope is expanded`);
}

/** Right-clicks a Variables row and picks the context-menu entry labelled exactly `label`. */
async function contextMenu(page: Page, row: ReturnType<Page['locator']>, label: string) {
  await row.click({ button: 'right' });
  const item = page.getByRole('menuitem', { name: label, exact: true }).first();
  await item.waitFor({ timeout: 15_000 });
  await item.hover();
  await item.click();
  // A click as the menu opens is sometimes lost (the entry stays highlighted, the menu open):
  // then Enter picks the highlighted entry.
  for (let i = 0; i < 10 && (await item.isVisible()); i++) {
    await page.waitForTimeout(300);
    if (i === 3 && (await item.isVisible())) await page.keyboard.press('Enter');
  }
  assert.ok(!(await item.isVisible()), `the context menu closed after picking '${label}'`);
}

test('where a value came from, a data breakpoint, the Timeline and the Attention view (the README pictures)', {
  timeout: 300_000,
}, async () => {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    // watch.c: a global `total` written in a loop; stop in the loop's first pass after the write.
    const bp = await openWithBreakpoint(page, watch, '@line: py-write');
    const writeLine = markerLine(watch, '@line: total-write');
    await page.locator('.codelens-decoration a', { hasText: 'Debug' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.codelens-decoration a', { hasText: 'Debug' }).first().click();
    await page.waitForSelector('.debug-top-stack-frame-line', { timeout: 90_000 });
    await page.keyboard.press('Control+Shift+D');
    assert.equal(
      await until(
        page,
        () => pausedLine(page),
        (l) => l === bp,
      ),
      bp,
      "paused on the breakpoint's line",
    );
    await expandScope(page, 'Globals');
    // First pass: k = bump(0) = 3, total = 3.
    await variableRow(page, 'i', '0');
    const total = await variableRow(page, 'total', '3');
    await shot(page, 'paused-c-line');

    // 1. Right-click `total` → Go to Where This Was Written: the paused line becomes the write's.
    await contextMenu(page, total, 'Go to Where This Was Written');
    const travelled = await until(
      page,
      () => pausedLine(page),
      (l) => l === writeLine,
    );
    assert.equal(travelled, writeLine, `travelled from line ${bp} to the line that wrote total`);
    await page
      .locator('.notifications-toasts', { hasText: /total was written at step \d+/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await shot(page, 'provenance-jump');

    // 2. A data breakpoint on `total` from the Variables pane, and no line breakpoint: F5 stops
    // at the next write that changes it, saying so in the Call Stack.
    await palette(page, 'Remove All Breakpoints');
    await page.keyboard.press('Escape'); // the notification
    await contextMenu(page, await variableRow(page, 'total', '\\d+'), 'Break on Value Change');
    await page
      .locator('.debug-breakpoints .monaco-list-row', { hasText: 'total' })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('F5');
    // The stop's description heads the Call Stack: "data breakpoint: 4 bytes at 0x… changed from A to B at step N".
    const stop = page.getByText(/data breakpoint: .* changed from \d+ to \d+ at step \d+/).first();
    await stop.waitFor({ timeout: 60_000 });
    const [, from, to] = /changed from (\d+) to (\d+)/.exec((await stop.textContent()) ?? '') ?? [];
    assert.ok(from !== undefined && from !== to, 'the value changed');
    await variableRow(page, 'total', to);
    // The stop is just after the store: on its line or at the next statement's first instruction.
    const stopLine = await pausedLine(page);
    assert.ok(
      stopLine === writeLine || stopLine === writeLine + 1,
      `stopped after the write of total (line ${stopLine})`,
    );
    await shot(page, 'data-breakpoint');

    // 3. The Timeline: a click in its picture travels to that step (its status line, the
    // Variables pane's Machine step and the editor follow).
    await palette(page, 'Transformer VM: Open Timeline');
    let timeline: { frame: Frame; text: string } | undefined;
    for (let i = 0; i < 60 && !timeline; i++) {
      timeline = await webview(page, 'Whole run');
      if (!timeline) await page.waitForTimeout(500);
    }
    assert.ok(timeline, 'the Timeline is open');
    const status = timeline.frame.locator('#status');
    const current = async () =>
      Number(
        /current step ([\d,]+)/
          .exec((await status.textContent({ timeout: 5000 })) ?? '')?.[1]
          ?.replace(/,/g, ''),
      );
    const stepBefore = await until(page, current, Number.isFinite);
    assert.ok(Number.isFinite(stepBefore), 'the Timeline shows the current step');
    const canvas = timeline.frame.locator('canvas#c');
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 200, 'the Timeline has a picture');
    // Nine tenths along the plot (right of the 96-pixel lane labels): an earlier step, in main.
    await canvas.click({ position: { x: 96 + (box.width - 96) * 0.9, y: 60 } });
    const stepAfter = await until(page, current, (s) => s !== stepBefore);
    assert.ok(stepAfter < stepBefore, `the click travelled back from step ${stepBefore} (to ${stepAfter})`);
    await expandScope(page, 'Machine');
    assert.equal(
      await until(
        page,
        () => shownStep(page),
        (s) => s === stepAfter,
      ),
      stepAfter,
      'the Variables pane follows',
    );
    await page.mouse.move(1100, 650); // no tooltip in the picture
    await page.waitForTimeout(1500); // the Timeline redraws its cursor at the new stop; tooltips fade
    await shot(page, 'timeline', aboveThePanel);

    // 4. The Attention view: arcs from the current position to the tokens its heads selected.
    await palette(page, 'Transformer VM: Open Attention View');
    let attention: { frame: Frame; text: string } | undefined;
    for (let i = 0; i < 60 && !attention; i++) {
      attention = await webview(page, 'stack_top');
      if (!attention) await page.waitForTimeout(500);
    }
    assert.ok(attention, 'the attention view lists the heads');
    const arcs = attention.frame.locator('#arcs path');
    await until(
      page,
      () => arcs.count(),
      (n) => n > 0,
    );
    assert.ok((await arcs.count()) > 0, 'the attention view draws arcs');
    await page.mouse.move(1100, 650);
    await page.waitForTimeout(1500);
    await shot(page, 'attention-view', aboveThePanel);

    if (process.env.E2E_UPDATE_IMAGES === '1') {
      mkdirSync(join(root, 'docs', 'images'), { recursive: true });
      for (const name of readmeImages)
        copyFileSync(join(shots, `${name}.png`), join(root, 'docs', 'images', `${name}.png`));
    }
  } catch (e) {
    await shot(page, 'failure-history');
    throw e;
  } finally {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+F5');
    await palette(page, 'Remove All Breakpoints').catch(() => undefined);
    await page.close();
  }
});
