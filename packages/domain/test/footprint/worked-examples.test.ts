import { describe, expect, it } from 'vitest';
import { calculateEntry, ENTRY_TYPES, type SubModuleId, totalKg } from '../../src/index.js';
import { contextOf, type FactorSpec, type ReferenceSpec } from './support.js';

/**
 * The worked example of every methodology page is run through the real calculator: the
 * documentation cannot show a number the code does not produce.
 */
const pages = import.meta.glob('../../../../docs/methodology/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

interface WorkedExample {
  entryType: string;
  subModule: SubModuleId;
  fields: unknown;
  override?: number;
  factors: FactorSpec[];
  references?: ReferenceSpec;
  expected: { kgCo2eq: number; emissions?: Record<string, number>; flags?: string[] };
}

const examples = Object.entries(pages).flatMap(([path, text]) =>
  [...text.matchAll(/```json worked-example\n([\s\S]*?)```/g)].map(
    (match) => [path.split('/').at(-1)!, JSON.parse(match[1]!) as WorkedExample] as const,
  ),
);

describe('methodology worked examples', () => {
  it('every data-entry type has a page with a worked example', () => {
    const documented = new Set(examples.map(([, example]) => example.entryType));
    expect(ENTRY_TYPES.map((type) => type.id).filter((id) => !documented.has(id))).toEqual([]);
  });

  it.each(examples)('%s', (_page, example) => {
    const type = ENTRY_TYPES.find((candidate) => candidate.id === example.entryType);
    expect(type, `entry type ${example.entryType}`).toBeDefined();
    const fields = type!.fields.parse(example.fields);
    const result = calculateEntry(
      type!,
      example.subModule,
      fields,
      example.override,
      contextOf(example.factors, example.references),
    );
    expect(totalKg(result)).toBeCloseTo(example.expected.kgCo2eq, 1);
    for (const [emissionType, kg] of Object.entries(example.expected.emissions ?? {})) {
      const sum = result.emissions
        .filter((line) => line.emissionType === emissionType)
        .reduce((total, line) => total + line.kgCo2eq, 0);
      expect(sum, emissionType).toBeCloseTo(kg, 1);
    }
    expect(result.flags.map((flag) => flag.code)).toEqual(example.expected.flags ?? []);
  });
});
