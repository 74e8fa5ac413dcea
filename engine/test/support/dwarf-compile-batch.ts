// Compiles C files with the project's compiler (compileC) into a folder, for tests that need many
// linked modules: run as `node --import tsx dwarf-compile-batch.ts OUTDIR LEVEL:FILE...`; each
// module is written to OUTDIR/<index>.wasm, a failure to OUTDIR/<index>.err. Several of these run
// in parallel (engine/test/dwarf-info.test.ts), since clang and wasm-ld dominate the test's time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileC, type OptimizeLevel } from '../../compiler/clang';

const [outDir, ...jobs] = process.argv.slice(2);
for (const job of jobs) {
  const [index, level, file] = job.split(':');
  try {
    writeFileSync(join(outDir, `${index}.wasm`), compileC(file, { optimize: level as OptimizeLevel }));
  } catch (e) {
    writeFileSync(join(outDir, `${index}.err`), String((e as Error).message ?? e));
  }
}
