// The unit and year being worked on, as the URL names them (/en/units/<id>/<year>/…), with
// what every page of that workspace needs: the unit, the year's settings and the report.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { http } from '../../shared/api/http';
import type { Report, Unit, Year } from '../../shared/api/types';

interface UnitDetail extends Unit {
  ancestors: Unit[];
}

export const useWorkspaceStore = defineStore('workspace', () => {
  const unit = ref<UnitDetail>();
  const year = ref<Year>();
  const report = ref<Report>();

  /** Loads the workspace, unless it is the one already loaded. */
  async function open(unitId: string, yearNumber: number): Promise<void> {
    if (unit.value?.id === unitId && year.value?.year === yearNumber) return;
    const [unitResponse, yearResponse] = await Promise.all([
      http.get<UnitDetail>(`/units/${unitId}`),
      http.get<Year>(`/years/${yearNumber}`),
    ]);
    unit.value = unitResponse.data;
    year.value = yearResponse.data;
    report.value = undefined;
    await refreshReport();
  }

  /** The report's statuses and totals change with every edit, import and validation. */
  async function refreshReport(): Promise<void> {
    if (!unit.value || !year.value) return;
    report.value = (
      await http.get<Report>(`/units/${unit.value.id}/years/${year.value.year}/report`)
    ).data;
  }

  /** Unit ids from the institution down to the unit, as permission checks need them. */
  const unitPath = computed(() =>
    unit.value ? [...unit.value.ancestors.map((u) => u.id), unit.value.id] : [],
  );

  return { unit, year, report, unitPath, open, refreshReport };
});
