// The ordinary-C corpus (engine/test/ordinary/*.c) and its native oracle: each program's run
// configuration from its header's marker lines (`// args:`, `// stdin:`, `// stdin-file:`), and
// the program built by gcc against glibc and run with that configuration, stdout and stderr in
// one stream in the order written, with its exit status (a signal N counts as 128 + N, as a
// shell reports it).
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const ordinaryDir = join(__dirname, '..', 'ordinary');

export interface RunConfig {
  /** argv[1..]. */
  readonly args: string[];
  readonly stdin: Uint8Array;
}

export interface OrdinaryProgram extends RunConfig {
  readonly name: string;
  readonly file: string;
  readonly source: string;
}

/** Splits an argument string as a POSIX shell does for words: blanks separate, quotes group. */
export function splitArgs(text: string, where = 'args'): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else if (c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw new Error(`${where}: unterminated ' quote`);
      cur += text.slice(i + 1, close);
      inWord = true;
      i = close;
    } else if (c === '"') {
      // Inside double quotes a backslash escapes only " \ $ and `.
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && '"\\$`'.includes(text[j + 1] ?? '')) j++;
        cur += text[j];
      }
      if (j >= text.length) throw new Error(`${where}: unterminated " quote`);
      inWord = true;
      i = j;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

/** `\n`, `\t`, `\\` in a `// stdin:` line. */
function unescapeStdin(text: string, where: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => {
    if (c === 'n') return '\n';
    if (c === 't') return '\t';
    if (c === '\\') return '\\';
    throw new Error(`${where}: unknown escape \\${c} in the stdin line`);
  });
}

/** The run configuration a program's header states. */
export function runConfigOf(file: string, source: string): RunConfig {
  const marker = (name: string) => {
    const re = new RegExp(`^// ${name}:(.*)$`, 'm');
    const m = re.exec(source);
    if (!m) return undefined;
    const line = source.slice(0, m.index).split('\n').length;
    return { text: m[1].replace(/^ /, ''), where: `${file}:${line}` };
  };
  const args = marker('args');
  const stdin = marker('stdin');
  const stdinFile = marker('stdin-file');
  if (stdin && stdinFile) throw new Error(`${stdinFile.where}: both // stdin: and // stdin-file: given`);
  let input = '';
  if (stdin) input = unescapeStdin(stdin.text, stdin.where);
  else if (stdinFile) {
    const path = join(dirname(file), stdinFile.text.trim());
    if (!existsSync(path)) throw new Error(`${stdinFile.where}: no file ${stdinFile.text.trim()}`);
    input = readFileSync(path, 'latin1');
  }
  return {
    args: args ? splitArgs(args.text.trim(), args.where) : [],
    stdin: Uint8Array.from(Buffer.from(input, 'latin1')),
  };
}

/** Every program of the corpus, by name. */
export function ordinaryPrograms(): OrdinaryProgram[] {
  return readdirSync(ordinaryDir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => {
      const file = join(ordinaryDir, f);
      const source = readFileSync(file, 'utf8');
      return { name: f.replace(/\.c$/, ''), file, source, ...runConfigOf(file, source) };
    });
}

export interface NativeRun {
  /** stdout and stderr as one stream, in the order the program wrote them. */
  readonly output: Uint8Array;
  /** The exit status; 128 + N after signal N. */
  readonly status: number;
  readonly timedOut: boolean;
}

// A constructor that unbuffers stdout, so stdout and stderr reach the shared file in the order
// written (glibc's stderr is already unbuffered).
const UNBUFFER_SHIM =
  '#include <stdio.h>\n__attribute__((constructor)) static void tvm_unbuffer(void) { setvbuf(stdout, 0, _IONBF, 0); }\n';

let buildDir: string | undefined;
const built = new Map<string, string>();

function workDir(): string {
  if (!buildDir) buildDir = mkdtempSync(join(tmpdir(), 'tvm-gcc-'));
  return buildDir;
}

/** The folder of this run's native builds (removed by the caller when it is done). */
export function nativeBuildDir(): string | undefined {
  return buildDir;
}

/**
 * Builds a C file natively with gcc (`-std=c11 -O1 -fwrapv -w`, plus `extra` flags, linked with
 * glibc's libm for math.h), once per test run. The source is named by its absolute path, as our compiler names it to clang, so
 * `__FILE__` (in a failed assert's message) is the same on both sides.
 */
export function buildNative(file: string, extra: string[] = []): string {
  const key = [file, ...extra].join('\0');
  const cached = built.get(key);
  if (cached) return cached;
  const dir = workDir();
  const shim = join(dir, 'unbuffer.c');
  if (!existsSync(shim)) writeFileSync(shim, UNBUFFER_SHIM);
  const exe = join(dir, `${basename(file, '.c')}-${built.size}`);
  const r = spawnSync('gcc', ['-std=c11', '-O1', '-fwrapv', '-w', ...extra, file, shim, '-o', exe, '-lm'], {
    cwd: dirname(file),
    encoding: 'utf8',
  });
  if (r.error) throw new Error(`cannot run gcc: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`gcc failed on ${file}:\n${r.stderr}`);
  built.set(key, exe);
  return exe;
}

/** Runs a native build: argv[0] is `name`, stdout+stderr share one file descriptor. */
export function runNative(exe: string, name: string, config: RunConfig, timeoutMs = 10_000): NativeRun {
  const outFile = join(workDir(), `out-${process.pid}-${name}`);
  const fd = openSync(outFile, 'w+');
  try {
    const r = spawnSync(exe, config.args, {
      argv0: name,
      input: config.stdin,
      stdio: ['pipe', fd, fd],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT')
      throw new Error(`cannot run ${exe}: ${r.error.message}`);
    const timedOut = r.signal === 'SIGKILL' && r.status === null;
    const status = r.status ?? 128 + (r.signal ? constants.signals[r.signal] : 0);
    return { output: new Uint8Array(readFileSync(outFile)), status, timedOut };
  } finally {
    closeSync(fd);
  }
}

/** gcc's build of a corpus program, run with its header's configuration. */
export function nativeRunOf(p: OrdinaryProgram): NativeRun {
  const run = runNative(buildNative(p.file), p.name, p);
  if (run.timedOut) throw new Error(`${p.name}: the native build did not finish within 10 s`);
  return run;
}

/** Where two outputs first differ, with a little of each side from there, for a failure message. */
export function firstDifference(ours: Uint8Array, theirs: Uint8Array): string | undefined {
  const n = Math.min(ours.length, theirs.length);
  let i = 0;
  while (i < n && ours[i] === theirs[i]) i++;
  if (i === ours.length && i === theirs.length) return undefined;
  const show = (b: Uint8Array) => JSON.stringify(Buffer.from(b.subarray(i, i + 60)).toString('latin1'));
  return `first difference at byte ${i} (of ${ours.length} vs ${theirs.length}): ours ${show(ours)}, gcc ${show(theirs)}`;
}
