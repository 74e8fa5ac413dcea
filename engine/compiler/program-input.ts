// The input of an ordinary C program (docs/token-programs.md, "Program input"): its argv and its
// standard input in one byte string, which the token program's input section carries and the C
// runtime start (libc/src/crt.c) decodes on the machine. The input section ends at its first NUL,
// so bytes 0x00..0x03 are escaped: 0x01 then the byte plus one. Words end with 0x02; 0x03 ends argv.

const ESCAPE = 1;
const END_OF_WORD = 2;
const END_OF_ARGS = 3;

export class ProgramInputError extends Error {}

export interface MainInput {
  /** argv, argv[0] (the program's name) first. */
  readonly argv: readonly string[];
  readonly stdin: Uint8Array;
}

function escapeInto(out: number[], bytes: Uint8Array, escapeAll: boolean): void {
  for (const c of bytes) {
    if (c === 0 || c === ESCAPE || (escapeAll && (c === END_OF_WORD || c === END_OF_ARGS)))
      out.push(ESCAPE, c + 1);
    else out.push(c);
  }
}

/** The input bytes for `argv` and `stdin`; an argument cannot hold a NUL (C strings end there). */
export function encodeMainInput({ argv, stdin }: MainInput): Uint8Array {
  const out: number[] = [];
  argv.forEach((word, i) => {
    if (word.includes('\0')) {
      throw new ProgramInputError(`argument ${i} contains a NUL character, which a C string cannot hold`);
    }
    escapeInto(out, new TextEncoder().encode(word), true);
    out.push(END_OF_WORD);
  });
  out.push(END_OF_ARGS);
  // Standard input needs only NUL and the escape byte escaped: the runtime reads it as it comes.
  escapeInto(out, stdin, false);
  return Uint8Array.from(out);
}

/** The inverse of encodeMainInput (for displays and tests); undefined when `input` is not one. */
export function decodeMainInput(input: Uint8Array): MainInput | undefined {
  const argv: string[] = [];
  let word: number[] = [];
  let i = 0;
  const next = () => {
    const c = input[i++];
    return c === ESCAPE ? input[i++] - 1 : c;
  };
  while (i < input.length && input[i] !== END_OF_ARGS) {
    if (input[i] === END_OF_WORD) {
      argv.push(new TextDecoder().decode(Uint8Array.from(word)));
      word = [];
      i++;
    } else word.push(next());
  }
  if (i >= input.length || word.length) return undefined;
  i++;
  const stdin: number[] = [];
  while (i < input.length) stdin.push(next());
  return { argv, stdin: Uint8Array.from(stdin) };
}
