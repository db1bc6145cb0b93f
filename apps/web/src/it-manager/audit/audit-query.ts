// The audit page's selection in the URL (`?actor=officer&action=auth.login&from=2026-01-01`)
// and in the request to GET /audit. The open record is `?record=<id>`.
import type { LocationQuery } from 'vue-router';
import { queryInt, queryText } from '../../shared/router/query-params';

export const PAGE_SIZES = [25, 50, 100];
export const DEFAULT_PAGE_SIZE = 25;

/** What people type into a date field: a calendar date. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface AuditFilters {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export interface AuditSelection extends AuditFilters {
  page: number;
  pageSize: number;
}

const text = (query: LocationQuery, name: string, max: number) =>
  queryText(query, name)?.trim().slice(0, max) || undefined;
const date = (query: LocationQuery, name: string) => {
  const value = queryText(query, name);
  return value && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
};

export function selectionOf(query: LocationQuery): AuditSelection {
  const pageSize = queryInt(query, 'pageSize', DEFAULT_PAGE_SIZE);
  return {
    actor: text(query, 'actor', 200),
    action: text(query, 'action', 100),
    targetType: text(query, 'targetType', 100),
    targetId: text(query, 'targetId', 200),
    from: date(query, 'from'),
    to: date(query, 'to'),
    page: queryInt(query, 'page', 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function openRecordOf(query: LocationQuery): number | undefined {
  const id = queryInt(query, 'record', 0);
  return id > 0 ? id : undefined;
}

export function filtersOf(selection: AuditSelection): AuditFilters {
  const { actor, action, targetType, targetId, from, to } = selection;
  return { actor, action, targetType, targetId, from, to };
}

export const isFiltered = (selection: AuditSelection) =>
  Object.values(filtersOf(selection)).some((value) => value !== undefined);

/** `/audit?…&format=csv`: every record matching the filters. */
export function csvPath(selection: AuditSelection): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filtersOf(selection))) {
    if (value !== undefined) params.set(name, value);
  }
  params.set('format', 'csv');
  return `/audit?${params.toString()}`;
}

/**
 * Actions the API records today, offered in the action filter (any other can be typed): the
 * filter matches an action exactly.
 */
export const KNOWN_ACTIONS = [
  'access.denied',
  'admin.created',
  'admin.password_reset',
  'auth.cross_origin_rejected',
  'auth.login',
  'auth.logout',
  'auth.refresh_reused',
  'auth.token_rejected',
  'entry.created',
  'entry.deleted',
  'entry.updated',
  'import.applied',
  'module.reopened',
  'module.validated',
  'registry.synced',
  'roles.change_denied',
  'roles.changed',
  'roles.synced',
  'year.created',
  'year.updated',
] as const;
