// What the language server knows about a token program (.tvm): its tokens with their places,
// its instructions, the problems in it, and, when a source map lies beside it, its functions and
// C lines. Pure: no LSP import, so it is tested directly and by the server tests.
import { existsSync } from 'node:fs';
import { readSourceMapFile, type SourceMap, SourceMapError } from '../../engine/compiler/source-map';
import { OPCODES, Op } from '../../engine/tokens/opcodes';
import {
  type Instruction,
  jumpTarget,
  parseTokens,
  TokenFileError,
  type TokenizedFile,
  tokenize,
} from '../../engine/tokens/program-file';
import {
  isCommit,
  isOpcode,
  isOut,
  OPCODE_BASE,
  T_BRANCH_TAKEN,
  T_CALL_COMMIT,
  T_RETURN_COMMIT,
  tokenText,
} from '../../engine/tokens/vocabulary';

export interface Problem {
  readonly line: number; // 1-based
  readonly column: number; // 1-based
  readonly length: number;
  readonly message: string;
}

export interface TokenDocument {
  readonly tokens?: TokenizedFile;
  readonly instructions: readonly Instruction[];
  readonly problems: readonly Problem[];
  readonly sourceMap?: SourceMap;
}

export function analyze(text: string, file: string, mapFile?: string): TokenDocument {
  let tokens: TokenizedFile;
  try {
    tokens = tokenize(text, file);
  } catch (e) {
    if (!(e instanceof TokenFileError)) throw e;
    return { instructions: [], problems: [problemOf(e, text)] };
  }
  let instructions: Instruction[] = [];
  const problems: Problem[] = [];
  try {
    instructions = parseTokens(tokens).instructions;
  } catch (e) {
    if (!(e instanceof TokenFileError)) throw e;
    problems.push(problemOf(e, text));
  }
  // Branch and call targets must be instructions of the program (the end is the halt's place).
  instructions.forEach((ins, i) => {
    const target = jumpTarget(ins, i);
    if (target === undefined || (target >= 0 && target < instructions.length)) return;
    const at = opcodeToken(i);
    problems.push({
      line: tokens.lines[at],
      column: tokens.columns[at],
      length: tokens.lengths[at],
      message: `${ins.op} to instruction ${target}, outside the program (0 … ${instructions.length - 1})`,
    });
  });
  let sourceMap: SourceMap | undefined;
  if (mapFile && existsSync(mapFile)) {
    try {
      sourceMap = readSourceMapFile(mapFile, instructions);
    } catch (e) {
      // A broken map, or one of another program, only costs the C lines: say so at the top.
      const message = `${e instanceof SourceMapError ? e.message : String(e)}; C lines are not shown`;
      problems.push({ line: 1, column: 1, length: 1, message });
    }
  }
  return { tokens, instructions, problems, sourceMap };
}

function problemOf(e: TokenFileError, text: string): Problem {
  const lineText = text.split('\n')[e.line - 1] ?? '';
  const word = /\S+/.exec(lineText.slice(e.column - 1))?.[0] ?? '';
  return { line: e.line, column: e.column, length: Math.max(1, word.length), message: e.reason };
}

/** Index in the token list of instruction i's opcode (the program section starts with `{`). */
export const opcodeToken = (i: number) => 1 + 5 * i;

/** The instruction a token belongs to, and which of its five tokens it is. */
export function instructionAt(
  doc: TokenDocument,
  tokenIndex: number,
): { index: number; part: number } | undefined {
  if (tokenIndex < 1) return undefined;
  const index = Math.floor((tokenIndex - 1) / 5);
  if (index >= doc.instructions.length) return undefined;
  return { index, part: (tokenIndex - 1) % 5 };
}

/** The token at a 1-based line and column, if any. */
export function tokenAt(doc: TokenDocument, line: number, column: number): number | undefined {
  const t = doc.tokens;
  if (!t) return undefined;
  let lo = 0;
  let hi = t.ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.lines[mid] < line || (t.lines[mid] === line && t.columns[mid] + t.lengths[mid] <= column))
      lo = mid + 1;
    else if (t.lines[mid] > line || t.columns[mid] > column) hi = mid - 1;
    else return mid;
  }
  return undefined;
}

/** Markdown describing the instruction under a token. */
export function hover(doc: TokenDocument, tokenIndex: number): string | undefined {
  const t = doc.tokens!;
  const id = t.ids[tokenIndex];
  const at = instructionAt(doc, tokenIndex);
  if (!at) return `\`${tokenText(id)}\`: ${kindOf(id)}`;
  const ins = doc.instructions[at.index];
  const u = ins.imm >>> 0;
  const lines = [
    `**instruction ${at.index}**: \`${ins.op}\` (${OPCODES[Op[ins.op]].shape} instruction)`,
    `immediate: ${u | 0} signed, ${u} unsigned, 0x${u.toString(16).padStart(8, '0')}`,
  ];
  if (at.part > 0) lines.push(`this token: byte ${at.part - 1} of the immediate`);
  const target = jumpTarget(ins, at.index);
  if (target !== undefined) lines.push(`${ins.op === 'call' ? 'calls' : 'jumps to'} instruction ${target}`);
  const fn = doc.sourceMap?.functionAt(at.index);
  const loc = doc.sourceMap?.location(at.index);
  if (fn) lines.push(`in function \`${fn.name}\``);
  if (loc) lines.push(`from ${loc.file.split(/[\\/]/).pop()}:${loc.line}:${loc.column}`);
  return lines.join('\n\n');
}

/** What kind of token an id is, in words. */
export function kindOf(id: number): string {
  if (isOpcode(id)) return 'an opcode';
  if (isCommit(id)) return 'a commit (the end of an instruction in a trace)';
  if (isOut(id)) return 'program output';
  if (id === T_BRANCH_TAKEN || id === T_CALL_COMMIT || id === T_RETURN_COMMIT)
    return 'a control-transfer marker';
  if (id < OPCODE_BASE) return id >= 256 ? 'a byte with its carry flag' : 'a byte';
  return 'a delimiter';
}

/** Functions (from the source map) as instruction ranges, else the program section as one. */
export function functions(doc: TokenDocument): { name: string; start: number; end: number }[] {
  if (!doc.instructions.length) return [];
  const fns = doc.sourceMap?.data.functions.filter((f) => f.end <= doc.instructions.length);
  if (fns?.length) return fns.map((f) => ({ name: f.name, start: f.start, end: f.end }));
  return [{ name: 'program', start: 0, end: doc.instructions.length }];
}
