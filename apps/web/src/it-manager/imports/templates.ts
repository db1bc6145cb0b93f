// The CSV formats the API imports (GET /templates): their names, the sub-modules they serve
// and their columns. The same for everyone and for the life of the server: read once per tab.
import { ref } from 'vue';
import { http } from '../../shared/api/http';
import type { CsvTemplate, CsvTemplateList, SubModuleId } from '../../shared/api/types';

const templates = ref<CsvTemplate[]>([]);
let loading: Promise<CsvTemplate[]> | undefined;

export function useTemplates() {
  loading ??= http
    .get<CsvTemplateList>('/templates')
    .then(({ data }) => (templates.value = data.items))
    .catch((error: unknown) => {
      // Not cached: the next screen asks again.
      loading = undefined;
      throw error;
    });
  // Screens that need the formats say why they are missing; the others carry on without.
  loading.catch(() => {});
  return { templates, ready: loading };
}

/** The factor sets, in catalogue order, with the sub-modules whose calculation reads them. */
export function factorSetsOf(list: CsvTemplate[]): { set: string; subModules: SubModuleId[] }[] {
  return list.flatMap((template) =>
    template.target === 'factors' && template.factorSet
      ? [{ set: template.factorSet, subModules: template.subModules }]
      : [],
  );
}

/** The sets a sub-module's calculation reads; every set when no sub-module is given. */
export function setsReadBy(list: CsvTemplate[], subModule?: SubModuleId | null): string[] {
  return factorSetsOf(list)
    .filter((entry) => !subModule || entry.subModules.includes(subModule))
    .map((entry) => entry.set);
}
