// IEEE binary32/binary64 values for the debugger: reading them from bytes, showing them as gdb does
// (`%.9g` / `%.17g` printed exactly and rounded half-to-even like glibc, `inf`, `-nan(0x8000000000000)`),
// correctly rounded conversions from exact rationals and 64-bit integers (literals, casts: a detour
// through a double would round twice), and the x86-64 SSE NaN rules for arithmetic results.

/** An IEEE format by its size in bytes. */
export type FloatSize = 4 | 8;

const PRECISION = { 4: 24, 8: 53 } as const;
const MIN_EXPONENT = { 4: -126, 8: -1022 } as const;
const MAX_EXPONENT = { 4: 127, 8: 1023 } as const;
/** Significant digits gdb prints: %.9g for float, %.17g for double (enough to round-trip). */
const DIGITS = { 4: 9, 8: 17 } as const;

/** The bits of a float of `size` bytes, from little-endian bytes. */
export function bitsOf(bytes: Uint8Array, size: FloatSize): bigint {
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i] ?? 0);
  return v;
}

/** The bits of a float as `size` little-endian bytes. */
export function bytesOfBits(bits: bigint, size: FloatSize): Uint8Array {
  const out = new Uint8Array(size);
  let v = bits;
  for (let i = 0; i < size; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

const scratch = new DataView(new ArrayBuffer(8));

/** The value of float bits (NaN payloads are lost: keep the bits where they matter). */
export function valueOfBits(bits: bigint, size: FloatSize): number {
  if (size === 4) {
    scratch.setUint32(0, Number(bits), true);
    return scratch.getFloat32(0, true);
  }
  scratch.setBigUint64(0, bits, true);
  return scratch.getFloat64(0, true);
}

/** The bits of a number as a float of `size` bytes (`value` must already be representable). */
export function bitsOfValue(value: number, size: FloatSize): bigint {
  if (Number.isNaN(value)) return defaultNaN(size);
  if (size === 4) {
    scratch.setFloat32(0, value, true);
    return BigInt(scratch.getUint32(0, true));
  }
  scratch.setFloat64(0, value, true);
  return scratch.getBigUint64(0, true);
}

const mantissaBits = (size: FloatSize) => PRECISION[size] - 1;
const exponentMask = (size: FloatSize) => (size === 4 ? 0xffn : 0x7ffn);

export function isNaNBits(bits: bigint, size: FloatSize): boolean {
  const m = BigInt(mantissaBits(size));
  return ((bits >> m) & exponentMask(size)) === exponentMask(size) && (bits & ((1n << m) - 1n)) !== 0n;
}

/** x86-64 SSE's result of an invalid operation without NaN operands (0/0, inf-inf): a negative quiet NaN. */
export function defaultNaN(size: FloatSize): bigint {
  return size === 4 ? 0xffc00000n : 0xfff8000000000000n;
}

/** A NaN made quiet (top mantissa bit set), payload kept. */
export function quieted(bits: bigint, size: FloatSize): bigint {
  return bits | (1n << BigInt(mantissaBits(size) - 1));
}

/**
 * A NaN converted between formats as SSE's cvtss2sd/cvtsd2ss do: sign kept, quiet, the payload's
 * top bits kept (promote shifts it up, demote drops the low 29 bits).
 */
export function convertNaN(bits: bigint, from: FloatSize, to: FloatSize): bigint {
  const q = quieted(bits, from);
  if (from === to) return q;
  const sign = q >> BigInt(from * 8 - 1);
  const payload = q & ((1n << BigInt(mantissaBits(from))) - 1n);
  const moved = to === 8 ? payload << 29n : payload >> 29n;
  return (sign << BigInt(to * 8 - 1)) | (exponentMask(to) << BigInt(mantissaBits(to))) | moved;
}

/**
 * A float as gdb prints it: `%.9g` (float) or `%.17g` (double) of the exact value, rounded half to
 * even as glibc's printf does; `inf`, `-inf`, `nan(0x…)`, `-nan(0x…)` with the mantissa in hex.
 */
export function formatFloat(bits: bigint, size: FloatSize): string {
  const m = BigInt(mantissaBits(size));
  const negative = bits >> BigInt(size * 8 - 1) === 1n;
  const sign = negative ? '-' : '';
  const exponent = (bits >> m) & exponentMask(size);
  const mantissa = bits & ((1n << m) - 1n);
  if (exponent === exponentMask(size))
    return mantissa === 0n ? `${sign}inf` : `${sign}nan(0x${gdbMantissa(mantissa, size)})`;
  if (exponent === 0n && mantissa === 0n) return `${sign}0`;
  // The exact value |x| = significand × 2^power.
  const significand = exponent === 0n ? mantissa : mantissa | (1n << m);
  const power = Number(exponent === 0n ? 1n : exponent) - Number(m) - (size === 4 ? 127 : 1023);
  return sign + formatG(significand, power, DIGITS[size]);
}

/**
 * gdb's hex mantissa of a NaN: the top (bits mod 32) bits in plain hex, then each 32-bit group
 * zero-padded to 8 digits (so 0x7ff0000000000001 is `nan(0x000000001)`).
 */
function gdbMantissa(mantissa: bigint, size: FloatSize): string {
  const bits = mantissaBits(size);
  const first = bits % 32 || 32;
  let out = (mantissa >> BigInt(bits - first)).toString(16);
  for (let left = bits - first; left > 0; left -= 32)
    out += ((mantissa >> BigInt(left - 32)) & 0xffffffffn).toString(16).padStart(8, '0');
  return out;
}

/** printf's `%.{digits}g` of significand × 2^power (> 0), exactly, ties to even. */
export function formatG(significand: bigint, power: number, digits: number): string {
  let num = power >= 0 ? significand << BigInt(power) : significand;
  let den = power >= 0 ? 1n : 1n << BigInt(-power);
  // The decimal exponent e with 10^e ≤ x < 10^(e+1): estimated, then corrected exactly.
  let e = Math.floor((significand.toString(2).length - 1 + power) * Math.log10(2));
  const atLeast = (k: number) => (k >= 0 ? num >= den * 10n ** BigInt(k) : num * 10n ** BigInt(-k) >= den);
  while (!atLeast(e)) e--;
  while (atLeast(e + 1)) e++;
  // Scale to `digits` significant digits and round half to even.
  const shift = digits - 1 - e;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q++;
  if (q === 10n ** BigInt(digits)) {
    q /= 10n;
    e++;
  }
  const text = q.toString();
  if (e < -4 || e >= digits) {
    const mantissa = stripZeros(`${text[0]}.${text.slice(1)}`);
    return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return stripZeros(`0.${'0'.repeat(-e - 1)}${text}`);
  return stripZeros(`${text.slice(0, e + 1)}.${text.slice(e + 1)}`);
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * The float of `size` bytes nearest to num/den (≥ 0; den > 0), ties to even, with gradual
 * underflow and overflow to infinity: what a correctly rounding compiler makes of a literal.
 */
export function roundRational(num: bigint, den: bigint, size: FloatSize): number {
  if (num === 0n) return 0;
  const p = PRECISION[size];
  // E = floor(log2(num/den)).
  let e = num.toString(2).length - den.toString(2).length;
  const atLeast = (k: number) => (k >= 0 ? num >= den << BigInt(k) : num << BigInt(-k) >= den);
  while (!atLeast(e)) e--;
  while (atLeast(e + 1)) e++;
  if (e > MAX_EXPONENT[size] + 1) return Number.POSITIVE_INFINITY;
  // The value in units of the last place of its binade (subnormals share the smallest one).
  const quantum = Math.max(e, MIN_EXPONENT[size]) - (p - 1);
  const n = quantum >= 0 ? num : num << BigInt(-quantum);
  const d = quantum >= 0 ? den << BigInt(quantum) : den;
  let q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && q % 2n === 1n)) q++;
  // q ≤ 2^p, exact in a double; the scale is a power of two: the product is exact or overflows.
  const result = Number(q) * 2 ** quantum;
  const max = size === 4 ? 3.4028234663852886e38 : Number.MAX_VALUE;
  return result > max ? Number.POSITIVE_INFINITY : result;
}

/** A 64-bit integer converted to a float of `size` bytes, correctly rounded (C's conversion). */
export function floatOfInteger(v: bigint, size: FloatSize): number {
  const magnitude = roundRational(v < 0n ? -v : v, 1n, size);
  return v < 0n ? -magnitude : magnitude;
}

/** A double rounded to a float of `size` bytes (NaN handled by the caller, keeping its bits). */
export function roundTo(value: number, size: FloatSize): number {
  return size === 4 ? Math.fround(value) : value;
}
