// Whether tests that need the native engine run: where the addon is unavailable they skip with
// the reason on a developer's machine, but under CI (CI set) a missing or unloadable addon is a
// failure, never a skip: CI exists to test the native engine.
import { loadNative } from '../../model/native-engine';

/** `false` when the native engine loads; otherwise the reason to skip (outside CI only). */
export function nativeSkip(): false | string {
  const native = loadNative();
  if (native.ok) return false;
  if (process.env.CI) throw new Error(`CI needs the native engine, and ${native.reason}`);
  return native.reason;
}
