// The C library (engine/compiler/libc) against glibc: each program under programs/ is built with
// our library for WebAssembly (run by V8) and natively with gcc, and both must print the same
// bytes and exit with the same status. Also: what the machine reports where glibc would reach
// the operating system, and the compile-time errors for functions the machine cannot have.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findClang } from '../../compiler/clang';
import { buildWasm, differential, firstDifference, libcFlags, runWasm } from './support/harness';

const programs = join(__dirname, 'programs');
const source = (name: string) => readFileSync(join(programs, name), 'utf8');

// Every program is built up front, concurrently: clang and gcc spend much of their time starting.
const builds = new Map<string, ReturnType<typeof differential>>();
for (const name of [
  'printf-random.c',
  'printf-fixed.c',
  'scanf-random.c',
  'stdin.c',
  'string.c',
  'stdlib.c',
  'malloc.c',
  'exit.c',
]) {
  const build = differential(source(name));
  build.catch(() => {}); // reported by the test that awaits it
  builds.set(name, build);
}

async function same(name: string, stdins: string[] = ['']) {
  const d = await (builds.get(name) ?? differential(source(name)));
  for (const stdin of stdins) {
    const { ours, glibc } = await d.run(stdin);
    assert.ok(glibc.output.length > 0, `the native build prints something (stdin ${JSON.stringify(stdin)})`);
    assert.ok(
      ours.output.equals(glibc.output),
      `${name} (stdin ${JSON.stringify(stdin)}): ${firstDifference(ours.output, glibc.output)}`,
    );
    assert.equal(ours.status, glibc.status, `${name} (stdin ${JSON.stringify(stdin)}): exit status`);
  }
}

test('printf, snprintf: 4000 random conversion specifications print what glibc prints', () =>
  same('printf-random.c'));

test('printf family: return values, truncation, %n, %m, stdout and stderr in order', () =>
  same('printf-fixed.c'));

test('sscanf: 3000 random formats and inputs give glibc’s results and return values', () =>
  same('scanf-random.c'));

test('stdin: scanf, getchar, ungetc, fgets, fread and the end of input', () =>
  same('stdin.c', [
    '  12\n-7 hello!ab\nline one\na very long line that exceeds\n.\nRAWBYTES 0x1F 1 2 3 4 x rest of it\nlast line\ntail',
    '',
    '1 2 word\n',
    'x',
  ]));

test('string.h, strings.h, ctype.h, strerror, perror and wchar.h', () => same('string.c'));

test('stdlib.h: strto* on random text, atoi, div, qsort, bsearch, rand/srand', () => same('stdlib.c'));

test('malloc, calloc, realloc, free, aligned_alloc: random use, reuse and exhaustion', () =>
  same('malloc.c'));

test('exit, atexit, _Exit, abort, assert and NDEBUG: output and exit status', () =>
  same('exit.c', [
    'return',
    'exit',
    'exit0',
    'exit1',
    'exit300',
    '_Exit',
    'abort',
    'raise',
    'assert',
    'ndebug',
    'other',
  ]));

test('files, clock, signals, environment: the documented failures', async () => {
  const { output, status } = await runWasm(await buildWasm(source('machine-only.c')));
  assert.equal(status, 0);
  assert.equal(
    output.toString('latin1'),
    [
      'fopen r: NULL No such file or directory',
      'fopen w: NULL Read-only file system',
      'tmpfile: NULL Read-only file system',
      'remove -1 rename -1 No such file or directory',
      'fseek -1 ftell -1 Illegal seek',
      'fputc(stdin) -1 Bad file descriptor',
      'ferror(stdin) 1',
      'time -1 -1 clock -1',
      'signal SIG_ERR Function not implemented',
      'getenv NULL system(NULL) 0 system -1 Function not implemented',
      'setlocale C C NULL',
      'via write',
      'write 10',
      'setvbuf 0 fflush 0 fclose 0',
      'floating point: [1.500000][2.50e+00][3.5][0x1.2p+2][42]',
      '',
    ].join('\n'),
  );
});

test('functions the machine cannot have are compile errors naming the line and the function', () => {
  const uses: [string, string][] = [
    ['setjmp.h', 'jmp_buf b; if (setjmp(b)) return 1;'],
    ['setjmp.h', 'jmp_buf b; longjmp(b, 1);'],
    ['time.h', 'time_t t = 0; return localtime(&t) != 0;'],
    ['time.h', 'char s[9]; return (int)strftime(s, 9, "%Y", 0);'],
    ['pthread.h', 'pthread_t t; return pthread_create(&t, 0, 0, 0);'],
    ['pthread.h', 'pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER; return pthread_mutex_lock(&m);'],
    ['threads.h', 'thrd_t t; return thrd_create(&t, 0, 0);'],
    ['signal.h', 'return kill(1, SIGTERM);'],
    ['unistd.h', 'return fork();'],
    ['unistd.h', 'return (int)sleep(1);'],
  ];
  // One file, one use per function: its line is 3 + the use's index (after the includes).
  const headers = [...new Set(uses.map(([h]) => h))];
  const lines = [
    ...headers.map((h) => `#include <${h}>`),
    ...uses.map(([, body], i) => `int use${i}(void) { ${body} }`),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'tvm-libc-unavailable-'));
  try {
    const file = join(dir, 'use.c');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = spawnSync(findClang(), [...libcFlags(), '-fsyntax-only', file], { encoding: 'utf8' });
    assert.notEqual(r.status, 0, 'the uses compiled');
    uses.forEach(([, body], i) => {
      const fn = /([a-z_]+)\(/.exec(body.replace(/^.*?; /, ''))?.[1] ?? '';
      const line = headers.length + i + 1;
      assert.match(
        r.stderr,
        new RegExp(
          `use\\.c:${line}:\\d+: error: '${fn}' is unavailable: ${fn}: the transformer machine has no `,
        ),
        `${fn} at line ${line}:\n${r.stderr}`,
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every header compiles, in either order and twice, with -Wall -Wextra -pedantic', () => {
  const headers = [
    'assert.h',
    'ctype.h',
    'errno.h',
    'inttypes.h',
    'locale.h',
    'math.h',
    'pthread.h',
    'setjmp.h',
    'signal.h',
    'stdio.h',
    'stdlib.h',
    'string.h',
    'strings.h',
    'sys/types.h',
    'threads.h',
    'time.h',
    'unistd.h',
    'wchar.h',
  ];
  const dir = mkdtempSync(join(tmpdir(), 'tvm-libc-headers-'));
  try {
    for (const set of [...headers.map((h) => [h]), headers]) {
      const file = join(dir, 'h.c');
      writeFileSync(
        file,
        `${set.map((h) => `#include <${h}>`).join('\n')}\n${set.map((h) => `#include <${h}>`).join('\n')}\nint main(void) { return 0; }\n`,
      );
      const r = spawnSync(
        findClang(),
        [
          ...libcFlags(),
          '-std=c11',
          '-Wall',
          '-Wextra',
          '-pedantic',
          '-Werror',
          '-c',
          '-o',
          join(dir, 'h.o'),
          file,
        ],
        { encoding: 'utf8' },
      );
      assert.equal(r.status, 0, `${set.join(' ')}:\n${r.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
