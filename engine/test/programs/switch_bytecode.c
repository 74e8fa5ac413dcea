// args: 10
// covers: a bytecode interpreter on a switch with ~20 opcodes (br_table), computing a loop of sums and a factorial
enum { PUSH, LOAD, STORE, ADD, SUB, MUL, NEG, DUP, SWAP, DROP, JMP, JZ, JNZ, LT, EQ, PRINT, INC, DEC, NOT, HALT };

static int run(const int *code, int arg) {
  int stack[32], sp = 0, vars[4] = {arg, 0, 0, 0}, pc = 0, steps = 0;
  for (;;) {
    int op = code[pc++];
    steps++;
    switch (op) {
    case PUSH: stack[sp++] = code[pc++]; break;
    case LOAD: stack[sp++] = vars[code[pc++]]; break;
    case STORE: vars[code[pc++]] = stack[--sp]; break;
    case ADD: sp--; stack[sp - 1] += stack[sp]; break;
    case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
    case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
    case NEG: stack[sp - 1] = -stack[sp - 1]; break;
    case DUP: stack[sp] = stack[sp - 1]; sp++; break;
    case SWAP: { int t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
    case DROP: sp--; break;
    case JMP: pc = code[pc]; break;
    case JZ: pc = stack[--sp] == 0 ? code[pc] : pc + 1; break;
    case JNZ: pc = stack[--sp] != 0 ? code[pc] : pc + 1; break;
    case LT: sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
    case EQ: sp--; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
    case PRINT: printf("%d\n", stack[--sp]); break;
    case INC: stack[sp - 1]++; break;
    case DEC: stack[sp - 1]--; break;
    case NOT: stack[sp - 1] = !stack[sp - 1]; break;
    case HALT: return steps;
    default: printf("bad opcode %d\n", op); return -1;
    }
  }
}

void compute(const char *input) {
  int n = parse_int(input);
  /* v1 = sum of 1..n; v2 = n! (mod 2^32); prints both, then -v1 */
  static const int prog[] = {
      PUSH, 0, STORE, 1, PUSH, 1, STORE, 2,
      /* 8: loop */ LOAD, 0, JZ, 30,
      LOAD, 1, LOAD, 0, ADD, STORE, 1,
      LOAD, 2, LOAD, 0, MUL, STORE, 2,
      LOAD, 0, DEC, STORE, 0, JMP, 8,
  };
  static const int tail[] = {LOAD, 1, PRINT, LOAD, 2, PRINT, LOAD, 1, NEG, DUP, PRINT, PUSH, 3, SWAP, DROP, PRINT,
                             PUSH, 2, PUSH, 5, LT, NOT, PRINT, PUSH, 7, PUSH, 7, EQ, PRINT, PUSH, 0, JNZ, 0, HALT};
  int code[96];
  int len = 0;
  for (unsigned i = 0; i < sizeof prog / sizeof prog[0]; i++) code[len++] = prog[i];
  code[11] = len; /* JZ target: the tail */
  for (unsigned i = 0; i < sizeof tail / sizeof tail[0]; i++) code[len++] = tail[i];
  code[len - 2] = len - 1; /* JNZ target (never taken) */
  int steps = run(code, n);
  printf("steps %d\n", steps);
  static const int bad[] = {PUSH, 1, 42};
  printf("bad %d\n", run(bad, 0));
}
