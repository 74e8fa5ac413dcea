// Files a command reads and writes: inputs must be regular files of bounded size, outputs are
// written atomically (a temporary file renamed into place) and never over one of the inputs.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A file a user named that cannot be used; the message names it. */
export class FileError extends Error {}

/**
 * Reads a whole regular file of at most `maxBytes`. Devices, FIFOs and folders are refused before
 * anything is read (`/dev/zero` never ends), and so is a file larger than the limit.
 */
export function readRegularFile(path: string, what: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever; it is refused below.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new FileError(`${path}: cannot open the ${what}: ${reason(e)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new FileError(`${path}: the ${what} is not a regular file`);
    if (st.size > maxBytes) {
      throw new FileError(
        `${path}: the ${what} is ${st.size.toLocaleString('en-US')} bytes, more than the ${maxBytes.toLocaleString('en-US')} allowed`,
      );
    }
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === buf.length ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/** Refuses an output path that names one of the inputs (after resolving links). */
export function assertNotInput(output: string, inputs: readonly string[], what = 'output'): void {
  const out = canonical(output);
  for (const input of inputs) {
    if (canonical(input) === out)
      throw new FileError(`${output}: the ${what} would overwrite the input ${input}`);
  }
}

/**
 * Writes several files so that either all of them are replaced or none is: each is written to a
 * temporary file beside it first, and only when every one is written are they renamed into place.
 */
export function writeFilesAtomic(files: readonly { path: string; data: string | Uint8Array }[]): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      const dir = dirname(f.path);
      const st = statOrUndefined(dir);
      if (!st) throw new FileError(`${f.path}: the folder ${dir} does not exist`);
      if (!st.isDirectory()) throw new FileError(`${f.path}: ${dir} is not a folder`);
      const existing = statOrUndefined(f.path);
      if (existing?.isDirectory()) throw new FileError(`${f.path}: is a folder, not a file name`);
      const temp = join(dir, `.${basename(f.path)}.${process.pid}.${temps.length}.tmp`);
      temps.push(temp);
      try {
        writeFileSync(temp, f.data);
      } catch (e) {
        throw new FileError(`${f.path}: cannot write: ${reason(e)}`);
      }
    }
    for (const [i, f] of files.entries()) renameSync(temps[i], f.path);
    temps.length = 0;
  } finally {
    for (const t of temps) rmSync(t, { force: true });
  }
}

/** Writes one file atomically. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there yet: resolve its folder, which may be a link.
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return err.message ?? String(e);
  }
}
