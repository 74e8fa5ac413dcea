// WebAssembly text → binary through the wabt package (the reference toolkit, compiled to wasm).
import wabt from 'wabt';
import { CompileError } from './diagnostics';

let instance: ReturnType<typeof wabt> | undefined;

/** Assembles WAT text; syntax errors are reported as wabt printed them, with file:line:column. */
export async function watToWasm(text: string, file: string): Promise<Uint8Array> {
  instance ??= wabt();
  const w = await instance;
  let module: ReturnType<typeof w.parseWat> | undefined;
  try {
    // Sign-extension operators are accepted (and lowered); everything else post-MVP is rejected
    // later with a clear message, so let wabt parse it.
    module = w.parseWat(file, text, {
      sign_extension: true,
      sat_float_to_int: true,
      bulk_memory: true,
      mutable_globals: true,
    });
    module.resolveNames();
    module.validate();
    return new Uint8Array(module.toBinary({ write_debug_names: true }).buffer);
  } catch (e) {
    const message = (e as Error).message.replace(/^(parseWat|validate) failed:\s*/, '').trim();
    throw new CompileError(file, [], withFileName(message, file));
  } finally {
    module?.destroy();
  }
}

/**
 * wabt copies the file name into its heap without the terminating NUL, so its messages may name
 * `bad.watk:2:1`: every `NAME…:line:column:` that starts with the file name is rewritten to it.
 */
export function withFileName(message: string, file: string): string {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return message.replace(new RegExp(`^${escaped}[^:\\n]*:(\\d+):(\\d+):`, 'gm'), `${file}:$1:$2:`);
}
