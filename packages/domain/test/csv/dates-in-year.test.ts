import { describe, expect, it } from 'vitest';
import { dateFieldsOf, dateOutsideYear, SUB_MODULE_IDS } from '../../src/index.js';

describe('a row’s dates within its reporting year', () => {
  it('knows which fields of a sub-module hold a date', () => {
    expect(dateFieldsOf('plane')).toEqual(['date']);
    expect(dateFieldsOf('train')).toEqual(['date']);
    expect(dateFieldsOf('members')).toEqual([]);
    // Every sub-module's format can be asked, and answers from its schema.
    for (const subModule of SUB_MODULE_IDS)
      expect(Array.isArray(dateFieldsOf(subModule))).toBe(true);
  });

  it('names the first date outside the year, and nothing when all are within', () => {
    const dates = dateFieldsOf('plane');
    expect(dateOutsideYear({ date: '2025-01-01' }, dates, 2025)).toBeUndefined();
    expect(dateOutsideYear({ date: '2025-12-31' }, dates, 2025)).toBeUndefined();
    expect(dateOutsideYear({ date: '2024-12-31' }, dates, 2025)).toEqual({
      field: 'date',
      message: '2024-12-31 is outside the year 2025',
    });
    expect(dateOutsideYear({ date: '2026-01-01' }, dates, 2025)?.field).toBe('date');
    // An absent optional date is no date to check.
    expect(dateOutsideYear({}, dates, 2025)).toBeUndefined();
  });
});
