// The C test programs (every lowered operation, recursion, structs, 8/16-bit memory, globals, …)
// run through the machine graph token for token like the reference executor: half 1 of two.
import { test } from 'node:test';
import { evalProgramsHalf } from './support/programs';

test('C test programs, half 1: the graph generates the reference trace', () => evalProgramsHalf(1, 2));
