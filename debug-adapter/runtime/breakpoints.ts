// Breakpoints on machine state: at instructions (by index), at C lines (the instructions where the
// line's code begins, from the source map), on opcodes ("function breakpoints" named by opcode,
// or by C function name), each with an optional condition, hit condition and log message.
import type { SourceMap } from '../../engine/compiler/source-map';
import { scalarOf } from '../../engine/debug-info/c-expression';
import { isFloat } from '../../engine/debug-info/c-expression-types';
import { formatValue } from '../../engine/debug-info/format';
import { OPCODE_NAMES } from '../../engine/tokens/opcodes';
import type { Instruction } from '../../engine/tokens/program-file';
import { Expression, ExpressionError, type MachineView } from './expression';

export interface BreakpointOptions {
  readonly condition?: string;
  readonly hitCondition?: string;
  readonly logMessage?: string;
}

/** A breakpoint as the client sees it: verified or not, and where it landed. */
export interface BreakpointInfo {
  readonly id: number;
  readonly verified: boolean;
  readonly message?: string;
  /** For line breakpoints: the line it landed on. */
  readonly line?: number;
  /** The instructions it watches (instruction and line breakpoints). */
  readonly pcs: readonly number[];
}

export class Breakpoint {
  hits = 0;
  private readonly condition?: Expression;
  private readonly hitTest?: (n: number) => boolean;
  private readonly log?: { text: string; expr?: Expression }[];

  constructor(
    readonly id: number,
    o: BreakpointOptions,
  ) {
    if (o.condition?.trim()) this.condition = new Expression(o.condition);
    if (o.hitCondition?.trim()) this.hitTest = hitCondition(o.hitCondition);
    if (o.logMessage !== undefined) this.log = logTemplate(o.logMessage);
  }

  /**
   * Whether execution stops here; a logpoint logs instead. A condition that cannot be evaluated
   * at this state stops, with the reason, rather than being silently false.
   */
  test(m: MachineView, log: (text: string) => void): { stop: boolean; error?: string } {
    if (this.condition) {
      try {
        if (!this.condition.holds(m)) return { stop: false };
      } catch (e) {
        return {
          stop: true,
          error: `breakpoint condition '${this.condition.text}': ${(e as Error).message}`,
        };
      }
    }
    this.hits++;
    if (this.hitTest && !this.hitTest(this.hits)) return { stop: false };
    if (this.log) {
      log(
        `${this.log
          .map((part) => {
            if (!part.expr) return part.text;
            try {
              return logged(part.expr, m);
            } catch (e) {
              return `<${(e as Error).message}>`;
            }
          })
          .join('')}\n`,
      );
      return { stop: false };
    }
    return { stop: true };
  }
}

/** A logpoint's `{expr}`: C values as the Variables pane shows them, machine values as numbers. */
function logged(expr: Expression, m: MachineView): string {
  const { value, memory, machineOnly } = expr.value(m);
  if (machineOnly && !isFloat(value.type)) return String(scalarOf(value, memory));
  return formatValue(value, memory, undefined, m.cFrame?.()?.table?.nameOf);
}

/** "5" or "== 5": the 5th hit; ">= 5", "> 5", "< 5", "<= 5"; "% 5": every 5th. */
function hitCondition(text: string): (n: number) => boolean {
  const m = /^\s*(==|>=|<=|>|<|%)?\s*(\d+)\s*$/.exec(text);
  if (!m) throw new ExpressionError(`hit condition '${text}': expected N, == N, >= N, > N, <= N, < N or % N`);
  const k = Number(m[2]);
  switch (m[1]) {
    case '>=':
      return (n) => n >= k;
    case '>':
      return (n) => n > k;
    case '<=':
      return (n) => n <= k;
    case '<':
      return (n) => n < k;
    case '%':
      return (n) => k > 0 && n % k === 0;
    default:
      return (n) => n === k;
  }
}

/** "x is {stack[0]}" → text and expressions. */
function logTemplate(text: string): { text: string; expr?: Expression }[] {
  const parts: { text: string; expr?: Expression }[] = [];
  const re = /\{([^}]*)\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: m[0], expr: new Expression(m[1]) });
    last = m.index + m[0].length;
  }
  parts.push({ text: text.slice(last) });
  return parts;
}

export class BreakpointSet {
  private nextId = 1;
  /** Line and instruction breakpoints by the instruction they watch. */
  private readonly atPc = new Map<number, Breakpoint[]>();
  /**
   * Line breakpoints at a branch target inside a line's code: they stop only when execution
   * arrives there from another line (SourceMap.entersLine), not when the line runs into it.
   */
  private readonly atLineEntry = new Map<number, Breakpoint[]>();
  /** Opcode breakpoints by opcode index. */
  private readonly atOp = new Map<number, Breakpoint[]>();
  private lines = new Map<string, { pcs: number[]; bp: Breakpoint }[]>();
  private instructionBps: { pc: number; bp: Breakpoint }[] = [];
  private functionBps: { pcs: number[]; op?: number; bp: Breakpoint }[] = [];
  private readonly opOf: Int32Array;
  private readonly opIndex = new Map(OPCODE_NAMES.map((n, i) => [n as string, i]));

  constructor(
    private readonly instructions: readonly Instruction[],
    private readonly sourceMap: SourceMap | undefined,
  ) {
    this.opOf = Int32Array.from(instructions, (i) => this.opIndex.get(i.op) ?? -1);
  }

  /** Replaces the line breakpoints of one source file. */
  setLines(file: string, lines: readonly (BreakpointOptions & { line: number })[]): BreakpointInfo[] {
    const infos: BreakpointInfo[] = [];
    const kept: { pcs: number[]; bp: Breakpoint }[] = [];
    for (const spec of lines) {
      const made = this.make(spec);
      if ('error' in made) {
        infos.push({ id: this.unusedId(), verified: false, message: made.error, pcs: [] });
        continue;
      }
      const pcs = this.sourceMap?.lineStarts(file, spec.line, this.instructions) ?? [];
      if (!pcs.length) {
        infos.push({
          id: made.bp.id,
          verified: false,
          message: this.sourceMap
            ? `no code for line ${spec.line}: the compiler emitted no instructions for it`
            : 'this program has no source map',
          pcs: [],
        });
        continue;
      }
      kept.push({ pcs, bp: made.bp });
      infos.push({ id: made.bp.id, verified: true, line: spec.line, pcs });
    }
    this.lines.set(file, kept);
    this.rebuild();
    return infos;
  }

  /** Replaces the instruction breakpoints. */
  setInstructions(specs: readonly (BreakpointOptions & { pc: number })[]): BreakpointInfo[] {
    this.instructionBps = [];
    const infos = specs.map((spec): BreakpointInfo => {
      const made = this.make(spec);
      if ('error' in made) return { id: this.unusedId(), verified: false, message: made.error, pcs: [] };
      if (!(spec.pc >= 0 && spec.pc < this.opOf.length))
        return { id: made.bp.id, verified: false, message: `no instruction ${spec.pc}`, pcs: [] };
      this.instructionBps.push({ pc: spec.pc, bp: made.bp });
      return { id: made.bp.id, verified: true, pcs: [spec.pc] };
    });
    this.rebuild();
    return infos;
  }

  /** Replaces the function breakpoints: opcode names (`i32.store`) or C function names. */
  setFunctions(specs: readonly (BreakpointOptions & { name: string })[]): BreakpointInfo[] {
    this.functionBps = [];
    const infos = specs.map((spec): BreakpointInfo => {
      const made = this.make(spec);
      if ('error' in made) return { id: this.unusedId(), verified: false, message: made.error, pcs: [] };
      const name = spec.name.trim();
      const op = this.opIndex.get(name);
      if (op !== undefined) {
        this.functionBps.push({ pcs: [], op, bp: made.bp });
        return { id: made.bp.id, verified: true, pcs: [] };
      }
      const fn = this.sourceMap?.data.functions.find((f) => f.name === name);
      if (fn) {
        this.functionBps.push({ pcs: [fn.start], bp: made.bp });
        return { id: made.bp.id, verified: true, pcs: [fn.start] };
      }
      return {
        id: made.bp.id,
        verified: false,
        message: `no opcode or function named '${name}' (opcodes: ${OPCODE_NAMES.join(', ')})`,
        pcs: [],
      };
    });
    this.rebuild();
    return infos;
  }

  /**
   * The breakpoints that stop before the instruction at pc runs (logpoints log through `log`);
   * undefined when none.
   */
  check(
    pc: number,
    from: number,
    m: MachineView,
    log: (text: string) => void,
  ): { ids: number[]; error?: string } | undefined {
    const here = this.atPc.get(pc);
    const onOp = this.atOp.get(this.opOf[pc]);
    const entry = this.entering(pc, from);
    if (!here && !onOp && !entry) return undefined;
    const ids: number[] = [];
    let error: string | undefined;
    for (const bp of [...(here ?? []), ...(entry ?? []), ...(onOp ?? [])]) {
      const r = bp.test(m, log);
      if (r.stop) ids.push(bp.id);
      error ??= r.error;
    }
    return ids.length ? { ids, error } : undefined;
  }

  /**
   * Whether any breakpoint could stop at pc, arriving from `from` (the run loop asks this first;
   * reverse execution without side effects).
   */
  watches(pc: number, from: number): boolean {
    return this.atPc.has(pc) || this.atOp.has(this.opOf[pc]) || this.entering(pc, from) !== undefined;
  }

  /** The line breakpoints at a branch target inside a line that arriving from `from` enters. */
  private entering(pc: number, from: number): Breakpoint[] | undefined {
    const bps = this.atLineEntry.size ? this.atLineEntry.get(pc) : undefined;
    return bps && this.sourceMap?.entersLine(pc, from, this.instructions) ? bps : undefined;
  }

  /** A breakpoint with the next id (data breakpoints share the numbering), or why it cannot be made. */
  make(o: BreakpointOptions): { bp: Breakpoint } | { error: string } {
    try {
      return { bp: new Breakpoint(this.nextId++, o) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }

  /** An id for a breakpoint that could not be made (the client still shows it, unverified). */
  unusedId(): number {
    return this.nextId++;
  }

  private rebuild(): void {
    this.atPc.clear();
    this.atLineEntry.clear();
    this.atOp.clear();
    const add = <K>(map: Map<K, Breakpoint[]>, k: K, bp: Breakpoint) =>
      map.set(k, [...(map.get(k) ?? []), bp]);
    const flags = this.sourceMap?.lineStartFlags(this.instructions);
    for (const list of this.lines.values())
      for (const { pcs, bp } of list)
        for (const pc of pcs) add(flags?.[pc] === 2 ? this.atLineEntry : this.atPc, pc, bp);
    for (const { pc, bp } of this.instructionBps) add(this.atPc, pc, bp);
    for (const { pcs, op, bp } of this.functionBps) {
      if (op !== undefined) add(this.atOp, op, bp);
      for (const pc of pcs) add(this.atPc, pc, bp);
    }
  }
}
