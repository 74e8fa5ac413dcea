// The expression language of breakpoint conditions, logpoints, hover and watch: C-like integer
// expressions over the machine state. Values are 32-bit; names read as signed (like C's int),
// and u32(x) gives the unsigned reading.
//
//   stack[i]            operand stack, 0 = top          local[i]   local i of the selected frame
//   global[i]           global i (memory-backed)        mem8[a] mem16[a] mem32[a]  memory, little-endian
//   step pc depth sp    instructions done, cursor, call depth, C stack pointer (global[0])
//   position            tokens so far
//   + - * / % == != < <= > >= && || ! unary -, ( ), decimal and 0x hex literals, u32(x), s8(x), s16(x)

export class ExpressionError extends Error {}

/** What expressions can read. */
export interface MachineView {
  stackAt(i: number): number | undefined;
  stackDepth(): number;
  local(i: number): number | undefined;
  global(i: number): number;
  /** `bytes` little-endian bytes at `address`, as an unsigned number. */
  memory(address: number, bytes: 1 | 2 | 4): number;
  readonly step: number;
  readonly pc: number;
  readonly depth: number;
  readonly position: number;
}

type Node =
  | { k: 'num'; v: number }
  | { k: 'name'; name: string }
  | { k: 'index'; name: string; index: Node }
  | { k: 'call'; name: string; arg: Node }
  | { k: 'unary'; op: string; a: Node }
  | { k: 'binary'; op: string; a: Node; b: Node };

const INDEXED = new Set(['stack', 'local', 'global', 'mem8', 'mem16', 'mem32']);
const SCALARS = new Set(['step', 'pc', 'depth', 'sp', 'position']);
const FUNCTIONS = new Set(['u32', 's8', 's16']);
const LEVELS = [['||'], ['&&'], ['==', '!=', '<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(0x[0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|&&|\|\||[-+*/%<>!()[\]])/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new ExpressionError(`unexpected '${text.slice(at).trim()[0]}' at column ${at + 1}`);
    tokens.push(m[1]);
    at = re.lastIndex;
  }
  return tokens;
}

/** A parsed expression, evaluated against any machine state. */
export class Expression {
  private readonly root: Node;

  constructor(readonly text: string) {
    const tokens = tokenize(text);
    let i = 0;
    const peek = () => tokens[i];
    const take = (want?: string) => {
      const t = tokens[i];
      if (t === undefined)
        throw new ExpressionError(want ? `expected '${want}' at the end` : 'unexpected end');
      if (want && t !== want) throw new ExpressionError(`expected '${want}', found '${t}'`);
      i++;
      return t;
    };
    const level = (n: number): Node => {
      if (n === LEVELS.length) return unary();
      let a = level(n + 1);
      while (LEVELS[n].includes(peek())) {
        const op = take();
        a = { k: 'binary', op, a, b: level(n + 1) };
      }
      return a;
    };
    const unary = (): Node => {
      if (peek() === '-' || peek() === '!') {
        const op = take();
        return { k: 'unary', op, a: unary() };
      }
      return primary();
    };
    const primary = (): Node => {
      const t = take();
      if (t === '(') {
        const e = level(0);
        take(')');
        return e;
      }
      if (/^(0x[0-9a-fA-F]+|\d+)$/.test(t)) {
        const v = Number(t);
        if (v > 0xffffffff) throw new ExpressionError(`${t} does not fit in 32 bits`);
        return { k: 'num', v: v | 0 };
      }
      if (INDEXED.has(t)) {
        take('[');
        const index = level(0);
        take(']');
        return { k: 'index', name: t, index };
      }
      if (FUNCTIONS.has(t)) {
        take('(');
        const arg = level(0);
        take(')');
        return { k: 'call', name: t, arg };
      }
      if (SCALARS.has(t)) return { k: 'name', name: t };
      throw new ExpressionError(
        /^[A-Za-z_]/.test(t)
          ? `unknown name '${t}' (known: ${[...INDEXED].map((n) => `${n}[i]`).join(', ')}, ${[...SCALARS].join(', ')})`
          : `unexpected '${t}'`,
      );
    };
    if (tokens.length === 0) throw new ExpressionError('empty expression');
    this.root = level(0);
    if (i < tokens.length) throw new ExpressionError(`unexpected '${tokens[i]}'`);
  }

  /** The value (a JS number: int32, or uint32 after u32()). */
  evaluate(m: MachineView): number {
    return evaluate(this.root, m);
  }

  /** Whether the condition holds (nonzero). */
  holds(m: MachineView): boolean {
    return this.evaluate(m) !== 0;
  }
}

function evaluate(n: Node, m: MachineView): number {
  switch (n.k) {
    case 'num':
      return n.v;
    case 'name':
      switch (n.name) {
        case 'step':
          return m.step;
        case 'pc':
          return m.pc;
        case 'depth':
          return m.depth;
        case 'sp':
          return m.global(0) | 0;
        default:
          return m.position;
      }
    case 'call': {
      const v = evaluate(n.arg, m);
      return n.name === 'u32' ? v >>> 0 : n.name === 's8' ? (v << 24) >> 24 : (v << 16) >> 16;
    }
    case 'index': {
      const i = evaluate(n.index, m);
      const at = `${n.name}[${i}]`;
      switch (n.name) {
        case 'stack': {
          const v = m.stackAt(i);
          if (v === undefined)
            throw new ExpressionError(`${at}: the operand stack holds ${m.stackDepth()} values`);
          return v | 0;
        }
        case 'local': {
          const v = m.local(i);
          if (v === undefined) throw new ExpressionError(`${at}: no such local in this frame`);
          return v | 0;
        }
        case 'global':
          if (i < 0) throw new ExpressionError(`${at}: no such global`);
          return m.global(i) | 0;
        default: {
          const bytes = n.name === 'mem8' ? 1 : n.name === 'mem16' ? 2 : 4;
          return m.memory(i >>> 0, bytes) | 0;
        }
      }
    }
    case 'unary': {
      const a = evaluate(n.a, m);
      return n.op === '-' ? -a | 0 : a === 0 ? 1 : 0;
    }
    case 'binary': {
      if (n.op === '&&') return evaluate(n.a, m) !== 0 && evaluate(n.b, m) !== 0 ? 1 : 0;
      if (n.op === '||') return evaluate(n.a, m) !== 0 || evaluate(n.b, m) !== 0 ? 1 : 0;
      const a = evaluate(n.a, m);
      const b = evaluate(n.b, m);
      switch (n.op) {
        case '+':
          return (a + b) | 0;
        case '-':
          return (a - b) | 0;
        case '*':
          return Math.imul(a, b);
        case '/':
          if (b === 0) throw new ExpressionError('division by zero');
          return (a / b) | 0;
        case '%':
          if (b === 0) throw new ExpressionError('division by zero');
          return (a % b) | 0;
        case '==':
          return a === b ? 1 : 0;
        case '!=':
          return a !== b ? 1 : 0;
        case '<':
          return a < b ? 1 : 0;
        case '<=':
          return a <= b ? 1 : 0;
        case '>':
          return a > b ? 1 : 0;
        default:
          return a >= b ? 1 : 0;
      }
    }
  }
}
