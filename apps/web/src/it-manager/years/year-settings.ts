// A year's settings as the editor holds them, and back as the API takes them. The API keeps
// module settings only for modules it was told about (a module without settings is in use
// with all its sub-modules), so the editor fills in every module, and sends them all.
import { MODULE_IDS, MODULES } from '@co2-calculator/domain';
import type { ModuleId, PutYear, SubModuleId, Year, YearModule } from '../../shared/api/types';

export type Uncertainty = NonNullable<YearModule['uncertainty']>;
export const UNCERTAINTIES: readonly Uncertainty[] = ['low', 'medium', 'high'];

export interface ModuleDraft {
  module: ModuleId;
  enabled: boolean;
  /** The sub-modules ticked; all of them are sent as `null` (all, also any added later). */
  subModules: SubModuleId[];
  outlierThresholdKg: number | null;
  /** A sub-module's own threshold; absent or null: the module's. */
  subModuleThresholdsKg: Partial<Record<SubModuleId, number | null>>;
  uncertainty: Uncertainty | null;
}

export interface GoalDraft {
  referenceYear: number | null;
  targetYear: number | null;
  percent: number | null;
}

export interface YearDraft {
  open: boolean;
  modules: ModuleDraft[];
  goals: GoalDraft[];
}

/**
 * A number as typed in a field ("2500", "2,5"): null when empty, NaN while it is not a number
 * yet (the editor then shows the field's error and refuses to save).
 */
export function decimalOf(value: string | number | null): number | null {
  const text = value === null ? '' : String(value).trim();
  return text === '' ? null : Number(text.replace(',', '.'));
}

export const subModulesOf = (module: ModuleId): SubModuleId[] => [
  ...(MODULES[module] as readonly SubModuleId[]),
];

export function draftOf(year: Year): YearDraft {
  return {
    open: year.open,
    modules: MODULE_IDS.map((module) => {
      const setting = year.modules.find((candidate) => candidate.module === module);
      return {
        module,
        enabled: setting?.enabled ?? true,
        subModules: setting?.subModules ? [...setting.subModules] : subModulesOf(module),
        outlierThresholdKg: setting?.outlierThresholdKg ?? null,
        subModuleThresholdsKg: { ...setting?.subModuleThresholdsKg },
        uncertainty: setting?.uncertainty ?? null,
      };
    }),
    goals: year.reductionGoals.map((goal) => ({ ...goal })),
  };
}

/** What is wrong with the draft, as message keys with their values; empty when it can be saved. */
export function problemsOf(draft: YearDraft): { key: string; values?: Record<string, unknown> }[] {
  const problems: { key: string; values?: Record<string, unknown> }[] = [];
  for (const setting of draft.modules) {
    if (setting.enabled && setting.subModules.length === 0) {
      problems.push({ key: 'years.problems.noSubModule', values: { module: setting.module } });
    }
    if (setting.outlierThresholdKg !== null && !(setting.outlierThresholdKg > 0)) {
      problems.push({ key: 'years.problems.threshold', values: { module: setting.module } });
    }
    for (const subModule of setting.subModules) {
      const own = setting.subModuleThresholdsKg[subModule];
      if (own !== undefined && own !== null && !(own > 0)) {
        problems.push({ key: 'years.problems.ownThreshold', values: { subModule } });
      }
    }
  }
  draft.goals.forEach((goal, index) => {
    const { referenceYear, targetYear, percent } = goal;
    if (referenceYear === null || targetYear === null || percent === null) {
      problems.push({ key: 'years.problems.goalIncomplete', values: { n: index + 1 } });
    } else if (targetYear <= referenceYear) {
      problems.push({ key: 'years.problems.goalOrder', values: { n: index + 1 } });
    } else if (percent < 0 || percent > 100) {
      problems.push({ key: 'years.problems.goalPercent', values: { n: index + 1 } });
    }
  });
  return problems;
}

export function bodyOf(draft: YearDraft): PutYear {
  return {
    open: draft.open,
    reductionGoals: draft.goals.map((goal) => ({
      referenceYear: goal.referenceYear!,
      targetYear: goal.targetYear!,
      percent: goal.percent!,
    })),
    modules: draft.modules.map((setting) => {
      const all = subModulesOf(setting.module);
      const every = all.every((subModule) => setting.subModules.includes(subModule));
      return {
        module: setting.module,
        enabled: setting.enabled,
        // Catalogue order, whatever order they were ticked in.
        subModules: every ? null : all.filter((s) => setting.subModules.includes(s)),
        outlierThresholdKg: setting.outlierThresholdKg,
        // Only the ticked sub-modules' thresholds that are set.
        subModuleThresholdsKg: Object.fromEntries(
          all.flatMap((subModule) => {
            const own = setting.subModuleThresholdsKg[subModule];
            return setting.subModules.includes(subModule) && own != null ? [[subModule, own]] : [];
          }),
        ),
        uncertainty: setting.uncertainty,
      };
    }),
  };
}

/** Whether two drafts would save the same year. */
export function sameDraft(a: YearDraft, b: YearDraft): boolean {
  return JSON.stringify(bodyOf(a)) === JSON.stringify(bodyOf(b));
}
