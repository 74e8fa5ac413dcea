// Specialization (the first Futamura projection): one program baked into the weights, so the
// prompt is just `start` and the input. The machine graph gains one neuron per instruction and a
// table per field (opcode, immediate bytes, local index, memory offset), each table a sum of those
// neurons. The neurons need no solver: they read the same three values (the rounded cursor, its
// square, one) and are read only by the tables, so they go structurally into the FFN sublayer
// right after the cursor's square, where they write straight into the tables' slots and hold
// none of their own. The list scheduler places exactly that (a neuron read only by persisted sums
// at the sums' time), in milliseconds for thousands of instructions.
// The opcode tests are tables too (engine/machine/instruction-tables.ts), and the slot plan never
// erases in attention: what this model costs per token is heads and computed neurons, not width
// (docs/schedule.md, "Specialized models").
//
// The model carries its program (meta.program, the program section as token text), so a run can
// check it is given the right program and compare with the reference executor.
import { buildMachineGraph } from '../machine/interpreter';
import { scheduleAsap } from '../schedule/heuristic';
import { formatProgram, type Instruction, parseProgram } from '../tokens/program-file';
import { buildWeights, finalReads } from './build';
import type { TransformerModel } from './model';

/**
 * The most instructions a specialized model holds. Each instruction is one FFN neuron and one
 * column of every table, built as dense rows of d_model (~70) float64s before the file stores them
 * sparse (version 2): newton_sqrt's 32,245 instructions built in 4.1 s with a 572 MiB peak and a
 * 7.1 MB file (docs/schedule.md, "Specialized models"), so this bound, about twice that, keeps a
 * build to seconds and about a gigabyte. Larger programs run on the universal model.
 */
export const MAX_SPECIALIZED_INSTRUCTIONS = 65_536;

export interface Specialized {
  readonly model: TransformerModel;
  readonly seconds: number;
}

export function specialize(instructions: readonly Instruction[], name: string): Specialized {
  if (instructions.length > MAX_SPECIALIZED_INSTRUCTIONS)
    throw new RangeError(
      `${name}: ${instructions.length} instructions, more than the ${MAX_SPECIALIZED_INSTRUCTIONS} a specialized model holds`,
    );
  const start = performance.now();
  const machine = buildMachineGraph('specialized', instructions);
  const schedule = scheduleAsap(machine.graph, finalReads(machine));
  const model = buildWeights(
    machine,
    schedule,
    {
      specializedFor: name,
      instructions: instructions.length,
      program: formatProgram(instructions, null),
      schedule: 'structural (list scheduling)',
    },
    { attentionErases: false },
  );
  return { model, seconds: (performance.now() - start) / 1000 };
}

/** The program a specialized model was built for (undefined for a universal model). */
export function bakedProgram(model: TransformerModel): readonly Instruction[] | undefined {
  if (model.meta.mode !== 'specialized') return undefined;
  const text = model.meta.program;
  if (typeof text !== 'string') throw new Error('this specialized model does not say which program it runs');
  return parseProgram(text, `the model's program (${model.meta.specializedFor ?? 'unnamed'})`).instructions;
}
