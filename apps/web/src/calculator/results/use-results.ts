// Loads the results of the unit and year in the URL, with the workspace's report beside them
// (fresh, since a module may have been validated since it was loaded): the report has the
// modules the results leave out.
import { ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute } from 'vue-router';
import { http } from '../../shared/api/http';
import { readProblem, type ReadableProblem } from '../../shared/api/problem';
import type { Results } from '../../shared/api/types';
import { useWorkspaceStore } from '../workspace/workspace-store';

export function useResults() {
  const { t } = useI18n();
  const route = useRoute();
  const workspace = useWorkspaceStore();
  const results = ref<Results>();
  const problem = ref<ReadableProblem>();
  const loading = ref(false);
  // Only the latest request may fill the page: switching units quickly must not show the
  // answer of the unit left behind.
  let latest = 0;

  async function load(): Promise<void> {
    const { unitId, year } = route.params;
    if (typeof unitId !== 'string' || typeof year !== 'string') return;
    const request = ++latest;
    loading.value = true;
    problem.value = undefined;
    try {
      const [response] = await Promise.all([
        http.get<Results>(`/units/${unitId}/years/${year}/results`),
        workspace.refreshReport(),
      ]);
      if (request === latest) results.value = response.data;
    } catch (error) {
      if (request === latest) {
        results.value = undefined;
        problem.value = readProblem(error, t('results.failed'));
      }
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  watch(() => [route.params.unitId, route.params.year], load, { immediate: true });

  return { results, problem, loading, reload: load };
}
