// Names of the units that role assignments point to: an assignment carries a unit id only.
// Each unit is read once (GET /units/{id}) and kept for the page's life; until it arrives, or
// when it cannot be read, the id stands in for the name.
import { reactive } from 'vue';
import { http } from '../../shared/api/http';
import type { Unit } from '../../shared/api/types';

type Known = Pick<Unit, 'id' | 'code' | 'nameEn' | 'nameFr'>;

const units = reactive(new Map<string, Known | null>());
const pending = new Set<string>();

/** Reads the units not known yet; failures are remembered as unknown, not retried. */
export function resolveUnits(ids: Iterable<string>): void {
  for (const id of new Set(ids)) {
    if (units.has(id) || pending.has(id)) continue;
    pending.add(id);
    http
      .get<Unit>(`/units/${id}`)
      .then(({ data }) => units.set(id, data))
      .catch(() => units.set(id, null))
      .finally(() => pending.delete(id));
  }
}

/** Remembers units already read elsewhere (a picker's search results). */
export function rememberUnit(unit: Known): void {
  units.set(unit.id, unit);
}

/** "L01 · Laboratory of Fluid Dynamics 1", or the id while it is unknown. */
export function unitLabel(id: string, locale: string): string {
  const unit = units.get(id);
  if (!unit) return id;
  return `${unit.code} · ${locale === 'fr' ? unit.nameFr : unit.nameEn}`;
}

/** The unit's code alone, for chips in a table ("L01"). */
export function unitCode(id: string): string {
  return units.get(id)?.code ?? '…';
}
