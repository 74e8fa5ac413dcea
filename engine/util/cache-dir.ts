// The per-user cache (`$TVM_CACHE_DIR`, else `$XDG_CACHE_HOME/transformer-vm`, else
// `~/.cache/transformer-vm`): the universal model and the compiled C library live there.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function cacheDir(): string {
  const base =
    process.env.TVM_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'transformer-vm');
  mkdirSync(base, { recursive: true });
  return base;
}
