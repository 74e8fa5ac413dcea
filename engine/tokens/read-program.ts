// Reading a token file from disk, for every tool that takes one (CLIs, the debugger): a regular
// file of bounded size, parsed with errors that name the file, line and column.
import { readRegularFile } from '../util/files';
import { parseProgram, type TokenProgram } from './program-file';

/**
 * The largest token file a tool reads: a program, a specialized input or a reference trace.
 * Larger text cannot become one JavaScript string (V8's limit is 512 MiB), and `/dev/zero` or a
 * FIFO must be refused before it is read, not after it has filled the memory.
 */
export const MAX_TOKEN_FILE_BYTES = 256 * 1024 * 1024;

export function readProgramFile(file: string): TokenProgram {
  return parseProgram(readRegularFile(file, 'token file', MAX_TOKEN_FILE_BYTES).toString('utf8'), file);
}
