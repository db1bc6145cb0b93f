// What the back office imports (PRODUCT.md §5, docs/csv-formats.md): the targets of
// POST /imports besides a unit's own data, which unit managers import in the Calculator.
import { moduleOf } from '@co2-calculator/domain';
import type { ImportRequest, Job, SubModuleId, Year } from '../../shared/api/types';

export type ConsoleTarget = Exclude<ImportRequest['target'], 'module-data-unit'>;

export const CONSOLE_TARGETS: readonly ConsoleTarget[] = [
  'module-data-all',
  'factors',
  'exchange-rates',
  'research-facilities',
  'units',
  'role-assignments',
  'airports',
  'railway-stations',
  'building-rooms',
];

/** Targets whose rows belong to a year: the request names it. */
export const YEARLY_TARGETS: readonly ConsoleTarget[] = [
  'module-data-all',
  'factors',
  'exchange-rates',
  'research-facilities',
];

/** Every `target` a job may carry (history filter): the console's, a unit's import, the sync. */
export const JOB_TARGETS = [...CONSOLE_TARGETS, 'module-data-unit', 'registry'] as const;
export type JobTarget = (typeof JOB_TARGETS)[number];

export const JOB_KINDS: readonly Job['kind'][] = [
  'import',
  'recalculate',
  'aggregate',
  'registry-sync',
];

export const isYearly = (target: ConsoleTarget) => YEARLY_TARGETS.includes(target);

/** The template (format name) of what the form describes, when it is fully described. */
export function templateNameOf(
  target: ConsoleTarget,
  subModule: SubModuleId | null,
  factorSet: string | null,
): string | undefined {
  if (target === 'module-data-all') return subModule ?? undefined;
  if (target === 'factors') return factorSet ? `factors-${factorSet}` : undefined;
  return target;
}

/**
 * The sub-modules of a year that take data: module data for all units is refused (409) into
 * a closed year or a module or sub-module not in use.
 */
export function subModulesInUse(
  year: Year | undefined,
  all: readonly SubModuleId[],
): SubModuleId[] {
  if (!year?.open) return [];
  return all.filter((subModule) => {
    // A module the year has no settings for is in use, with all its sub-modules.
    const setting = year.modules.find((m) => m.module === moduleOf(subModule));
    return (
      !setting ||
      (setting.enabled && (!setting.subModules || setting.subModules.includes(subModule)))
    );
  });
}
