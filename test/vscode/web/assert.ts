// The few `node:assert` functions the in-VS-Code suite uses, for its browser bundle (the web worker
// extension host has no Node): scripts/build-vscode-tests.mjs maps `node:assert` here.
export class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

const show = (v: unknown) => {
  try {
    return JSON.stringify(v, (_k, x) => (x instanceof Uint8Array ? `Uint8Array(${x.length})` : x));
  } catch {
    return String(v);
  }
};

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (ArrayBuffer.isView(a) || Array.isArray(a)) {
    const x = a as ArrayLike<unknown>;
    const y = b as ArrayLike<unknown>;
    return x.length === y.length && Array.from(x).every((v, i) => deepEqual(v, y[i]));
  }
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return deepEqual(ka, kb) && ka.every(k => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${show(value)}`);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) throw new AssertionError(message ?? `expected ${show(actual)} to equal ${show(expected)}`);
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) throw new AssertionError(message ?? `expected ${show(actual)} not to equal it`);
}

export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!deepEqual(actual, expected)) throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(actual)} to deep-equal ${show(expected)}`);
}

export function match(value: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(value)) throw new AssertionError(message ?? `expected ${show(value)} to match ${pattern}`);
}

export function doesNotMatch(value: string, pattern: RegExp, message?: string): void {
  if (pattern.test(value)) throw new AssertionError(message ?? `expected ${show(value)} not to match ${pattern}`);
}

export function fail(message = 'failed'): never {
  throw new AssertionError(message);
}

export default Object.assign(ok, { ok, strictEqual, notStrictEqual, deepStrictEqual, match, doesNotMatch, fail, AssertionError });
