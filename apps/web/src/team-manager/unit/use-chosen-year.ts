// The year a section shows, in the URL (`?year=2025`) so that a link opens the same view; the
// latest year the user may see when the URL names none (or one they may not see).
import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useUnitStore } from './unit-store';

export function useChosenYear() {
  const route = useRoute();
  const router = useRouter();
  const unitStore = useUnitStore();

  return computed<number | undefined>({
    get() {
      const asked = Number(route.query.year);
      const known = unitStore.years.map((year) => year.year);
      return known.includes(asked) ? asked : known[0];
    },
    set(year) {
      void router.replace({
        query: { ...route.query, year: year === undefined ? undefined : String(year) },
      });
    },
  });
}
