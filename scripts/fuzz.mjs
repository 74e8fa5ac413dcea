// npm run fuzz [-- --seconds N] [NAME...]: runs every fuzz target for N seconds each (default 60):
// the TypeScript property fuzzers (*.fuzz.ts, fast-check) and the native libFuzzer targets
// (scripts/fuzz-native.mjs). Each prints `fuzz NAME: E executions, F findings`; this prints a
// summary and exits non-zero when any target found something or failed to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { filesEndingWith, SOURCE_ROOTS } from './source-files.mjs';

const args = process.argv.slice(2);
let seconds = 60;
const names = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--seconds') {
    const s = Number(args[++i]);
    if (!Number.isInteger(s) || s < 1 || s > 86_400) {
      console.error(`--seconds must be an integer from 1 to 86,400, not '${args[i]}'`);
      process.exit(2);
    }
    seconds = s;
  } else if (args[i].startsWith('-')) {
    console.error(`unknown option ${args[i]}\nusage: npm run fuzz -- [--seconds N] [NAME...]`);
    process.exit(2);
  } else names.push(args[i]);
}

const targets = SOURCE_ROOTS.flatMap((d) => filesEndingWith(d, '.fuzz.ts')).map((file) => ({
  name: basename(file, '.fuzz.ts'),
  cmd: [process.execPath, '--import', 'tsx', file],
}));
if (existsSync('scripts/fuzz-native.mjs')) {
  targets.push({ name: 'native', cmd: [process.execPath, 'scripts/fuzz-native.mjs'] });
}
const chosen = names.length ? targets.filter((t) => names.includes(t.name)) : targets;
if (chosen.length === 0) {
  console.error(
    `no fuzz target named ${names.join(', ')} (targets: ${targets.map((t) => t.name).join(', ')})`,
  );
  process.exit(2);
}

const results = [];
for (const t of chosen) {
  console.log(`# ${t.name}: ${seconds} s`);
  const r = spawnSync(t.cmd[0], [...t.cmd.slice(1), '--seconds', String(seconds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  process.stdout.write(r.stdout ?? '');
  const lines = (r.stdout ?? '')
    .split('\n')
    .filter((l) => /^fuzz .*: [\d,]+ executions, [\d,]+ findings/.test(l));
  results.push({ name: t.name, ok: r.status === 0 && lines.length > 0, lines, status: r.status ?? r.signal });
}
console.log('\nsummary:');
for (const r of results) {
  const what = r.lines.length ? r.lines.join('; ') : 'no result line';
  console.log(`  ${r.ok ? 'ok    ' : 'FAILED'} ${what}${r.ok ? '' : ` (exit ${r.status})`}`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
