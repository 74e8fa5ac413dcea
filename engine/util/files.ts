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
  writeSync,
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
      const temp = tempPathFor(f.path, temps.length);
      temps.push(temp);
      try {
        writeFileSync(temp, f.data);
      } catch (e) {
        throw new FileError(`${f.path}: cannot write: ${reason(e)}`);
      }
    }
    for (const [i, f] of files.entries()) renameInto(temps[i], f.path);
    temps.length = 0;
  } finally {
    for (const t of temps) rmSync(t, { force: true });
  }
}

/** Writes one file atomically. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}

/**
 * A file written piece by piece (a trace of millions of tokens is never one string): the pieces
 * go to a temporary file beside it, renamed into place by `commit`; `abort` removes it.
 */
export class AtomicFileWriter {
  private readonly temp: string;
  private fd: number | undefined;

  constructor(readonly path: string) {
    this.temp = tempPathFor(path, 0);
    try {
      this.fd = openSync(this.temp, 'w');
    } catch (e) {
      throw new FileError(`${path}: cannot write: ${reason(e)}`);
    }
  }

  write(data: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`internal: ${this.path} is already closed`);
    try {
      writeSync(this.fd, typeof data === 'string' ? Buffer.from(data) : data);
    } catch (e) {
      this.abort();
      throw new FileError(`${this.path}: cannot write: ${reason(e)}`);
    }
  }

  commit(): void {
    if (this.fd === undefined) throw new Error(`internal: ${this.path} is already closed`);
    closeSync(this.fd);
    this.fd = undefined;
    try {
      renameInto(this.temp, this.path);
    } finally {
      rmSync(this.temp, { force: true });
    }
  }

  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.temp, { force: true });
  }
}

/**
 * Checks that `path` can be written as an output file (its folder exists, it is not a folder),
 * so a command can refuse a bad output before long work instead of after it.
 */
export function assertWritablePath(path: string): void {
  tempPathFor(path, 0);
}

/** The temporary file beside `path`, after checking `path` can be an output file at all. */
function tempPathFor(path: string, n: number): string {
  if (/[/\\]$/.test(path) || basename(path) === '')
    throw new FileError(`${path}: names a folder, not a file`);
  const dir = dirname(path);
  const st = statOrUndefined(dir);
  if (!st) {
    // A folder further up may be a file ('/etc/hostname/x'): say which.
    for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) {
      const up = statOrUndefined(d);
      if (up && !up.isDirectory()) throw new FileError(`${path}: ${d} is not a folder`);
      if (up) break;
    }
    throw new FileError(`${path}: the folder ${dir} does not exist`);
  }
  if (!st.isDirectory()) throw new FileError(`${path}: ${dir} is not a folder`);
  const existing = statOrUndefined(path);
  if (existing?.isDirectory()) throw new FileError(`${path}: is a folder, not a file name`);
  return join(dir, `.${basename(path)}.${process.pid}.${n}.tmp`);
}

function renameInto(temp: string, path: string): void {
  try {
    renameSync(temp, path);
  } catch (e) {
    throw new FileError(`${path}: cannot write: ${reason(e)}`);
  }
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
