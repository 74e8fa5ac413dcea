// npx tsx scripts/memory-table.ts [EXAMPLE ...] [--record]
// Where the native engine's memory goes: runs each example (default: sudoku) on the universal
// model, checked token for token against the reference executor, and prints the bytes of every
// cache structure at the end (engine.memory(): vector capacities) and per generated token. With
// --record the engine also records attention selections for the debugger (its selection log,
// taken and deflated as the debugger does; the deflated bytes are printed as selectionLogDeflated).
// The table in docs/native-engine.md ("Where the memory goes") comes from this script.
import { generateNative, openNative } from '../engine/model/native-engine';
import { SelectionLog } from '../engine/model/selection-log';
import { exampleRun } from '../engine/test/support/examples';
import { universalModel } from '../engine/weights/universal';

async function main() {
  const args = process.argv.slice(2);
  const record = args.includes('--record');
  const names = args.filter((a) => !a.startsWith('--'));
  const { file } = await universalModel();
  for (const name of names.length ? names : ['sudoku']) {
    const run = await exampleRun(name);
    const engine = openNative(file);
    const log = record ? new SelectionLog(engine) : undefined;
    const r = await generateNative(engine, run.prompt, {
      expected: run.expected,
      onChunk: () => log?.pull(),
    });
    log?.pull();
    if (r.mismatch || !r.halted) throw new Error(`${name}: the run did not match the reference executor`);
    const tokens = engine.position;
    console.log(
      `${name}: ${tokens.toLocaleString('en-US')} positions${record ? ', recording selections' : ''}`,
    );
    console.log('| structure | bytes | bytes/token |');
    console.log('|---|---:|---:|');
    let total = 0;
    const parts = Object.entries({ ...engine.memory(), ...(log ? { selectionLogDeflated: log.bytes } : {}) });
    for (const [part, bytes] of parts) {
      total += bytes;
      console.log(`| ${part} | ${bytes.toLocaleString('en-US')} | ${(bytes / tokens).toFixed(2)} |`);
    }
    console.log(`| total | ${total.toLocaleString('en-US')} | ${(total / tokens).toFixed(2)} |`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
