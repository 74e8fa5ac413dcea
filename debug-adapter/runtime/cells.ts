// The places of machine state a user can ask about or watch: a range of memory bytes, a
// WebAssembly local of one call depth, an operand-stack slot. A data breakpoint's id is the
// cell written as text (`memory:ADDRESS:SIZE`, `local:DEPTH:INDEX`), so it survives stops.

export type Cell =
  | { readonly kind: 'memory'; readonly address: number; readonly size: number }
  /** Local `index` of the function running at call depth `depth` (0: the entry function). */
  | { readonly kind: 'local'; readonly depth: number; readonly index: number }
  /** Operand-stack slot `index`, counted from the bottom. */
  | { readonly kind: 'stack'; readonly index: number };

/** The most bytes one memory cell may cover (a struct, an array: a data breakpoint or a query). */
export const MAX_CELL_BYTES = 1 << 16;

const hex = (a: number) => `0x${a.toString(16).padStart(8, '0')}`;

export function describeCell(c: Cell): string {
  switch (c.kind) {
    case 'memory':
      return c.size === 1 ? `the byte at ${hex(c.address)}` : `${c.size} bytes at ${hex(c.address)}`;
    case 'local':
      return `local[${c.index}] at call depth ${c.depth}`;
    case 'stack':
      return `operand stack slot ${c.index}`;
  }
}

export function cellId(c: Cell): string {
  switch (c.kind) {
    case 'memory':
      return `memory:${c.address}:${c.size}`;
    case 'local':
      return `local:${c.depth}:${c.index}`;
    case 'stack':
      return `stack:${c.index}`;
  }
}

/** Reads a cell id back; anything else is refused with the reason. */
export function parseCellId(id: string): Cell {
  const m = /^(memory|local|stack):(\d{1,10})(?::(\d{1,10}))?$/.exec(id);
  const bad = () => new Error(`'${id.slice(0, 80)}' is not a data id of this debugger`);
  if (!m) throw bad();
  const a = Number(m[2]);
  const b = m[3] === undefined ? undefined : Number(m[3]);
  switch (m[1]) {
    case 'memory':
      if (b === undefined || a > 0xffffffff || b < 1 || b > MAX_CELL_BYTES || a + b > 2 ** 32) throw bad();
      return { kind: 'memory', address: a, size: b };
    case 'local':
      if (b === undefined || a > 0xffff || b > 0xffff) throw bad();
      return { kind: 'local', depth: a, index: b };
    default:
      if (b !== undefined || a > 0xffffff) throw bad();
      return { kind: 'stack', index: a };
  }
}
