// The runtime's public types: its options, the events it emits (stops, output, the end) and what
// its position queries answer. Kept apart so the layers of MachineRuntime (recorded-run.ts,
// inspection.ts, run-loop.ts, runtime.ts) share them without importing each other's code;
// runtime.ts re-exports them, the one import the session and tests use.
import type { SourceMap } from '../../engine/compiler/source-map';
import type { FunctionTable } from '../../engine/debug-info/frame';
import type { CProgramInfo } from '../../engine/debug-info/model';
import type { Instruction } from '../../engine/tokens/program-file';
import type { ProgramEnd } from '../../engine/vm/program-end';
import type { Trap } from '../../engine/vm/traps';
import type { ReferenceStream } from './reference-stream';

export type StopReason = 'entry' | 'step' | 'breakpoint' | 'data breakpoint' | 'pause' | 'exception' | 'goto';

export interface StopEvent {
  readonly reason: StopReason;
  readonly step: number;
  readonly description?: string;
  readonly text?: string;
  readonly breakpoints?: readonly number[];
}

export type Granularity = 'instruction' | 'line';

export interface RuntimeEvents {
  stopped: [StopEvent];
  /** Program output, as the machine emits it (each byte once). */
  output: [string];
  /** Messages for the user (logpoints, notices). */
  console: [string];
  /** The program halted (or the session cannot go on). */
  ended: [EndInfo];
  /** Tokens generated so far, for progress reports. */
  progress: [{ tokens: number; seconds: number }];
}

/** How a run ended: halted (normally or on a trap) or stopped short, and its exit status. */
export interface EndInfo {
  readonly halted: boolean;
  readonly tokens: number;
  readonly steps: number;
  /** The trap the program halted on, if it did. */
  readonly trap?: Trap;
  /** How the halted program ended (exit status, abort, trap), decoded from the generated tokens. */
  readonly end?: ProgramEnd;
  /**
   * The program's exit status after a halt (what `main` returned or `exit` got, as the tokens
   * carry it; 134 after abort or a trap), 1 when the run stopped short.
   */
  readonly exitCode: number;
}

export interface RuntimeOptions {
  readonly instructions: readonly Instruction[];
  readonly sourceMap?: SourceMap;
  /** Prompt tokens before the trace (program section or `start`). */
  readonly promptLength: number;
  /** The trace's first tokens, given in the prompt (the input section), if any. */
  readonly inputSection: Int32Array;
  /** The reference executor, run alongside to catch a divergence at its first token. */
  readonly reference?: ReferenceStream;
  /** Most tokens to generate. */
  readonly maxTokens: number;
  /** The prompt's token text at a position before the trace. */
  readonly promptText?: (position: number) => string;
  /** Steps between decoder checkpoints at first (going back decodes from the nearest one). */
  readonly checkpointSteps?: number;
  /** Most decoder checkpoints kept (then every other one is dropped and the spacing doubles). */
  readonly maxCheckpoints?: number;
  /** Most bytes of memory pages and stacks held by checkpoints alone. */
  readonly maxCheckpointBytes?: number;
  /** The WebAssembly module the program was compiled from: its DWARF gives the C view. */
  readonly wasm?: Uint8Array;
}

/** The C program the module's DWARF describes, and its function table (function pointers). */
export interface CProgram {
  readonly info: CProgramInfo;
  readonly table: FunctionTable;
}

/** Where a token of the sequence belongs (MachineRuntime.place). */
export interface TokenPlace {
  readonly token: string;
  /** Which token of its instruction (program section) or of its step (trace). */
  readonly index: number;
  /** The step that wrote it (trace tokens only). */
  readonly step?: number;
  /** The instruction it belongs to (program section) or that its step ran. */
  readonly instruction?: number;
  readonly op?: string;
}

/** Whether to stop at `pc`, arrived at from `from` (the instruction executed just before). */
export type Check = (pc: number, from: number) => StopEvent | undefined;
