// Installs what the end-to-end test needs, from the npm registry only: code-server 4.100.3 (VS
// Code 1.100.3 in the browser, the last release for Node 20) into a cache folder
// (TVM_E2E_DIR, default ~/.cache/transformer-vm/code-server-4.100.3). Its own install scripts
// download ripgrep and insist on unsafe-perm, so they are replaced by these steps (measured in
// ../shared/notes/vscode-e2e.md): install without scripts, rebuild argon2, install VS Code's
// dependencies without scripts, link Debian's ripgrep, rebuild, then the postinstall's links.
// Debian packages it needs (.ci/run installs them): chromium, ripgrep, libkrb5-dev, pkg-config.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const VERSION = '4.100.3';
export const dir =
  process.env.TVM_E2E_DIR ?? join(homedir(), '.cache', 'transformer-vm', `code-server-${VERSION}`);
export const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const done = join(dir, 'INSTALLED');

function npm(cwd: string, ...args: string[]) {
  execFileSync('npm', [...args, '--no-audit', '--no-fund'], {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
}

function link(target: string, path: string) {
  rmSync(path, { recursive: true, force: true });
  symlinkSync(target, path);
}

export function setup() {
  if (existsSync(done) && existsSync(entry)) return;
  if (!existsSync('/usr/bin/rg')) throw new Error('ripgrep is missing: apt-get install -y ripgrep');
  console.log(`installing code-server ${VERSION} into ${dir} (about 1.5 minutes, once)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  npm(dir, 'install', `code-server@${VERSION}`, '--ignore-scripts');
  npm(dir, 'rebuild', 'argon2');
  const vscode = join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  npm(vscode, 'install', '--omit=dev', '--ignore-scripts');
  const rg = join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rg, { recursive: true });
  link('/usr/bin/rg', join(rg, 'rg'));
  npm(vscode, 'rebuild');
  link('node_modules', join(vscode, 'node_modules.asar'));
  link('code-linux.sh', join(vscode, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', join(vscode, 'bin', 'helpers', 'browser.sh'));
  npm(join(vscode, 'extensions'), 'install', '--omit=dev');
  writeFileSync(done, `${new Date().toISOString()}\n`);
}

if (require.main === module) setup();
