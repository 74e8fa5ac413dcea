// The C test programs (every lowered operation, recursion, structs, 8/16-bit memory, globals, …)
// run through the machine graph token for token like the reference executor: half 0 of two.
import { test } from 'node:test';
import { evalProgramsHalf } from './support/programs';

test('C test programs, half 0: the graph generates the reference trace', () => evalProgramsHalf(0, 2));
