// The unit being managed, as the URL names it (/team-manager/en/units/<id>/…), with what every
// section needs: the unit and its ancestors (for permission checks) and the years it reports.
import type { PermissionTarget } from '@co2-calculator/domain';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { http } from '../../shared/api/http';
import type { UnitDetail, Year, YearList } from '../../shared/api/types';

export const useUnitStore = defineStore('team-unit', () => {
  const unit = ref<UnitDetail>();
  /** The years the user may see (open ones, for everyone but admins), latest first. */
  const years = ref<Year[]>([]);

  /** Loads the unit, unless it is the one already loaded; the years once. */
  async function open(unitId: string): Promise<void> {
    if (unit.value?.id === unitId) return;
    const [unitResponse, yearResponse] = await Promise.all([
      http.get<UnitDetail>(`/units/${unitId}`),
      years.value.length ? undefined : http.get<YearList>('/years'),
    ]);
    unit.value = unitResponse.data;
    if (yearResponse) years.value = [...yearResponse.data.items].sort((a, b) => b.year - a.year);
  }

  /** The unit as permission checks describe a record of it. */
  const target = computed<PermissionTarget | undefined>(() =>
    unit.value
      ? {
          unitId: unit.value.id,
          unitPath: [...unit.value.ancestors.map((ancestor) => ancestor.id), unit.value.id],
        }
      : undefined,
  );

  return { unit, years, target, open };
});
