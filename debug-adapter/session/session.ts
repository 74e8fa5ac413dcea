// The Debug Adapter: one method per request, mapping the runtime (debug-adapter/runtime/) to the
// Debug Adapter Protocol. Runs inline in the extension host, or over stdio (debug-adapter/main.ts).
//
// Every request passes one gate (dispatchRequest): its arguments must be an object, a request
// that needs a program waits for `launch`, run control waits for a stop, and any exception a
// handler throws becomes one error response with a one-line message (never a stack trace, never
// a second response); the handlers validate their arguments (session/arguments.ts).

import { basename } from 'node:path';
import {
  Breakpoint,
  ExitedEvent,
  InitializedEvent,
  LoggingDebugSession,
  OutputEvent,
  ProgressEndEvent,
  ProgressStartEvent,
  ProgressUpdateEvent,
  Response,
  Source,
  StackFrame,
  StoppedEvent,
  TerminatedEvent,
  Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { OptimizeLevel } from '../../engine/compiler/clang';
import { scalarOf } from '../../engine/debug-info/c-expression';
import { isFloat } from '../../engine/debug-info/c-expression-types';
import { Expression } from '../runtime/expression';
import { LaunchCompileError, type Launched, launch } from '../runtime/launch';
import { launchOptions } from '../runtime/launch-options';
import type { EndInfo, Granularity, StopEvent } from '../runtime/runtime';
import type { EngineKind } from '../runtime/token-source';
import {
  type Args,
  ArgumentError,
  argumentsOf,
  granularity,
  int,
  list,
  MAX_BREAKPOINTS,
  MAX_COUNT,
  MAX_EXPRESSION_LENGTH,
  MAX_OFFSET,
  object,
  reference,
  text,
} from './arguments';
import { attentionHits } from './attention';
import { disassemble, readMemory } from './disassembly';
import { address, formatValue } from './format';
import { dataBreakpointInfo, dataBreakpointSpec, provenanceBody, writesBody } from './history-requests';
import { residualScope } from './residual-scope';
import { timeline } from './timeline';
import { VariableStore } from './variables';

/**
 * The Debug Console line for a run's end: "program exited with status 3", "program aborted
 * (status 134)", the trap, or a run stopped short; then how long it ran.
 */
export function describeEnd(e: EndInfo): string {
  const size = `${e.steps.toLocaleString('en-US')} instructions, ${e.tokens.toLocaleString('en-US')} tokens`;
  if (e.trap) return `trap: ${e.trap.description}; halted after ${size} (exit status ${e.exitCode})`;
  if (e.end?.how === 'abort') return `program aborted (status ${e.exitCode}) after ${size}`;
  if (e.end) return `program exited with status ${e.exitCode} after ${size}`;
  return `stopped after ${size} (exit status ${e.exitCode})`;
}

/** The launch attributes (../shared/spec/interfaces.md). */
export interface LaunchArguments extends DebugProtocol.LaunchRequestArguments {
  program: string;
  /** argv[1..] of a main program (a string is split like a shell), or compute's input string. */
  args?: string | string[];
  stdin?: string;
  stdinFile?: string;
  optimize?: OptimizeLevel;
  engine?: EngineKind;
  model?: string;
  stopOnEntry?: boolean;
  maxTokens?: number;
}

const THREAD = 1;
/** The custom event carrying compile diagnostics for the Problems panel. */
export const DIAGNOSTICS_EVENT = 'transformerVm.diagnostics';

/** Requests that read or drive a launched program. */
const NEEDS_PROGRAM = new Set([
  'setBreakpoints',
  'setFunctionBreakpoints',
  'setInstructionBreakpoints',
  'continue',
  'next',
  'stepIn',
  'stepOut',
  'stepBack',
  'reverseContinue',
  'pause',
  'stackTrace',
  'scopes',
  'variables',
  'evaluate',
  'readMemory',
  'disassemble',
  'attentionHits',
  'timeTravel',
  'timeline',
  'exceptionInfo',
  'dataBreakpointInfo',
  'setDataBreakpoints',
  'provenance',
  'writes',
]);
/** Requests that move the machine: refused while it runs, and once the program has ended. */
const RUN_CONTROL = new Set([
  'continue',
  'next',
  'stepIn',
  'stepOut',
  'stepBack',
  'reverseContinue',
  'timeTravel',
]);
/** Requests that read the state at a stop. */
const READS_STOPPED = new Set(['provenance', 'writes', 'dataBreakpointInfo']);
/** DAP requests this debugger does not offer (the library would answer them with an empty success). */
const UNSUPPORTED = new Set([
  'attach',
  'restart',
  'restartFrame',
  'goto',
  'gotoTargets',
  'setVariable',
  'setExpression',
  'stepInTargets',
  'completions',
  'writeMemory',
  'terminateThreads',
]);
export const NO_PROGRAM = 'no program is running: launch first';
/** The exception filter for traps (the only exceptions this machine has). */
const TRAPS_FILTER = 'traps';

export class TransformerDebugSession extends LoggingDebugSession {
  private launched?: Launched;
  private variables?: VariableStore;
  private stopOnEntry = false;
  private progress = false;
  private progressId = 0;
  private lastProgress = 0;
  private launching = false;
  private configured = false;
  private ended = false;
  /** The 'traps' exception filter (VS Code may set it before or after the launch). */
  private stopOnTraps = true;
  private server = false;
  /** Set when the client sent what is not a DAP message: the adapter exits with a failure. */
  private broken?: string;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
    // The protocol layer reports a frame it cannot parse as an 'error' (and then shuts down).
    this.prependListener('error', (e: { body?: unknown }) => {
      this.broken = String(e?.body ?? 'protocol error');
    });
  }

  private get runtime() {
    if (!this.launched) throw new Error(NO_PROGRAM);
    return this.launched.runtime;
  }

  // ── The gate every request passes ──

  protected override dispatchRequest(request: DebugProtocol.Request): void {
    try {
      const command = String(request.command);
      request.arguments = argumentsOf(command, request.arguments);
      if (UNSUPPORTED.has(command)) throw new Error(`'${command}' is not supported by this debugger`);
      if (NEEDS_PROGRAM.has(command) && !this.launched)
        throw new Error(this.launching ? 'the program is still being launched: wait for it' : NO_PROGRAM);
      if (command === 'launch' && (this.launched || this.launching))
        throw new Error('a program is already launched in this session');
      // The past is read from the state at the stop: not while the machine moves.
      if (READS_STOPPED.has(command) && this.runtime.isRunning)
        throw new Error('the program is running: pause it first');
      if (RUN_CONTROL.has(command)) {
        if (this.ended) throw new Error('the program has ended: start a new debug session');
        if (this.runtime.isRunning) throw new Error('the program is running: pause it first');
      }
    } catch (e) {
      this.fail(new Response(request), e);
      return;
    }
    super.dispatchRequest(request); // its own catch reports through sendErrorResponse below
  }

  /**
   * Every error response goes through here, including the library's for an exception a handler
   * threw (which would carry the stack): the client gets one line, and a request already
   * answered is not answered twice.
   */
  protected override sendErrorResponse(
    response: DebugProtocol.Response,
    codeOrMessage: number | DebugProtocol.Message,
    format?: string,
    variables?: Record<string, string>,
  ): void {
    let message: string;
    if (variables && typeof variables._exception === 'string') {
      // An exception a handler threw: a programming error is labelled so; a refusal reads as it is.
      const internal = /^(TypeError|ReferenceError|SyntaxError)\b/.test(String(variables._stack ?? ''));
      message = `${internal ? 'internal error: ' : ''}${variables._exception}`;
    } else if (typeof codeOrMessage === 'number') message = format ?? 'error';
    else message = codeOrMessage.format;
    const id = typeof codeOrMessage === 'number' ? codeOrMessage : codeOrMessage.id;
    this.fail(response, new Error(message), id);
  }

  private fail(response: DebugProtocol.Response, e: unknown, id = 1000): void {
    const message = oneLine(e instanceof Error ? e.message : String(e));
    if (response.seq > 0) {
      // Answered already: say what went wrong where the user sees it.
      this.sendEvent(new OutputEvent(`${response.command}: ${message}\n`, 'stderr'));
      return;
    }
    response.success = false;
    response.message = message;
    // `format` is a template for clients ({name} is a placeholder): braces in a message are
    // written out as they are by giving no variables to substitute.
    response.body = {
      error: { id, format: message.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')), showUser: true },
    };
    this.sendResponse(response);
  }

  /** A run started in the background: an exception it throws ends the run with the reason. */
  private background(run: Promise<void>): void {
    run.catch((e: unknown) => {
      const message = `internal error: ${oneLine(e instanceof Error ? e.message : String(e))}`;
      this.sendEvent(new OutputEvent(`${message}\n`, 'stderr'));
      this.stopped({
        reason: 'exception',
        step: this.launched?.runtime.step ?? 0,
        text: message,
        description: message,
      });
    });
  }

  override setRunAsServer(enable: boolean): void {
    this.server = enable;
    super.setRunAsServer(enable);
  }

  /**
   * The end of the session (disconnect, the client closing stdin, SIGTERM, a broken frame): the
   * engine stops at once, and a stdio adapter exits: 0, or 1 with the reason on stderr when the
   * client sent something that is not DAP.
   */
  override shutdown(): void {
    this.launched?.runtime.dispose();
    if (this.broken === undefined || this.server || this._isRunningInline()) {
      super.shutdown();
      return;
    }
    process.stderr.write(`transformer-vm debug adapter: ${oneLine(this.broken)}; exiting\n`);
    setTimeout(() => process.exit(1), 100);
  }

  // ── Lifecycle ──

  protected override initializeRequest(
    response: DebugProtocol.InitializeResponse,
    args: DebugProtocol.InitializeRequestArguments,
  ): void {
    this.progress = args.supportsProgressReporting === true;
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsFunctionBreakpoints: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsStepBack: true,
      supportsSteppingGranularity: true,
      supportsInstructionBreakpoints: true,
      supportsDisassembleRequest: true,
      supportsReadMemoryRequest: true,
      supportsTerminateRequest: true,
      supportsExceptionInfoRequest: true,
      supportsDataBreakpoints: true,
      exceptionBreakpointFilters: [
        {
          filter: TRAPS_FILTER,
          label: 'Traps',
          description:
            'Stop where the program traps: division by zero, INT_MIN / -1, C stack overflow, __builtin_trap',
          default: true,
        },
      ],
      supportsGotoTargetsRequest: false,
    };
    this.sendResponse(response);
  }

  protected override launchRequest(response: DebugProtocol.LaunchResponse, args: LaunchArguments): void {
    // Asynchronous: whatever it throws after the launch itself is answered here, not lost.
    this.launchProgram(response, args).catch((e: unknown) => {
      this.launching = false;
      this.fail(response, e);
    });
  }

  private async launchProgram(response: DebugProtocol.LaunchResponse, args: LaunchArguments): Promise<void> {
    const id = `launch-${++this.progressId}`;
    this.launching = true;
    try {
      const o = launchOptions(args); // every attribute, before any work
      this.stopOnEntry = o.stopOnEntry === true;
      if (this.progress)
        this.sendEvent(new ProgressStartEvent(id, 'Transformer VM', `starting ${basename(o.program)}`));
      this.launched = await launch(
        o,
        (message) => this.progress && this.sendEvent(new ProgressUpdateEvent(id, message)),
      );
    } catch (e) {
      this.launching = false;
      if (this.progress) this.sendEvent(new ProgressEndEvent(id));
      const message = oneLine((e as Error).message);
      if (e instanceof LaunchCompileError)
        this.sendEvent({
          event: DIAGNOSTICS_EVENT,
          body: { diagnostics: e.diagnostics },
          seq: 0,
          type: 'event',
        });
      this.sendEvent(new OutputEvent(`${message}\n`, 'stderr'));
      this.fail(response, new Error(message), 1001);
      this.sendEvent(new TerminatedEvent());
      return;
    }
    this.launching = false;
    if (this.progress) this.sendEvent(new ProgressEndEvent(id));
    const l = this.launched;
    this.variables = new VariableStore(l.runtime, l.instructions, l.sourceMap, ['stack pointer']);
    this.variables.residual = residualScope({ runtime: l.runtime, modelFile: l.modelFile, prompt: l.prompt });
    for (const n of l.notices) this.sendEvent(new OutputEvent(`${n}\n`, 'console'));
    this.sendEvent(
      new OutputEvent(
        `${basename(args.program)}: ${l.instructions.length} instructions on the ${l.engine} engine (${basename(l.modelFile)}${l.specialized ? ', specialized' : ''})\n`,
        'console',
      ),
    );
    this.wire(l);
    this.sendResponse(response);
    this.sendEvent(new InitializedEvent());
  }

  private wire(l: Launched): void {
    const r = l.runtime;
    r.stopOnTraps = this.stopOnTraps;
    r.on('stopped', (e) => this.stopped(e));
    r.on('output', (text) => this.sendEvent(new OutputEvent(text, 'stdout')));
    r.on('console', (text) => this.sendEvent(new OutputEvent(text, 'console')));
    r.on('progress', ({ tokens, seconds }) => {
      const now = performance.now();
      if (!this.progress || now - this.lastProgress < 250) return;
      this.lastProgress = now;
      this.sendEvent(
        new ProgressUpdateEvent(
          `run-${this.progressId}`,
          `${tokens.toLocaleString('en-US')} tokens, ${Math.round(tokens / seconds).toLocaleString('en-US')} tok/s`,
        ),
      );
    });
    r.on('ended', (e) => {
      this.ended = true;
      this.endProgress();
      this.sendEvent(new OutputEvent(`${describeEnd(e)}\n`, 'console'));
      this.sendEvent(new ExitedEvent(e.exitCode));
      this.sendEvent(new TerminatedEvent());
    });
  }

  private stopped(e: StopEvent): void {
    this.endProgress();
    this.variables?.reset();
    const ev: DebugProtocol.StoppedEvent = new StoppedEvent(e.reason, THREAD, e.text);
    if (e.description) ev.body.description = e.description;
    if (e.breakpoints) ev.body.hitBreakpointIds = [...e.breakpoints];
    ev.body.allThreadsStopped = true;
    this.sendEvent(ev);
  }

  private running(): void {
    if (!this.progress) return;
    this.progressId++;
    this.sendEvent(new ProgressStartEvent(`run-${this.progressId}`, 'Transformer VM', 'running'));
  }

  private endProgress(): void {
    if (this.progress) this.sendEvent(new ProgressEndEvent(`run-${this.progressId}`));
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    if (!this.launched || this.configured) return;
    this.configured = true;
    if (this.stopOnEntry) this.stopped({ reason: 'entry', step: this.runtime.step });
    else {
      this.running();
      this.background(this.runtime.continue());
    }
  }

  protected override setExceptionBreakPointsRequest(
    response: DebugProtocol.SetExceptionBreakpointsResponse,
    args: DebugProtocol.SetExceptionBreakpointsArguments,
  ): void {
    const filters: unknown = args.filters;
    if (!Array.isArray(filters) || filters.some((f) => typeof f !== 'string'))
      throw new Error('filters must be an array of filter names');
    const unknown = filters.find((f) => f !== TRAPS_FILTER);
    if (unknown !== undefined)
      throw new Error(`unknown exception filter '${unknown}' (this machine has '${TRAPS_FILTER}')`);
    this.stopOnTraps = filters.includes(TRAPS_FILTER);
    if (this.launched) this.runtime.stopOnTraps = this.stopOnTraps;
    this.sendResponse(response);
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const trap = this.runtime.trap;
    if (!trap) throw new Error('the program is not stopped on a trap');
    response.body = {
      exceptionId: trap.kind,
      description: trap.description,
      breakMode: this.stopOnTraps ? 'always' : 'never',
      details: { message: trap.message, typeName: 'trap' },
    };
    this.sendResponse(response);
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    this.sendResponse(response);
    this.shutdown();
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.launched?.runtime.dispose();
    if (this.launched) this.ended = true; // the engine is cancelled: nothing can run any more
    this.sendResponse(response);
    this.sendEvent(new TerminatedEvent());
  }

  // ── Breakpoints ──

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: Args): void {
    const source = object(args, 'source');
    const file = text(source, 'path', false, 4096) ?? text(source, 'name', false, 4096) ?? '';
    const specs = list(args, 'breakpoints', MAX_BREAKPOINTS).map((b) => ({
      ...breakpointOptions(b),
      line: this.convertClientLineToDebugger(int(b, 'line', 0, 2 ** 31)),
    }));
    const infos = this.runtime.breakpoints.setLines(file, specs);
    response.body = {
      breakpoints: infos.map((i) => {
        const b: DebugProtocol.Breakpoint = new Breakpoint(
          i.verified,
          i.line && this.convertDebuggerLineToClient(i.line),
        );
        b.id = i.id;
        if (i.message) b.message = i.message;
        if (i.pcs.length) b.instructionReference = address(i.pcs[0]);
        return b;
      }),
    };
    this.sendResponse(response);
  }

  protected override setFunctionBreakPointsRequest(
    response: DebugProtocol.SetFunctionBreakpointsResponse,
    args: Args,
  ): void {
    const infos = this.runtime.breakpoints.setFunctions(
      list(args, 'breakpoints', MAX_BREAKPOINTS).map((b) => ({
        ...breakpointOptions(b),
        name: text(b, 'name', true, 256),
      })),
    );
    response.body = {
      breakpoints: infos.map((i) => ({ id: i.id, verified: i.verified, message: i.message })),
    };
    this.sendResponse(response);
  }

  protected override setInstructionBreakpointsRequest(
    response: DebugProtocol.SetInstructionBreakpointsResponse,
    args: Args,
  ): void {
    const infos = this.runtime.breakpoints.setInstructions(
      list(args, 'breakpoints', MAX_BREAKPOINTS).map((b) => ({
        ...breakpointOptions(b),
        pc: reference(b, 'instructionReference') + int(b, 'offset', -MAX_OFFSET, MAX_OFFSET, 0),
      })),
    );
    response.body = {
      breakpoints: infos.map((i) => ({
        id: i.id,
        verified: i.verified,
        message: i.message,
        instructionReference: i.pcs.length ? address(i.pcs[0]) : undefined,
      })),
    };
    this.sendResponse(response);
  }

  protected override dataBreakpointInfoRequest(
    response: DebugProtocol.DataBreakpointInfoResponse,
    args: Args,
  ): void {
    response.body = dataBreakpointInfo(this.launched!, this.variables!, args);
    this.sendResponse(response);
  }

  protected override setDataBreakpointsRequest(
    response: DebugProtocol.SetDataBreakpointsResponse,
    args: Args,
  ): void {
    const specs = list(args, 'breakpoints', MAX_BREAKPOINTS).map((b) => ({
      ...breakpointOptions(b),
      ...dataBreakpointSpec(b),
    }));
    response.body = { breakpoints: this.runtime.dataBreakpoints.set(specs) };
    this.sendResponse(response);
  }

  // ── Run control ──

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD, 'machine')] };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    const r = this.runtime;
    response.body = { allThreadsContinued: true };
    this.sendResponse(response);
    this.running();
    this.background(r.continue());
  }

  protected override nextRequest(response: DebugProtocol.NextResponse, args: Args): void {
    const g = this.granularity(args);
    this.sendResponse(response);
    this.background(this.runtime.stepForward('over', g));
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: Args): void {
    const g = this.granularity(args);
    this.sendResponse(response);
    this.background(this.runtime.stepForward('in', g));
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse, args: Args): void {
    const g = this.granularity(args);
    this.sendResponse(response);
    this.background(this.runtime.stepForward('out', g));
  }

  protected override stepBackRequest(response: DebugProtocol.StepBackResponse, args: Args): void {
    const g = this.granularity(args);
    this.sendResponse(response);
    this.background(this.runtime.stepBack(g));
  }

  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): void {
    this.sendResponse(response);
    this.background(this.runtime.reverseContinue());
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.runtime.pause();
    this.sendResponse(response);
  }

  private granularity(args: Args): Granularity {
    const g = granularity(args);
    return g === 'instruction' || !this.launched?.sourceMap ? 'instruction' : 'line';
  }

  // ── What the user sees when stopped ──

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: Args): void {
    const start = int(args, 'startFrame', 0, MAX_COUNT, 0);
    const levels = int(args, 'levels', 0, MAX_COUNT, 0);
    const l = this.launched!;
    const d = l.runtime.state;
    const pcs = [d.pc, ...[...d.frames].reverse().map((f) => f.callPc)];
    const frames = pcs.map((pc, i) => {
      const fn = l.sourceMap?.functionAt(pc);
      // The C function DWARF names (it knows inlined and static functions by their C names).
      const cName = fn?.kind === 'function' ? this.runtime.cFrame(i)?.function?.name : undefined;
      let loc = l.sourceMap?.location(pc);
      if (!loc && cName) {
        // An instruction of the function without a line of its own (its entry): the function's line.
        const f = this.runtime.cFrame(i)?.function;
        if (f?.declFile && f.declLine) loc = { file: f.declFile, line: f.declLine, column: 0 };
      }
      const ins = l.instructions[pc];
      let name: string;
      if (fn?.kind === 'prologue') name = 'program entry';
      // clang compiles `int main(void)` as __original_main, called by a `main(argc, argv)` of its own:
      // DWARF calls the user's function main, so the glue must not read as a second main.
      else if (
        fn?.kind === 'library' &&
        fn.name === 'main' &&
        l.sourceMap?.data.functions.some(isOriginalMain)
      )
        name = 'main (argc, argv wrapper)';
      else if (fn && fn.kind !== 'function') name = fn.name;
      else
        name = `${cName ?? fn?.name ?? 'program'}${loc ? '' : ` @ ${pc}: ${ins ? ins.op : d.halted ? 'halted' : '?'}`}`;
      const frame: DebugProtocol.StackFrame = new StackFrame(
        i,
        name,
        loc ? new Source(basename(loc.file), this.convertDebuggerPathToClient(loc.file)) : undefined,
        loc ? this.convertDebuggerLineToClient(loc.line) : 0,
        loc ? this.convertDebuggerColumnToClient(loc.column) : 0,
      );
      frame.instructionPointerReference = address(pc);
      // The program's entry, the C library and the lowering helpers are not the user's code.
      if (!loc || (fn && fn.kind !== 'function')) frame.presentationHint = 'subtle';
      return frame;
    });
    response.body = {
      stackFrames: frames.slice(start, levels ? start + levels : undefined),
      totalFrames: frames.length,
    };
    this.sendResponse(response);
  }

  /** A frame id: 0 (the current function) up to the call depth. */
  private frameId(args: Args, required: boolean): number {
    return int(args, 'frameId', 0, this.runtime.state.frames.length, required ? undefined : 0);
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: Args): void {
    response.body = { scopes: this.variables!.scopes(this.frameId(args, true)) };
    this.sendResponse(response);
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: Args): void {
    const ref = int(args, 'variablesReference', 0, MAX_COUNT);
    const start = int(args, 'start', 0, MAX_COUNT, 0);
    const count = int(args, 'count', 0, MAX_COUNT, 0);
    response.body = { variables: this.variables!.variables(ref, start, count) };
    this.sendResponse(response);
  }

  /**
   * Watch, hover and the Debug Console: C over the selected frame's variables (expandable results
   * through the variables store), or the machine's names (shown as the machine scopes show them).
   */
  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: Args): void {
    const expression = text(args, 'expression', true, MAX_EXPRESSION_LENGTH);
    const { value, memory, machineOnly } = new Expression(expression).value(
      this.runtime.view(this.frameId(args, false)),
    );
    // A machine value is a word (shown as the machine scopes show it); f32(x) gives a float.
    if (machineOnly && !isFloat(value.type)) {
      const n = scalarOf(value, memory);
      const fits = n >= -(1n << 31n) && n < 1n << 32n;
      response.body = { result: fits ? formatValue(Number(n)) : String(n), variablesReference: 0 };
    } else {
      const v = this.variables!.cVariable(expression, value, expression.trim(), memory);
      response.body = {
        result: v.value,
        type: v.type,
        variablesReference: v.variablesReference,
        indexedVariables: v.indexedVariables,
        namedVariables: v.namedVariables,
      };
    }
    this.sendResponse(response);
  }

  protected override readMemoryRequest(response: DebugProtocol.ReadMemoryResponse, args: Args): void {
    const start = reference(args, 'memoryReference') + int(args, 'offset', -MAX_OFFSET, MAX_OFFSET, 0);
    response.body = readMemory(this.runtime.state.memory, start, int(args, 'count', 0, MAX_COUNT));
    this.sendResponse(response);
  }

  protected override disassembleRequest(response: DebugProtocol.DisassembleResponse, args: Args): void {
    const l = this.launched!;
    const base =
      reference(args, 'memoryReference') +
      int(args, 'offset', -MAX_OFFSET, MAX_OFFSET, 0) +
      int(args, 'instructionOffset', -MAX_OFFSET, MAX_OFFSET, 0);
    const count = int(args, 'instructionCount', 0, MAX_COUNT);
    response.body = {
      instructions: disassemble(l.instructions, l.sourceMap, base, count, (f) =>
        this.convertDebuggerPathToClient(f),
      ),
    };
    this.sendResponse(response);
  }

  /**
   * attentionHits { step? }: what every head selected (session/attention.ts); timeTravel
   * { step }: stop at any recorded step (the attention view jumps to the step that wrote a token);
   * timeline { from?, to?, buckets }: the run summarized for the Timeline view (session/timeline.ts);
   * provenance and writes { variablesReference, name } | { expression, frameId } | { dataId }:
   * who wrote a value, and every write of it (session/history-requests.ts).
   */
  protected override customRequest(command: string, response: DebugProtocol.Response, args: Args): void {
    if (command === 'attentionHits') {
      const r = this.runtime;
      const step = (args as { step?: unknown }).step === undefined ? undefined : int(args, 'step', 0, r.step);
      response.body = attentionHits(this.launched!, step);
      this.sendResponse(response);
    } else if (command === 'provenance' || command === 'writes') {
      const path = (f: string) => this.convertDebuggerPathToClient(f);
      response.body = (command === 'provenance' ? provenanceBody : writesBody)(
        this.launched!,
        this.variables!,
        args,
        path,
      );
      this.sendResponse(response);
    } else if (command === 'timeTravel') {
      const r = this.runtime;
      const step = int(args, 'step', 0, r.recordedSteps);
      this.sendResponse(response);
      r.goto(step);
    } else if (command === 'timeline') {
      response.body = timeline(this.runtime, args);
      this.sendResponse(response);
    } else throw new ArgumentError(`unknown request '${oneLine(String(command)).slice(0, 80)}'`);
  }
}

/** Condition, hit condition and log message of a breakpoint, checked as text. */
function breakpointOptions(b: Args) {
  return {
    condition: text(b, 'condition'),
    hitCondition: text(b, 'hitCondition'),
    logMessage: text(b, 'logMessage'),
  };
}

/** The first line of a message, of bounded length: what an error response carries. */
function oneLine(message: string): string {
  const line = message.split('\n').find((l) => l.trim() !== '') ?? 'error';
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

const isOriginalMain = (f: { name: string }) => f.name === '__original_main';
