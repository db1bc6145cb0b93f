// The unit's report of every year the user may see (GET …/years/{year}/report), read in
// parallel; a year that cannot be read keeps its own problem, the others still show.
import { ref } from 'vue';
import { http } from '../../shared/api/http';
import { readProblem, type ReadableProblem } from '../../shared/api/problem';
import type { Report } from '../../shared/api/types';

export interface YearReport {
  year: number;
  report?: Report;
  problem?: ReadableProblem;
}

export function useReports() {
  const reports = ref<YearReport[]>([]);
  const loading = ref(false);

  async function load(unitId: string, years: number[], failed: string): Promise<void> {
    loading.value = true;
    try {
      reports.value = await Promise.all(
        years.map(async (year): Promise<YearReport> => {
          try {
            const { data } = await http.get<Report>(`/units/${unitId}/years/${year}/report`);
            return { year, report: data };
          } catch (error) {
            return { year, problem: readProblem(error, failed) };
          }
        }),
      );
    } finally {
      loading.value = false;
    }
  }

  return { reports, loading, load };
}
