// The project's source folders and a walk over them, for the scripts that find files by suffix
// (test.mjs: *.test.ts, fuzz.mjs: *.fuzz.ts).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders with sources: the TypeScript core, the adapter and the extension. */
export const SOURCE_ROOTS = ['engine', 'debug-adapter', 'extension'].filter((d) => existsSync(d));

const SKIP = new Set(['node_modules', 'dist', 'data', '.git', 'build']);

/** Every file under `dir` whose name ends with `suffix`, sorted. */
export function filesEndingWith(dir, suffix) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      if (SKIP.has(name)) continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(suffix)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}
