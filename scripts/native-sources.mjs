// The engine's C++ sources without the Node binding, read from native/binding.gyp so that the
// fuzzer and the sanitizer builds (scripts/fuzz-native.mjs, scripts/test-sanitize.mjs) compile
// exactly what the addon does, from one list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Absolute paths of native/src/*.cc that binding.gyp builds, addon.cc excluded. */
export function engineSources(native) {
  const gyp = JSON.parse(readFileSync(join(native, 'binding.gyp'), 'utf8'));
  return gyp.targets[0].sources.filter((f) => f !== 'src/addon.cc').map((f) => join(native, f));
}
