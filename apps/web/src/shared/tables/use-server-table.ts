// A q-table whose rows the server pages and sorts: the table's pagination (page, page size,
// sort column and direction, row count), its `request` handler, and one load that asks for a
// page as the API takes it (`page`, `pageSize`, `sort` as `field` or `-field`) and turns a
// failure into a problem for a `ProblemBanner`.
import type { QTableProps } from 'quasar';
import { ref, type Ref } from 'vue';
import { readProblem, type ReadableProblem } from '../api/problem';

export interface PageQuery {
  page: number;
  pageSize: number;
  /** The sort as the API takes it: `field`, or `-field` for descending. */
  sort: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ServerPagination {
  page: number;
  rowsPerPage: number;
  rowsNumber: number;
  sortBy: string;
  descending: boolean;
}

export interface ServerTableOptions {
  /** The first page's size and order. */
  rowsPerPage: number;
  sortBy: string;
  descending: boolean;
  /** Columns the API sorts by; any other asks for `sortBy` above. All when absent. */
  sortFields?: readonly string[];
  /** What the banner says when the server gave no details. */
  failed: () => string;
  /**
   * `start` (default): a load hides the previous problem when it begins; `success`: the
   * problem stays until a load succeeds (tables reloaded often, where a banner should not blink).
   */
  clearProblem?: 'start' | 'success';
}

export function useServerTable<T>(
  fetchPage: (query: PageQuery) => Promise<Page<T>>,
  options: ServerTableOptions,
) {
  const rows = ref([]) as Ref<T[]>;
  const loading = ref(false);
  const problem = ref<ReadableProblem>();
  const pagination = ref<ServerPagination>({
    page: 1,
    rowsPerPage: options.rowsPerPage,
    rowsNumber: 0,
    sortBy: options.sortBy,
    descending: options.descending,
  });

  function sortField(sortBy: string): string {
    const { sortFields } = options;
    return !sortFields || sortFields.includes(sortBy) ? sortBy : options.sortBy;
  }

  /** Reads the current page again. */
  async function reload(): Promise<void> {
    const clearAtStart = options.clearProblem !== 'success';
    loading.value = true;
    if (clearAtStart) problem.value = undefined;
    const { page, rowsPerPage, sortBy, descending } = pagination.value;
    try {
      const data = await fetchPage({
        page,
        pageSize: rowsPerPage,
        sort: `${descending ? '-' : ''}${sortField(sortBy)}`,
      });
      rows.value = data.items;
      pagination.value.rowsNumber = data.total;
      if (!clearAtStart) problem.value = undefined;
    } catch (error) {
      problem.value = readProblem(error, options.failed());
    } finally {
      loading.value = false;
    }
  }

  /** Goes back to the first page (the filters changed) and reads it. */
  function restart(): void {
    pagination.value.page = 1;
    void reload();
  }

  const onRequest: QTableProps['onRequest'] = ({ pagination: next }) => {
    pagination.value = { ...pagination.value, ...next, rowsNumber: pagination.value.rowsNumber };
    void reload();
  };

  return { rows, loading, problem, pagination, onRequest, reload, restart };
}
