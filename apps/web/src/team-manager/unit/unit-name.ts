import type { Unit } from '../../shared/api/types';

/** A unit's name in the interface language, with its registry code (as the Calculator). */
export function unitLabel(unit: Pick<Unit, 'code' | 'nameEn' | 'nameFr'>, locale: string): string {
  return `${unit.code} · ${locale === 'fr' ? unit.nameFr : unit.nameEn}`;
}
