// The Debug Adapter: one method per request, mapping the runtime (debug-adapter/runtime/) to the
// Debug Adapter Protocol. Runs inline in the extension host, or over stdio (debug-adapter/main.ts).

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
  Source,
  StackFrame,
  StoppedEvent,
  TerminatedEvent,
  Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { Expression } from '../runtime/expression';
import { LaunchCompileError, type Launched, launch } from '../runtime/launch';
import type { Granularity, StopEvent } from '../runtime/runtime';
import type { EngineKind } from '../runtime/token-source';
import { attentionHits } from './attention';
import { disassemble, readMemory } from './disassembly';
import { address, formatValue, parseAddress } from './format';
import { VariableStore } from './variables';

/** The launch attributes (../shared/spec/interfaces.md). */
export interface LaunchArguments extends DebugProtocol.LaunchRequestArguments {
  program: string;
  args?: string;
  engine?: EngineKind;
  model?: string;
  stopOnEntry?: boolean;
  maxTokens?: number;
}

const THREAD = 1;
/** The custom event carrying compile diagnostics for the Problems panel. */
export const DIAGNOSTICS_EVENT = 'transformerVm.diagnostics';

export class TransformerDebugSession extends LoggingDebugSession {
  private launched?: Launched;
  private variables?: VariableStore;
  private stopOnEntry = false;
  private progress = false;
  private progressId = 0;
  private lastProgress = 0;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
  }

  private get runtime() {
    if (!this.launched) throw new Error('no program is running');
    return this.launched.runtime;
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
      supportsGotoTargetsRequest: false,
    };
    this.sendResponse(response);
  }

  protected override async launchRequest(
    response: DebugProtocol.LaunchResponse,
    args: LaunchArguments,
  ): Promise<void> {
    this.stopOnEntry = args.stopOnEntry === true;
    const id = `launch-${++this.progressId}`;
    if (this.progress)
      this.sendEvent(new ProgressStartEvent(id, 'Transformer VM', `starting ${basename(args.program)}`));
    try {
      this.launched = await launch(
        {
          program: args.program,
          args: args.args,
          engine: args.engine,
          model: args.model,
          maxTokens: args.maxTokens,
        },
        (message) => this.progress && this.sendEvent(new ProgressUpdateEvent(id, message)),
      );
    } catch (e) {
      if (this.progress) this.sendEvent(new ProgressEndEvent(id));
      const message = (e as Error).message;
      if (e instanceof LaunchCompileError)
        this.sendEvent({
          event: DIAGNOSTICS_EVENT,
          body: { diagnostics: e.diagnostics },
          seq: 0,
          type: 'event',
        });
      this.sendEvent(new OutputEvent(`${message}\n`, 'stderr'));
      this.sendErrorResponse(response, { id: 1001, format: message, showUser: true });
      this.sendEvent(new TerminatedEvent());
      return;
    }
    if (this.progress) this.sendEvent(new ProgressEndEvent(id));
    const l = this.launched;
    this.variables = new VariableStore(l.runtime, l.instructions, l.sourceMap, ['stack pointer']);
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
      this.endProgress();
      this.sendEvent(
        new OutputEvent(
          `${e.halted ? 'halted' : 'stopped'} after ${e.steps.toLocaleString('en-US')} instructions, ${e.tokens.toLocaleString('en-US')} tokens\n`,
          'console',
        ),
      );
      this.sendEvent(new ExitedEvent(0));
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
    if (!this.launched) return;
    if (this.stopOnEntry) this.stopped({ reason: 'entry', step: this.runtime.step });
    else {
      this.running();
      void this.runtime.continue();
    }
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    this.launched?.runtime.dispose();
    this.sendResponse(response);
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.launched?.runtime.dispose();
    this.sendResponse(response);
    this.sendEvent(new TerminatedEvent());
  }

  // ── Breakpoints ──

  protected override setBreakPointsRequest(
    response: DebugProtocol.SetBreakpointsResponse,
    args: DebugProtocol.SetBreakpointsArguments,
  ): void {
    const file = args.source.path ?? args.source.name ?? '';
    const infos = this.runtime.breakpoints.setLines(
      file,
      (args.breakpoints ?? []).map((b) => ({ ...b, line: this.convertClientLineToDebugger(b.line) })),
    );
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
    args: DebugProtocol.SetFunctionBreakpointsArguments,
  ): void {
    const infos = this.runtime.breakpoints.setFunctions(args.breakpoints);
    response.body = {
      breakpoints: infos.map((i) => ({ id: i.id, verified: i.verified, message: i.message })),
    };
    this.sendResponse(response);
  }

  protected override setInstructionBreakpointsRequest(
    response: DebugProtocol.SetInstructionBreakpointsResponse,
    args: DebugProtocol.SetInstructionBreakpointsArguments,
  ): void {
    const infos = this.runtime.breakpoints.setInstructions(
      args.breakpoints.map((b) => ({
        pc: (parseAddress(b.instructionReference) ?? -1) + (b.offset ?? 0),
        condition: b.condition,
        hitCondition: b.hitCondition,
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

  // ── Run control ──

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD, 'machine')] };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    response.body = { allThreadsContinued: true };
    this.sendResponse(response);
    this.running();
    void this.runtime.continue();
  }

  protected override nextRequest(
    response: DebugProtocol.NextResponse,
    args: DebugProtocol.NextArguments,
  ): void {
    this.sendResponse(response);
    void this.runtime.stepForward('over', this.granularity(args.granularity));
  }

  protected override stepInRequest(
    response: DebugProtocol.StepInResponse,
    args: DebugProtocol.StepInArguments,
  ): void {
    this.sendResponse(response);
    void this.runtime.stepForward('in', this.granularity(args.granularity));
  }

  protected override stepOutRequest(
    response: DebugProtocol.StepOutResponse,
    args: DebugProtocol.StepOutArguments,
  ): void {
    this.sendResponse(response);
    void this.runtime.stepForward('out', this.granularity(args.granularity));
  }

  protected override stepBackRequest(
    response: DebugProtocol.StepBackResponse,
    args: DebugProtocol.StepBackArguments,
  ): void {
    this.sendResponse(response);
    void this.runtime.stepBack(this.granularity(args.granularity));
  }

  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): void {
    this.sendResponse(response);
    void this.runtime.reverseContinue();
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.sendResponse(response);
    this.runtime.pause();
  }

  private granularity(g: DebugProtocol.SteppingGranularity | undefined): Granularity {
    return g === 'instruction' || !this.launched?.sourceMap ? 'instruction' : 'line';
  }

  // ── What the user sees when stopped ──

  protected override stackTraceRequest(
    response: DebugProtocol.StackTraceResponse,
    args: DebugProtocol.StackTraceArguments,
  ): void {
    const l = this.launched!;
    const d = l.runtime.state;
    const pcs = [d.pc, ...[...d.frames].reverse().map((f) => f.callPc)];
    const frames = pcs.map((pc, i) => {
      const fn = l.sourceMap?.functionAt(pc);
      const loc = l.sourceMap?.location(pc);
      const ins = l.instructions[pc];
      const name = `${fn?.name ?? 'program'}${loc ? '' : ` @ ${pc}: ${ins ? ins.op : d.halted ? 'halted' : '?'}`}`;
      const frame: DebugProtocol.StackFrame = new StackFrame(
        i,
        name,
        loc ? new Source(basename(loc.file), this.convertDebuggerPathToClient(loc.file)) : undefined,
        loc ? this.convertDebuggerLineToClient(loc.line) : 0,
        loc ? this.convertDebuggerColumnToClient(loc.column) : 0,
      );
      frame.instructionPointerReference = address(pc);
      if (!loc) frame.presentationHint = 'subtle';
      return frame;
    });
    const start = args.startFrame ?? 0;
    response.body = {
      stackFrames: frames.slice(start, args.levels ? start + args.levels : undefined),
      totalFrames: frames.length,
    };
    this.sendResponse(response);
  }

  protected override scopesRequest(
    response: DebugProtocol.ScopesResponse,
    args: DebugProtocol.ScopesArguments,
  ): void {
    response.body = { scopes: this.variables!.scopes(args.frameId) };
    this.sendResponse(response);
  }

  protected override variablesRequest(
    response: DebugProtocol.VariablesResponse,
    args: DebugProtocol.VariablesArguments,
  ): void {
    response.body = { variables: this.variables!.variables(args.variablesReference, args.start, args.count) };
    this.sendResponse(response);
  }

  protected override evaluateRequest(
    response: DebugProtocol.EvaluateResponse,
    args: DebugProtocol.EvaluateArguments,
  ): void {
    try {
      const value = new Expression(args.expression).evaluate(this.runtime.view(args.frameId ?? 0));
      response.body = { result: formatValue(value), variablesReference: 0 };
      this.sendResponse(response);
    } catch (e) {
      this.sendErrorResponse(response, { id: 1002, format: (e as Error).message, showUser: false });
    }
  }

  protected override readMemoryRequest(
    response: DebugProtocol.ReadMemoryResponse,
    args: DebugProtocol.ReadMemoryArguments,
  ): void {
    response.body = readMemory(this.runtime.state.memory, args);
    this.sendResponse(response);
  }

  protected override disassembleRequest(
    response: DebugProtocol.DisassembleResponse,
    args: DebugProtocol.DisassembleArguments,
  ): void {
    const l = this.launched!;
    response.body = {
      instructions: disassemble(l.instructions, l.sourceMap, args, (f) =>
        this.convertDebuggerPathToClient(f),
      ),
    };
    this.sendResponse(response);
  }

  /**
   * attentionHits { step? }: what every head selected (session/attention.ts); timeTravel
   * { step }: stop at any recorded step (the attention view jumps to the step that wrote a token).
   */
  protected override customRequest(
    command: string,
    response: DebugProtocol.Response,
    args: { step?: number },
  ): void {
    try {
      if (command === 'attentionHits') {
        response.body = attentionHits(this.launched!, args?.step);
        this.sendResponse(response);
      } else if (command === 'timeTravel') {
        if (this.runtime.isRunning) throw new Error('pause the program first');
        this.sendResponse(response);
        this.runtime.goto(Number(args?.step));
      } else super.customRequest(command, response, args);
    } catch (e) {
      this.sendErrorResponse(response, { id: 1003, format: (e as Error).message, showUser: false });
    }
  }
}
