import { MODULE_IDS, MODULES, scopesOf } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { ChangeFeed } from '../../platform/db/change-feed.js';
import type { Database } from '../../platform/db/database.js';
import { offsetOf } from '../../platform/http/list.js';
import { HttpProblem, notFound } from '../../platform/http/problem.js';
import type { RequestContext } from '../users/service.js';
import type { PutYearBody, Year } from './contract.js';
import { selectYears } from './queries.js';
import { yearModules, years } from './table.js';

/** Closed years are prepared by administrators; everyone else sees open years only. */
export const seesClosedYears = (principal: Principal) =>
  scopesOf(principal.permissions, 'edit', 'years').global;

/** The years the caller sees, earliest first, a page at a time (they are few: read whole). */
export async function listYears(
  db: Database,
  principal: Principal,
  query: { page: number; pageSize: number },
) {
  const all = await selectYears(db, { includeClosed: seesClosedYears(principal) });
  const start = offsetOf(query);
  return {
    items: all.slice(start, start + query.pageSize),
    page: query.page,
    pageSize: query.pageSize,
    total: all.length,
  };
}

export async function getYear(db: Database, principal: Principal, year: number): Promise<Year> {
  const [found] = await selectYears(db, { includeClosed: seesClosedYears(principal), year });
  if (!found) throw notFound(`Year ${year} does not exist.`);
  return found;
}

/**
 * The outlier threshold of a sub-module's rows in a year: its own, else its module's; none
 * (null) when neither is set.
 */
export function outlierThresholdOf(
  setting:
    | { outlierThresholdKg: number | null; subModuleThresholdsKg: Partial<Record<string, number>> }
    | undefined,
  subModule: string,
): number | null {
  return setting?.subModuleThresholdsKg[subModule] ?? setting?.outlierThresholdKg ?? null;
}

/**
 * The settings of a module in a year that takes data: refuses (409) a closed year, a module
 * not used that year and, when given, a sub-module not used. A module without settings is in
 * use.
 */
export function moduleInUse(year: Year, module: string, subModule?: string) {
  if (!year.open) throw new HttpProblem({ status: 409, detail: `Year ${year.year} is not open.` });
  const setting = year.modules.find((candidate) => candidate.module === module);
  if (setting && !setting.enabled) {
    throw new HttpProblem({
      status: 409,
      detail: `The ${module} module is not used in ${year.year}.`,
    });
  }
  if (subModule && setting?.subModules && !(setting.subModules as string[]).includes(subModule)) {
    throw new HttpProblem({ status: 409, detail: `${subModule} is not used in ${year.year}.` });
  }
  return setting;
}

function checkSubModules(body: PutYearBody) {
  for (const setting of body.modules ?? []) {
    const named = [...(setting.subModules ?? []), ...Object.keys(setting.subModuleThresholdsKg)];
    const foreign = [...new Set(named)].filter(
      (subModule) => !(MODULES[setting.module] as readonly string[]).includes(subModule),
    );
    if (foreign.length > 0) {
      throw new HttpProblem({
        status: 422,
        detail: `${foreign.join(', ')} ${foreign.length === 1 ? 'is' : 'are'} not a sub-module of ${setting.module}.`,
      });
    }
  }
}

/**
 * Creates or updates a year: whether unit users see it, its reduction goals (when given) and
 * the settings of the modules given. A new year starts from `copyFrom`'s module settings and
 * goals, or with every module enabled and no goal. Audited with before and after.
 */
export async function putYear(
  db: Database,
  changes: ChangeFeed,
  principal: Principal,
  year: number,
  body: PutYearBody,
  context: RequestContext,
): Promise<Year> {
  checkSubModules(body);
  const before = (await selectYears(db, { includeClosed: true, year }))[0] ?? null;
  await db.transaction(async (tx) => {
    const source =
      before || body.copyFrom === undefined
        ? undefined
        : (await selectYears(tx, { includeClosed: true, year: body.copyFrom }))[0];
    if (!before && body.copyFrom !== undefined && !source) {
      throw new HttpProblem({
        status: 422,
        detail: `Year ${body.copyFrom} does not exist to copy from.`,
      });
    }
    const reductionGoals =
      body.reductionGoals ?? before?.reductionGoals ?? source?.reductionGoals ?? [];
    await tx
      .insert(years)
      .values({ year, open: body.open, reductionGoals })
      .onConflictDoUpdate({
        target: years.year,
        set: { open: body.open, reductionGoals, updatedAt: sql`now()` },
      });
    if (!before) {
      await tx.insert(yearModules).values(
        MODULE_IDS.map((module) => {
          const copied = source?.modules.find((setting) => setting.module === module);
          return {
            year,
            module,
            enabled: copied?.enabled ?? true,
            subModules: copied?.subModules ?? null,
            outlierThresholdKg: copied?.outlierThresholdKg ?? null,
            subModuleThresholdsKg: copied?.subModuleThresholdsKg ?? {},
            uncertainty: copied?.uncertainty ?? null,
          };
        }),
      );
    }
    for (const setting of body.modules ?? []) {
      await tx
        .insert(yearModules)
        .values({ year, ...setting })
        .onConflictDoUpdate({
          target: [yearModules.year, yearModules.module],
          set: {
            enabled: setting.enabled,
            subModules: setting.subModules,
            outlierThresholdKg: setting.outlierThresholdKg,
            subModuleThresholdsKg: setting.subModuleThresholdsKg,
            uncertainty: setting.uncertainty,
          },
        });
    }
    const after = (await selectYears(tx, { includeClosed: true, year }))[0]!;
    await recordAudit(tx, {
      action: before ? 'year.updated' : 'year.created',
      outcome: 'success',
      actorId: principal.userId,
      actorLabel: principal.email,
      targetType: 'year',
      targetId: String(year),
      before,
      after,
      ...context,
    });
  });
  changes.announce(['years', 'year_modules']);
  return (await selectYears(db, { includeClosed: true, year }))[0]!;
}
