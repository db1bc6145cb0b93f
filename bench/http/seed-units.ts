import { randomUUID } from 'node:crypto';
import { units } from '../../apps/api/src/platform/db/schema.js';
import type { Database } from '../../apps/api/src/platform/db/database.js';

/**
 * `total` units: an institution, 5 faculties, 40 institutes and labs for the rest, inserted
 * parents first in batches of 500 rows per statement.
 */
export async function seedUnits(db: Database, total: number): Promise<number> {
  const rows: (typeof units.$inferInsert)[] = [];
  const root = randomUUID();
  rows.push({
    id: root,
    code: 'INST',
    nameEn: 'Institute',
    nameFr: 'Institut',
    level: 1,
    type: 'organisation',
  });
  const faculties = Array.from({ length: 5 }, (_, i) => {
    const id = randomUUID();
    rows.push({
      id,
      code: `FAC-${i}`,
      nameEn: `Faculty ${i}`,
      nameFr: `Faculté ${i}`,
      level: 2,
      parentId: root,
      type: 'organisation',
    });
    return id;
  });
  const institutes = Array.from({ length: 40 }, (_, i) => {
    const id = randomUUID();
    rows.push({
      id,
      code: `INS-${String(i).padStart(2, '0')}`,
      nameEn: `Institute ${i}`,
      nameFr: `Institut ${i}`,
      level: 3,
      parentId: faculties[i % faculties.length]!,
      type: 'organisation',
    });
    return id;
  });
  while (rows.length < total) {
    const n = rows.length;
    rows.push({
      code: `LAB-${String(n).padStart(5, '0')}`,
      nameEn: `Laboratory of topic ${n}`,
      nameFr: `Laboratoire du thème ${n}`,
      level: 4,
      parentId: institutes[n % institutes.length]!,
      type: 'lab',
    });
  }
  for (let start = 0; start < rows.length; start += 500) {
    await db.insert(units).values(rows.slice(start, start + 500));
  }
  return rows.length;
}
