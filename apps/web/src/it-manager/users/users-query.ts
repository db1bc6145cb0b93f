// The users page's selection in the URL (`?q=member&role=standard&user=<id>`) and in the
// request to GET /users.
import { ROLES, type Role } from '@co2-calculator/domain';
import type { LocationQuery } from 'vue-router';
import { queryChoice, queryInt, queryText } from '../../shared/router/query-params';

export const USER_SORT_FIELDS = ['email', 'displayName', 'lastLoginAt'] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];
export const PAGE_SIZES = [10, 25, 50, 100];
export const DEFAULT_PAGE_SIZE = 25;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNothing = (text: string | undefined) => (text && UUID.test(text) ? text : undefined);

export interface UsersSelection {
  q?: string;
  role?: Role;
  unitId?: string;
  page: number;
  pageSize: number;
  sortBy: UserSortField;
  descending: boolean;
}

export function selectionOf(query: LocationQuery): UsersSelection {
  const sort = queryText(query, 'sort') ?? 'email';
  const sortBy = USER_SORT_FIELDS.find((field) => field === sort.replace(/^-/, ''));
  const pageSize = queryInt(query, 'pageSize', DEFAULT_PAGE_SIZE);
  return {
    q: queryText(query, 'q')?.trim().slice(0, 200) || undefined,
    role: queryChoice(query, 'role', ROLES),
    unitId: uuidOrNothing(queryText(query, 'unit')),
    page: queryInt(query, 'page', 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    sortBy: sortBy ?? 'email',
    descending: sortBy !== undefined && sort.startsWith('-'),
  };
}

/** The user whose roles are open in the dialog. */
export const openUserOf = (query: LocationQuery) => uuidOrNothing(queryText(query, 'user'));

export function apiParams(selection: UsersSelection) {
  return {
    q: selection.q,
    role: selection.role,
    unitId: selection.unitId,
    page: selection.page,
    pageSize: selection.pageSize,
    sort: `${selection.descending ? '-' : ''}${selection.sortBy}`,
  };
}
