// examples/manifest.yaml: the example programs and their default inputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { examplesDir } from './compiler/paths';

export interface ExampleProgram {
  readonly name: string;
  /** Absolute path of the source file. */
  readonly file: string;
  readonly args: string;
  readonly description: string;
}

export function loadManifest(dir = examplesDir()): ExampleProgram[] {
  const path = join(dir, 'manifest.yaml');
  const doc = parse(readFileSync(path, 'utf8')) as { programs?: unknown };
  if (!doc || !Array.isArray(doc.programs)) throw new Error(`${path}: expected a top-level 'programs' list`);
  return doc.programs.map((p: Record<string, unknown>, i: number) => {
    if (typeof p?.name !== 'string' || typeof p.file !== 'string') {
      throw new Error(`${path}: program #${i + 1} needs a 'name' and a 'file'`);
    }
    return {
      name: p.name,
      file: join(dir, p.file),
      args: p.args === undefined || p.args === null ? '' : String(p.args),
      description: typeof p.description === 'string' ? p.description : '',
    };
  });
}
