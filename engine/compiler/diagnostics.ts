// Compile errors that name the file, line and construct, in the format editors and terminals know:
// `file:line:column: error: message`.

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic {
  readonly message: string;
  /** Where in the C source (or the input file) the construct is; absent when unknown. */
  readonly location?: SourceLocation;
  /** Function the construct is in, from the name section. */
  readonly functionName?: string;
  /** Byte offset in the Code section, for inputs without line tables. */
  readonly wasmOffset?: number;
}

export function formatDiagnostic(d: Diagnostic, fallbackFile: string): string {
  const where = d.location
    ? `${d.location.file}:${d.location.line}:${d.location.column}`
    : `${fallbackFile}${d.functionName ? ` (function ${d.functionName}${d.wasmOffset !== undefined ? `, code offset 0x${d.wasmOffset.toString(16)}` : ''})` : ''}`;
  return `${where}: error: ${d.message}`;
}

/** The program cannot be compiled; `diagnostics` lists every reason found. */
export class CompileError extends Error {
  constructor(
    readonly file: string,
    readonly diagnostics: readonly Diagnostic[],
    /** Text printed by a tool we ran (clang), shown verbatim. */
    readonly toolOutput?: string,
  ) {
    super(toolOutput ?? diagnostics.map((d) => formatDiagnostic(d, file)).join('\n'));
    this.name = 'CompileError';
  }
}

/** A diagnostic at a file, line and column (1-based), for editors' problem lists. */
export interface LocatedDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * Every reason of a compile error placed at a file and line: ours where they carry a location
 * (else the start of `file`), and clang's `file:line:col: error: …` lines from its output.
 */
export function locatedDiagnostics(e: CompileError, file: string): LocatedDiagnostic[] {
  const out: LocatedDiagnostic[] = e.diagnostics.map((d) => ({
    file: d.location?.file ?? file,
    line: d.location?.line ?? 1,
    column: d.location?.column ?? 1,
    message: d.message,
  }));
  for (const m of (e.toolOutput ?? '').matchAll(/^(.+?):(\d+):(\d+): (?:fatal )?error: (.+)$/gm)) {
    out.push({ file: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] });
  }
  return out;
}
