// The units the user may see, read once per visit of the console: their codes label the jobs,
// the unit filter offers them, and their parents give the path that permission checks on a
// unit's job need (a subtree grant covers the units below it).
import { ref } from 'vue';
import { http } from '../../shared/api/http';
import type { Unit, UnitList } from '../../shared/api/types';

export function useUnits() {
  const units = ref<Unit[]>([]);
  const byId = ref(new Map<string, Unit>());

  async function load(): Promise<void> {
    const { data } = await http.get<UnitList>('/units', {
      params: { pageSize: 1000, sort: 'code' },
    });
    units.value = data.items;
    byId.value = new Map(data.items.map((unit) => [unit.id, unit]));
  }

  /** From the highest visible ancestor down to the unit itself. */
  function pathOf(unitId: string): string[] {
    const path: string[] = [];
    let current = byId.value.get(unitId);
    const seen = new Set<string>();
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      path.unshift(current.id);
      current = current.parentId ? byId.value.get(current.parentId) : undefined;
    }
    return path.length ? path : [unitId];
  }

  const codeOf = (unitId: string | null) =>
    unitId ? (byId.value.get(unitId)?.code ?? unitId.slice(0, 8)) : undefined;

  return { units, load, pathOf, codeOf };
}
