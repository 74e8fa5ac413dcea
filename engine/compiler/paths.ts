// Where the package's own files are, whether we run from sources (tsx) or from the dist bundle.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/**
 * The package root: the nearest folder above this file whose package.json is ours (a clone, the
 * npm package, or the installed VS Code extension, which has no sources).
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'transformer-vm') {
      root = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the transformer-vm package root above ${__dirname}`);
    dir = up;
  }
}

export const runtimeHeaderPath = () => join(packageRoot(), 'engine', 'compiler', 'runtime', 'tvm.h');
export const loweringHelpersPath = () => join(packageRoot(), 'engine', 'compiler', 'lowering', 'helpers.wat');
/** The soft-float helpers (generated from lowering/softfloat/*.c by scripts/gen-softfloat.mjs). */
export const softFloatHelpersPath = () =>
  join(packageRoot(), 'engine', 'compiler', 'lowering', 'softfloat.wat');
export const examplesDir = () => join(packageRoot(), 'examples');
/** The universal model built at package time and shipped in the extension (absent in a clone). */
export const packagedModelPath = () => join(packageRoot(), 'dist', 'model', 'universal.tvmw');
