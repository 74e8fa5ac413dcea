// What the scripts that time a debug session on a long program share: their command line
// (FILE.c [--args STR] [-O0|-O1|-O2|-Os] [--max-tokens N], plus a script's own flags) and a
// session launched over stdio as an editor drives it, with the adapter's resident memory.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { adapter, adapterPid, initializeAdapter } from '../../debug-adapter/test/support/dap';
import { mib, residentBytes } from '../../engine/test/support/peak-rss';

export interface ProgramOptions {
  readonly file: string;
  readonly args: string;
  readonly optimize: string;
  readonly maxTokens: number;
}

export type Usage = (message: string) => never;

export function positiveInteger(flag: string, text: string | undefined, usage: Usage): number {
  if (text === undefined || !/^[1-9]\d*$/.test(text) || !Number.isSafeInteger(Number(text)))
    usage(`${flag} needs a positive integer, not ${text === undefined ? 'nothing' : `'${text}'`}`);
  return Number(text);
}

/**
 * Reads the program and the common options; `own(flag, next)` takes a script's own flags (true
 * when it used the flag, `next()` giving its value).
 */
export function programOptions(
  argv: readonly string[],
  usage: Usage,
  own: (flag: string, next: () => string | undefined) => boolean = () => false,
): ProgramOptions {
  let file: string | undefined;
  let args = '';
  let optimize = 'O2';
  let maxTokens = 300_000_000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (own(a, () => argv[++i])) continue;
    if (a === '--max-tokens') maxTokens = positiveInteger(a, argv[++i], usage);
    else if (a === '--args') {
      if (argv[i + 1] === undefined) usage('--args needs a string');
      args = argv[++i];
    } else if (/^-O[012s]$/.test(a)) optimize = a.slice(1);
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (file === undefined) file = resolve(a);
    else usage(`one program, not ${file} and ${a}`);
  }
  if (file === undefined) usage('which C file?');
  if (!existsSync(file)) usage(`${file}: no such file`);
  return { file, args, optimize, maxTokens };
}

/** The adapter started over stdio and the program launched (not yet configured). */
export async function launchOverStdio(
  o: ProgramOptions,
  usage: Usage,
): Promise<{ dc: DebugClient; memory: () => string }> {
  if (!existsSync(adapter)) usage(`${adapter} is missing: run node scripts/build.mjs`);
  const dc = new DebugClient('node', adapter, 'transformer-vm');
  dc.defaultTimeout = 3_600_000;
  await dc.start();
  const pid = adapterPid(dc);
  const memory = () => {
    const { rss, hwm } = residentBytes(pid);
    return `rss ${mib(rss)}, peak ${mib(hwm)}`;
  };
  await initializeAdapter(dc);
  const initialized = dc.waitForEvent('initialized');
  await dc.launch({ program: o.file, args: o.args, maxTokens: o.maxTokens, optimize: o.optimize });
  await initialized;
  return { dc, memory };
}
