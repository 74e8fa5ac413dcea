// The C program as its DWARF describes it: types, functions, lexical scopes, variables and their
// locations. engine/wasm/dwarf-info.ts reads it from a WebAssembly module; the debugger reads
// values through it (engine/debug-info/values.ts) and evaluates C expressions over it
// (engine/debug-info/c-expression.ts). Offsets are code-section-relative WebAssembly byte offsets,
// as in the line table and the source map's `wasmOffset`.

/** A C type. Objects are shared and may be cyclic (a struct holding a pointer to itself). */
export type CType =
  | CVoidType
  | CBaseType
  | CPointerType
  | CArrayType
  | CRecordType
  | CEnumType
  | CTypedef
  | CQualifiedType
  | CFunctionType;

export interface CVoidType {
  readonly kind: 'void';
}

/** DW_ATE_* encodings: float is IEEE binary32/64 (binary128 for long double), complex_float a pair of them. */
export type BaseEncoding =
  | 'signed'
  | 'unsigned'
  | 'signed_char'
  | 'unsigned_char'
  | 'bool'
  | 'float'
  | 'complex_float';

export interface CBaseType {
  readonly kind: 'base';
  readonly name: string;
  readonly size: number;
  readonly encoding: BaseEncoding;
}

export interface CPointerType {
  readonly kind: 'pointer';
  /** Pointers are 4 bytes on wasm32. */
  readonly size: number;
  readonly target: CType;
}

/** One dimension; `int a[2][3]` is an array of 2 arrays of 3 int. */
export interface CArrayType {
  readonly kind: 'array';
  readonly element: CType;
  /** Element count; undefined for `int a[]` (flexible or unknown bound). */
  readonly count: number | undefined;
}

export interface CMember {
  /** Undefined for an anonymous struct/union member. */
  readonly name: string | undefined;
  readonly type: CType;
  /** Byte offset of the member (of its storage unit for a bit-field). */
  readonly offset: number;
  /** For a bit-field: its width, and its first bit counted from bit 0 of the record (DW_AT_data_bit_offset). */
  readonly bitSize?: number;
  readonly bitOffset?: number;
}

export interface CRecordType {
  readonly kind: 'struct' | 'union';
  readonly name: string | undefined;
  readonly size: number;
  readonly members: readonly CMember[];
  /** A declaration without a definition in this program (`struct FILE;`). */
  readonly incomplete: boolean;
}

export interface CEnumerator {
  readonly name: string;
  readonly value: bigint;
}

export interface CEnumType {
  readonly kind: 'enum';
  readonly name: string | undefined;
  readonly size: number;
  readonly signed: boolean;
  readonly enumerators: readonly CEnumerator[];
}

export interface CTypedef {
  readonly kind: 'typedef';
  readonly name: string;
  readonly target: CType;
}

export interface CQualifiedType {
  readonly kind: 'const' | 'volatile' | 'restrict' | 'atomic';
  readonly target: CType;
}

export interface CFunctionType {
  readonly kind: 'function';
  readonly returns: CType;
  readonly params: readonly CType[];
  readonly variadic: boolean;
}

/** A DWARF location description, not yet evaluated. */
export type LocationDescription =
  /** A single location expression (DW_FORM_exprloc). */
  | { readonly kind: 'expression'; readonly ops: Uint8Array }
  /** A location list: the expression that applies at each range of code offsets [start, end). */
  | {
      readonly kind: 'list';
      readonly entries: readonly { readonly start: number; readonly end: number; readonly ops: Uint8Array }[];
    }
  /** No DW_AT_location (and no DW_AT_const_value): optimized out everywhere. */
  | { readonly kind: 'none' };

export interface CVariable {
  readonly name: string;
  readonly type: CType;
  readonly location: LocationDescription;
  /** DW_AT_const_value, when the compiler gave the value instead of a location. */
  readonly constValue?: bigint | Uint8Array;
  readonly isParameter: boolean;
  readonly declFile?: string;
  readonly declLine?: number;
}

/** A half-open range of code offsets. */
export type CodeRange = readonly [start: number, end: number];

/** A function body, a lexical block, or an inlined call's body. */
export interface CScope {
  readonly kind: 'function' | 'block' | 'inlined';
  readonly ranges: readonly CodeRange[];
  /** Declared in this scope, in declaration order (parameters first in a function or inlined scope). */
  readonly variables: readonly CVariable[];
  readonly children: readonly CScope[];
  /** For 'function' and 'inlined': the C function (for 'inlined', the function inlined here). */
  readonly functionName?: string;
  /** For 'inlined': where the call was (DW_AT_call_file / DW_AT_call_line). */
  readonly callFile?: string;
  readonly callLine?: number;
}

export interface CFunction {
  readonly name: string;
  readonly ranges: readonly CodeRange[];
  readonly frameBase: LocationDescription | undefined;
  readonly returns: CType;
  readonly scope: CScope;
  readonly declFile?: string;
  readonly declLine?: number;
}

/** A variable with static storage: a global, a file static or a function's static. */
export interface CStaticVariable extends CVariable {
  /** For a function's static: the function's name. */
  readonly functionName?: string;
  /** Whether it has external linkage (DW_AT_external). */
  readonly external: boolean;
}

export interface CProgramInfo {
  readonly functions: readonly CFunction[];
  readonly statics: readonly CStaticVariable[];
  /** The function whose ranges contain a code offset. */
  functionAt(offset: number): CFunction | undefined;
  /** The scopes containing a code offset, innermost first (blocks, inlined bodies, the function). */
  scopesAt(offset: number): CScope[];
  /** A type by its C name: a typedef or base type name (`uint32_t`, `unsigned int`), or a tag with its keyword (`struct node`). */
  typeNamed(name: string): CType | undefined;
}

// ── Evaluated locations ──

/** Where a variable's bytes are at one moment. */
export type Place =
  | { readonly kind: 'memory'; readonly address: number }
  /** The value itself (a WebAssembly local or operand, a constant, DW_OP_stack_value). */
  | { readonly kind: 'value'; readonly bytes: Uint8Array }
  /** DW_OP_piece: parts of the object in different places; a piece whose place is undefined is optimized out. */
  | {
      readonly kind: 'pieces';
      readonly pieces: readonly { readonly size: number; readonly place: Place | undefined }[];
    }
  | { readonly kind: 'optimized-out' }
  /** The location could not be evaluated here (the message says why: an operation not understood, memory out of range). */
  | { readonly kind: 'unavailable'; readonly reason: string };

/** What a location expression may read: one frame of the stopped machine. */
export interface LocationContext {
  /** The code offset the frame is at (for location lists). */
  readonly offset: number;
  /** WebAssembly local `i` of the frame as little-endian bytes (4 for i32, 8 for i64), if it exists. */
  wasmLocal(i: number): Uint8Array | undefined;
  /** WebAssembly global `i`, as bytes. */
  wasmGlobal(i: number): Uint8Array | undefined;
  /** WebAssembly operand stack entry `i` of the frame (DW_OP_WASM_location 0x2 i), if known here. */
  wasmOperand(i: number): Uint8Array | undefined;
  /** `n` bytes of linear memory at `address`; undefined when out of range. */
  memory(address: number, n: number): Uint8Array | undefined;
}

/** A C value the debugger shows or an expression produced: a type and where its bytes are. */
export interface CValue {
  readonly type: CType;
  readonly place: Place;
  /** For a bit-field member: its width and first bit within the bytes at `place`. */
  readonly bits?: { readonly offset: number; readonly size: number };
}
