import { expect } from 'vitest';

/**
 * `actual` equals `expected` to a relative tolerance: a property test over amounts up to 1e10
 * must not fail on the last bits of a double, as an absolute `toBeCloseTo` would.
 */
export function expectClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    relative * Math.max(1, Math.abs(expected)),
  );
}
