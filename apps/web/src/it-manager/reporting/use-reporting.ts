// The reporting data of the page: the table's page of units, and every unit matching the
// filters for the completion rates and the charts. Answers to a superseded selection (the
// user changed a filter meanwhile) are dropped, so the newest selection always wins.
import { ref, type Ref } from 'vue';
import { http } from '../../shared/api/http';
import type { ReportingList, ReportingRow } from '../../shared/api/types';
import {
  apiFilters,
  sortParam,
  type ReportingFilters,
  type ReportingPaging,
} from './reporting-query';

/** The API's largest page. */
const SUMMARY_PAGE_SIZE = 1000;
/** Beyond this many units the summary says it covers the first ones only. */
const SUMMARY_MAX_PAGES = 10;

type Selection = ReportingFilters & { year: number };

export function useReportingPage() {
  const rows = ref<ReportingRow[]>([]);
  const total = ref(0);
  const loading = ref(false);
  let latest = 0;

  async function load(filters: Selection, paging: ReportingPaging): Promise<void> {
    const request = ++latest;
    loading.value = true;
    try {
      const { data } = await http.get<ReportingList>('/reporting/units', {
        params: {
          ...apiFilters(filters),
          page: paging.page,
          pageSize: paging.pageSize,
          sort: sortParam(paging),
        },
      });
      if (request !== latest) return;
      rows.value = data.items;
      total.value = data.total;
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  return { rows, total, loading, load };
}

export function useReportingSummary(): {
  rows: Ref<ReportingRow[]>;
  total: Ref<number>;
  loading: Ref<boolean>;
  /** Some rows arrived once: before that, figures would read as "zero units". */
  loaded: Ref<boolean>;
  load: (filters: Selection) => Promise<void>;
} {
  const rows = ref<ReportingRow[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const loaded = ref(false);
  let latest = 0;

  async function load(filters: Selection): Promise<void> {
    const request = ++latest;
    loading.value = true;
    try {
      const all: ReportingRow[] = [];
      let count = 0;
      for (let page = 1; page <= SUMMARY_MAX_PAGES; page += 1) {
        const { data } = await http.get<ReportingList>('/reporting/units', {
          params: {
            ...apiFilters(filters),
            page,
            pageSize: SUMMARY_PAGE_SIZE,
            sort: '-totalKgCo2eq',
          },
        });
        if (request !== latest) return;
        all.push(...data.items);
        count = data.total;
        if (all.length >= data.total || data.items.length < SUMMARY_PAGE_SIZE) break;
      }
      rows.value = all;
      total.value = count;
      loaded.value = true;
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  return { rows, total, loading, loaded, load };
}

/**
 * `/reporting/units?…&format=csv`: every unit matching the filters, in the table's order.
 */
export function exportPath(
  filters: Selection,
  paging: Pick<ReportingPaging, 'sortBy' | 'descending'>,
  format: 'csv' | 'json',
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(apiFilters(filters))) {
    if (value !== undefined) params.set(name, String(value));
  }
  params.set('sort', sortParam(paging));
  params.set('format', format);
  return `/reporting/units?${params.toString()}`;
}
