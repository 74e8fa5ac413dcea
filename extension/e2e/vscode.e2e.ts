// npm run test:e2e: a real VS Code, driven like a person. code-server (VS Code in the browser,
// installed by scripts/e2e-setup.mjs from npm) serves a fresh workspace with a C file; the built
// .vsix is installed; Debian's chromium, driven by playwright-core, opens the file, sets a
// breakpoint on a marked line (F9), presses F5, and the test checks the debug toolbar, the paused
// line, the Variables pane, program output in the Debug Console and the Attention view, and that
// clicking an attention hit travels to the step that wrote it; a second session on a C file the
// machine cannot run checks the error's dialog, Debug Console line and Problems entry; a third
// debugs a C program at F5's debug build and checks the C view: its variables by name and value
// in the Variables pane, a struct expanded to its members, and a hover on a variable.
// Screenshots of each stage go to dist/e2e/. (@vscode/test-electron would download VS Code,
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

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** Runs a palette command by its exact label. */
async function palette(page: Page, label: string) {
  await page.keyboard.press('F1');
  await page.keyboard.type(label);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: 30_000 });
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
  const text = (await row.textContent()) ?? '';
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
