import { describe, expect, it } from 'vitest';
import {
  EMISSION_TYPE_IDS,
  EMISSION_TYPES,
  ENTRY_TYPES,
  entryTypeOf,
  MODULE_IDS,
  MODULES,
  moduleOf,
  type SubModuleId,
} from '../../src/index.js';

const subModules = MODULE_IDS.flatMap((module) => [...MODULES[module]]) as SubModuleId[];

describe('module catalogue', () => {
  it('names every sub-module once across modules', () => {
    expect(new Set(subModules).size).toBe(subModules.length);
    for (const subModule of subModules) expect(MODULES[moduleOf(subModule)]).toContain(subModule);
  });

  it('serves every sub-module by exactly one entry type of the same module', () => {
    for (const subModule of subModules) {
      const serving = ENTRY_TYPES.filter((type) => type.subModules.includes(subModule));
      expect(
        serving.map((type) => type.id),
        subModule,
      ).toHaveLength(1);
      expect(entryTypeOf(subModule)!.module).toBe(moduleOf(subModule));
    }
    expect(new Set(ENTRY_TYPES.map((type) => type.id)).size).toBe(ENTRY_TYPES.length);
  });

  it('books overrides under a known leaf, in scope 1, 2 or 3', () => {
    for (const type of ENTRY_TYPES) {
      for (const subModule of type.subModules) {
        const leaf = type.overrideEmissionType(subModule);
        expect(EMISSION_TYPE_IDS, `${type.id}/${subModule}`).toContain(leaf);
        expect([1, 2, 3]).toContain(EMISSION_TYPES[leaf].scope);
      }
    }
  });
});
