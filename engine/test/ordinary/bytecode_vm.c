// bytecode_vm: a stack-based bytecode interpreter dispatching on a switch: arithmetic, compare,
// jumps, locals, calls and returns. It runs a bytecode program that computes the first Fibonacci
// numbers and a recursive factorial, and traps cleanly on a bad opcode.
#include <stdint.h>
#include <stdio.h>

enum op { PUSH, ADD, SUB, MUL, LT, JZ, JMP, LOAD, STORE, PRINT, CALL, RET, DUP, HALT, ARG };

static int64_t stack[256];
static int sp;
static int64_t locals[8];
static int frames[32][2];
static int fp;

static int64_t run(const int *code, int pc, int64_t *steps) {
  for (;;) {
    int op = code[pc++];
    ++*steps;
    switch (op) {
    case PUSH: stack[sp++] = code[pc++]; break;
    case ADD: sp--, stack[sp - 1] += stack[sp]; break;
    case SUB: sp--, stack[sp - 1] -= stack[sp]; break;
    case MUL: sp--, stack[sp - 1] *= stack[sp]; break;
    case LT: sp--, stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
    case JZ: pc = stack[--sp] == 0 ? code[pc] : pc + 1; break;
    case JMP: pc = code[pc]; break;
    case LOAD: stack[sp++] = locals[code[pc++]]; break;
    case STORE: locals[code[pc++]] = stack[--sp]; break;
    case PRINT: printf("%lld\n", (long long)stack[--sp]); break;
    case DUP: stack[sp] = stack[sp - 1], sp++; break;
    case ARG: stack[sp++] = stack[frames[fp - 1][1]]; break;
    case CALL:
      frames[fp][0] = pc + 1;
      frames[fp][1] = sp - 1;
      fp++;
      pc = code[pc];
      break;
    case RET: {
      int64_t v = stack[--sp];
      fp--;
      sp = frames[fp][1];
      stack[sp++] = v;
      pc = frames[fp][0];
      break;
    }
    case HALT: return sp ? stack[sp - 1] : 0;
    default:
      printf("bad opcode %d at %d\n", op, pc - 1);
      return -1;
    }
  }
}

// fib loop: a=0 b=1 i=0; while (i < 12) { print a; t=a+b; a=b; b=t; i++ }
// then fact(15) by recursion: fact(n) = n < 2 ? 1 : n * fact(n - 1)
static const int program[] = {
    /* 0 */ PUSH, 0, STORE, 0, PUSH, 1, STORE, 1, PUSH, 0, STORE, 2,
    /* 12 */ LOAD, 2, PUSH, 12, LT, JZ, 46,
    /* 19 */ LOAD, 0, PRINT, LOAD, 0, LOAD, 1, ADD, STORE, 3, LOAD, 1, STORE, 0, LOAD, 3, STORE, 1,
    /* 37 */ LOAD, 2, PUSH, 1, ADD, STORE, 2, JMP, 12,
    /* 46 */ PUSH, 15, CALL, 52, PRINT, HALT,
    /* 52 fact */ ARG, PUSH, 2, LT, JZ, 61, PUSH, 1, RET,
    /* 61 */ ARG, ARG, PUSH, 1, SUB, CALL, 52, MUL, RET,
};

static const int broken[] = {PUSH, 7, PUSH, 6, MUL, PRINT, 99, HALT};

int main(void) {
  int64_t steps = 0;
  run(program, 0, &steps);
  printf("steps %lld, stack depth %d\n", (long long)steps, sp);
  sp = 0;
  steps = 0;
  int64_t r = run(broken, 0, &steps);
  printf("broken program returned %lld after %lld steps\n", (long long)r, (long long)steps);
  return 0;
}
