import { randomUUID } from 'node:crypto';
import type { UnitType } from '@co2-calculator/domain';
import type { Database } from '../../src/platform/db/database.js';
import { units } from '../../src/platform/db/schema.js';

export interface UnitSpec {
  code: string;
  nameEn?: string;
  nameFr?: string;
  level: number;
  parent?: string;
  type?: UnitType;
  active?: boolean;
}

/**
 * Inserts units given parents-first in one statement (the path trigger sees rows inserted
 * earlier in the same statement) and returns their ids by code.
 */
export async function insertUnits(db: Database, specs: UnitSpec[]): Promise<Map<string, string>> {
  const ids = new Map(specs.map((spec) => [spec.code, randomUUID()]));
  await db.insert(units).values(
    specs.map((spec) => ({
      id: ids.get(spec.code)!,
      code: spec.code,
      nameEn: spec.nameEn ?? `${spec.code} (en)`,
      nameFr: spec.nameFr ?? `${spec.code} (fr)`,
      level: spec.level,
      parentId: spec.parent ? ids.get(spec.parent)! : null,
      type: spec.type ?? (spec.level === 4 ? 'lab' : 'organisation'),
      active: spec.active ?? true,
    })),
  );
  return ids;
}
