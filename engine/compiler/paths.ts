// Where the package's own files are, whether we run from sources (tsx) or from the dist bundle.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/** The package root: the nearest folder above this file with our package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'engine'))) {
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
export const examplesDir = () => join(packageRoot(), 'examples');
