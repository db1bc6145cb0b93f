// The reporting page's selection as it lives in the URL (`?year=2025&level=4&status=validated`)
// and as the API takes it (GET /reporting/units): one place reads the one and writes the other.
import type { LocationQuery } from 'vue-router';
import type { ModuleStatus } from '../../shared/api/types';
import { queryChoice, queryInt, queryText } from '../../shared/router/query-params';

export const STATUSES: readonly ModuleStatus[] = ['not_started', 'in_progress', 'validated'];
export const LEVELS = [1, 2, 3, 4] as const;
export const SORT_FIELDS = [
  'code',
  'nameEn',
  'totalKgCo2eq',
  'perFteKgCo2eq',
  'completion',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface ReportingFilters {
  /** Absent from a fresh URL: the page then picks the latest year. */
  year?: number;
  affiliation?: string;
  level: number;
  status?: ModuleStatus;
  q?: string;
}

export interface ReportingPaging {
  page: number;
  pageSize: number;
  sortBy: SortField;
  descending: boolean;
}

export const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function filtersOf(query: LocationQuery): ReportingFilters {
  const year = queryInt(query, 'year', 0);
  const level = queryInt(query, 'level', 4);
  const affiliation = queryText(query, 'affiliation');
  return {
    year: year >= 1900 ? year : undefined,
    affiliation: affiliation && UUID.test(affiliation) ? affiliation : undefined,
    level: (LEVELS as readonly number[]).includes(level) ? level : 4,
    status: queryChoice(query, 'status', STATUSES),
    q: queryText(query, 'q')?.trim().slice(0, 200) || undefined,
  };
}

export function pagingOf(query: LocationQuery): ReportingPaging {
  const sort = queryText(query, 'sort') ?? 'code';
  const descending = sort.startsWith('-');
  const field = SORT_FIELDS.find((candidate) => candidate === sort.replace(/^-/, ''));
  const pageSize = queryInt(query, 'pageSize', DEFAULT_PAGE_SIZE);
  return {
    page: queryInt(query, 'page', 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    sortBy: field ?? 'code',
    descending: field ? descending : false,
  };
}

/** The API's query for these filters (a year is required: callers have one by then). */
export function apiFilters(filters: ReportingFilters & { year: number }) {
  return {
    year: filters.year,
    affiliation: filters.affiliation,
    level: filters.level,
    status: filters.status,
    q: filters.q,
  };
}

export const sortParam = (paging: Pick<ReportingPaging, 'sortBy' | 'descending'>) =>
  `${paging.descending ? '-' : ''}${paging.sortBy}`;
