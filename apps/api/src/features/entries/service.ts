import {
  calculateEntry,
  dateFieldsOf,
  dateOutsideYear,
  withOutlierFlag,
  type CalculationFlag,
  EMISSION_TYPES,
  type EmissionTypeId,
  entryTypeOf,
  type ModuleId,
  moduleOf,
} from '@co2-calculator/domain';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { ChangeFeed } from '../../platform/db/change-feed.js';
import type { Database } from '../../platform/db/database.js';
import { HttpProblem, invalidRequest, notFound } from '../../platform/http/problem.js';
import { refreshAggregates } from '../reports/aggregates.js';
import { ensureReport } from '../reports/store.js';
import { reportModules, reports } from '../reports/table.js';
import type { RequestContext } from '../users/service.js';
import { getYear, moduleInUse, outlierThresholdOf } from '../years/service.js';
import { type UnitAccess, unitAccess } from './access.js';
import type { CalculationContexts } from './calculation-context.js';
import { queueFacilityShares } from '../recalculation/facility-shares.js';
import { travellerAccount } from './traveller.js';
import type { Entry, EntryBody, EntryListQuery, EntryPath } from './contract.js';
import {
  type EmissionRow,
  type EntryRow,
  entryFilters,
  selectEmissions,
  selectEntryPage,
} from './queries.js';
import { dataEntries, emissions } from './table.js';

export interface EntriesDeps {
  db: Database;
  contexts: CalculationContexts;
  changes: ChangeFeed;
}

/** What an entry write changes, announced to this process's caches once committed. */
const ENTRY_WRITE_TABLES = ['data_entries', 'emissions', 'reports', 'report_modules'];

/** What the audit log keeps of a row as it was. */
const auditedRow = (row: EntryRow) => ({
  subModule: row.subModule,
  fields: row.fields,
  note: row.note,
  kgCo2eq: row.kgCo2eq,
});

const owns = (row: EntryRow, principal: Principal) =>
  row.createdBy === principal.userId || row.travellerId === principal.userId;

/** Rows fed by an external system are the system's: nobody edits them here. */
function readOnlyFor(row: EntryRow, principal: Principal, access: UnitAccess) {
  if (row.source === 'api-feed') return true;
  return !(access.all('edit') || (access.own('edit') && owns(row, principal)));
}

function toEntry(row: EntryRow, lines: EmissionRow[], readOnly: boolean): Entry {
  return {
    id: row.id,
    module: row.module as Entry['module'],
    subModule: row.subModule as Entry['subModule'],
    entryType: row.entryType,
    fields: row.fields,
    source: row.source,
    note: row.note,
    kgCo2eqOverride: row.kgOverride,
    kgCo2eq: row.kgCo2eq,
    flags: row.flags as Entry['flags'],
    emissions: lines.map((line) => ({
      emissionType: line.emissionType,
      scope: line.scope,
      category: line.category,
      kgCo2eq: line.kgCo2eq,
      quantity: line.quantity,
      quantityUnit: line.quantityUnit,
      factorIds: line.factorIds,
    })),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    readOnly,
  };
}

export async function officialReportId(db: Database, unitId: string, year: number) {
  const [report] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.unitId, unitId), eq(reports.year, year), eq(reports.kind, 'official')));
  return report?.id;
}

export async function listEntries(
  deps: EntriesDeps,
  principal: Principal,
  path: EntryPath,
  query: EntryListQuery,
) {
  const access = await unitAccess(deps.db, principal, path.unitId, path.module);
  const seesAll = access.all('view');
  if (!seesAll && !access.own('view')) {
    throw new HttpProblem({
      status: 403,
      detail: `You may not see the ${path.module} rows of this unit.`,
    });
  }
  await getYear(deps.db, principal, path.year);
  const reportId = await officialReportId(deps.db, path.unitId, path.year);
  const empty = {
    items: [],
    total: 0,
    totalKgCo2eq: 0,
    page: query.page,
    pageSize: query.pageSize,
  };
  if (!reportId) return empty;
  const where = entryFilters(reportId, path.module, query, seesAll ? undefined : principal.userId);
  const { rows, total, totalKg } = await selectEntryPage(deps.db, where, query);
  const lines = await selectEmissions(
    deps.db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) =>
      toEntry(
        row,
        lines.filter((line) => line.entryId === row.id),
        readOnlyFor(row, principal, access),
      ),
    ),
    total,
    totalKgCo2eq: totalKg,
    page: query.page,
    pageSize: query.pageSize,
  };
}

interface Calculated {
  entryType: string;
  fields: Record<string, unknown>;
  kgCo2eq: number;
  flags: CalculationFlag[];
  lines: {
    emissionType: EmissionTypeId;
    kgCo2eq: number;
    quantity: number | null;
    quantityUnit: string | null;
    factorIds: string[];
  }[];
}

/** Validates a row against its sub-module's schema and calculates it (400 with field paths). */
async function calculate(
  deps: EntriesDeps,
  path: EntryPath,
  body: EntryBody,
  thresholdKg: number | null,
): Promise<Calculated> {
  if (moduleOf(body.subModule) !== path.module) {
    throw invalidRequest(`${body.subModule} is not a sub-module of ${path.module}.`, [
      { path: 'body.subModule', message: `not a sub-module of ${path.module}` },
    ]);
  }
  const type = entryTypeOf(body.subModule)!;
  const parsed = type.fields.safeParse(body.fields);
  if (!parsed.success) {
    const { issues } = parsed.error;
    throw invalidRequest(
      `The row has ${issues.length} invalid field${issues.length === 1 ? '' : 's'}.`,
      issues.map((issue) => ({
        path: ['body', 'fields', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    );
  }
  const outside = dateOutsideYear(
    parsed.data as Record<string, unknown>,
    dateFieldsOf(body.subModule),
    path.year,
  );
  if (outside) {
    throw invalidRequest(`The row's ${outside.field} is outside the year ${path.year}.`, [
      { path: `body.fields.${outside.field}`, message: outside.message },
    ]);
  }
  const result = withOutlierFlag(
    calculateEntry(type, body.subModule, parsed.data, body.kgCo2eq, await deps.contexts(path.year)),
    thresholdKg,
  );
  const kgCo2eq = result.emissions.reduce((sum, line) => sum + line.kgCo2eq, 0);
  const flags = result.flags;
  return {
    entryType: type.id,
    fields: parsed.data as Record<string, unknown>,
    kgCo2eq,
    flags,
    lines: result.emissions.map((line) => ({
      emissionType: line.emissionType,
      kgCo2eq: line.kgCo2eq,
      quantity: line.quantity?.value ?? null,
      quantityUnit: line.quantity?.unit ?? null,
      factorIds: line.factorIds,
    })),
  };
}

async function writeEmissions(
  tx: Database,
  entryId: string,
  reportId: string,
  module: ModuleId,
  calculated: Calculated,
) {
  await tx.delete(emissions).where(eq(emissions.entryId, entryId));
  if (calculated.lines.length === 0) return;
  await tx.insert(emissions).values(
    calculated.lines.map((line) => ({
      entryId,
      reportId,
      module,
      emissionType: line.emissionType,
      scope: EMISSION_TYPES[line.emissionType].scope,
      category: EMISSION_TYPES[line.emissionType].category,
      kgCo2eq: line.kgCo2eq,
      quantity: line.quantity,
      quantityUnit: line.quantityUnit,
      factorIds: line.factorIds,
    })),
  );
}

/** Refuses changes to a validated module: it must be reopened first. */
async function lockModule(tx: Database, reportId: string, module: ModuleId) {
  const [state] = await tx
    .select({ status: reportModules.status })
    .from(reportModules)
    .where(and(eq(reportModules.reportId, reportId), eq(reportModules.module, module)))
    .for('update');
  if (state?.status === 'validated') {
    throw new HttpProblem({
      status: 409,
      detail: `The ${module} module is validated; set it back to in progress to change its rows.`,
    });
  }
  // The first row of a module starts it.
  await tx
    .insert(reportModules)
    .values({ reportId, module, status: 'in_progress' })
    .onConflictDoUpdate({
      target: [reportModules.reportId, reportModules.module],
      set: {
        status: sql`case when ${reportModules.status} = 'not_started' then 'in_progress'::module_status else ${reportModules.status} end`,
      },
    });
}

async function editableContext(
  deps: EntriesDeps,
  principal: Principal,
  path: EntryPath,
  subModule?: string,
) {
  const access = await unitAccess(deps.db, principal, path.unitId, path.module);
  if (!access.all('edit') && !access.own('edit')) {
    throw new HttpProblem({
      status: 403,
      detail: `You may not change the ${path.module} rows of this unit.`,
    });
  }
  const setting = moduleInUse(await getYear(deps.db, principal, path.year), path.module, subModule);
  return { access, thresholdKg: outlierThresholdOf(setting, subModule ?? '') };
}

/**
 * Adds a row: validates and calculates it, then writes the row, its emissions and the stored
 * sums of its module and report in one transaction, audited. A failure leaves nothing behind.
 */
export async function createEntry(
  deps: EntriesDeps,
  principal: Principal,
  path: EntryPath,
  body: EntryBody,
  context: RequestContext,
): Promise<Entry> {
  const { access, thresholdKg } = await editableContext(deps, principal, path, body.subModule);
  const calculated = await calculate(deps, path, body, thresholdKg);
  const travellerId = await travellerAccount(deps.db, path.unitId, calculated.fields);
  const id = await deps.db.transaction(async (tx) => {
    const reportId = await ensureReport(tx, path.unitId, path.year);
    await lockModule(tx, reportId, path.module);
    const [row] = await tx
      .insert(dataEntries)
      .values({
        reportId,
        unitId: path.unitId,
        year: path.year,
        module: path.module,
        subModule: body.subModule,
        entryType: calculated.entryType,
        fields: calculated.fields,
        note: body.note ?? null,
        kgOverride: body.kgCo2eq ?? null,
        kgCo2eq: calculated.kgCo2eq,
        flags: calculated.flags,
        createdBy: principal.userId,
        travellerId,
      })
      .returning({ id: dataEntries.id });
    await writeEmissions(tx, row!.id, reportId, path.module, calculated);
    await refreshAggregates(tx, reportId, path.module);
    await queueFacilityShares(tx, path.unitId, path.year, principal.userId);
    await recordAudit(tx, {
      action: 'entry.created',
      outcome: 'success',
      actorId: principal.userId,
      actorLabel: principal.email,
      targetType: 'entry',
      targetId: row!.id,
      after: { ...body, kgCo2eq: calculated.kgCo2eq },
      ...context,
    });
    return row!.id;
  });
  deps.changes.announce(ENTRY_WRITE_TABLES);
  return readEntry(deps, principal, path, id, access);
}

async function loadRow(db: Database, path: EntryPath & { entryId: string }) {
  const [row] = await db
    .select()
    .from(dataEntries)
    .where(
      and(
        eq(dataEntries.id, path.entryId),
        eq(dataEntries.unitId, path.unitId),
        eq(dataEntries.year, path.year),
        eq(dataEntries.module, path.module),
      ),
    );
  return row;
}

async function readEntry(
  deps: EntriesDeps,
  principal: Principal,
  path: EntryPath,
  id: string,
  access: UnitAccess,
) {
  const row = (await loadRow(deps.db, { ...path, entryId: id }))!;
  return toEntry(row, await selectEmissions(deps.db, [id]), readOnlyFor(row, principal, access));
}

/** The row as the caller may change it: 404 when they may not even see it, 403 when read-only. */
async function changeableRow(
  deps: EntriesDeps,
  principal: Principal,
  path: EntryPath & { entryId: string },
  access: UnitAccess,
) {
  const row = await loadRow(deps.db, path);
  const visible = row && (access.all('view') || (access.own('view') && owns(row, principal)));
  if (!row || !visible) throw notFound(`Entry ${path.entryId} does not exist.`);
  if (row.source === 'api-feed') {
    throw new HttpProblem({ status: 403, detail: 'Rows fed by an external system are read-only.' });
  }
  if (readOnlyFor(row, principal, access)) {
    throw new HttpProblem({
      status: 403,
      detail: 'You may change only the rows you entered or travelled.',
    });
  }
  return row;
}

export async function updateEntry(
  deps: EntriesDeps,
  principal: Principal,
  path: EntryPath & { entryId: string },
  body: EntryBody,
  context: RequestContext,
): Promise<Entry> {
  const { access, thresholdKg } = await editableContext(deps, principal, path, body.subModule);
  const before = await changeableRow(deps, principal, path, access);
  const calculated = await calculate(deps, path, body, thresholdKg);
  const travellerId = await travellerAccount(deps.db, path.unitId, calculated.fields);
  await deps.db.transaction(async (tx) => {
    await lockModule(tx, before.reportId, path.module);
    await tx
      .update(dataEntries)
      .set({
        travellerId,
        subModule: body.subModule,
        entryType: calculated.entryType,
        fields: calculated.fields,
        note: body.note ?? null,
        kgOverride: body.kgCo2eq ?? null,
        kgCo2eq: calculated.kgCo2eq,
        flags: calculated.flags,
        updatedAt: sql`now()`,
      })
      .where(eq(dataEntries.id, before.id));
    await writeEmissions(tx, before.id, before.reportId, path.module, calculated);
    await refreshAggregates(tx, before.reportId, path.module);
    await queueFacilityShares(tx, path.unitId, path.year, principal.userId);
    await recordAudit(tx, {
      action: 'entry.updated',
      outcome: 'success',
      actorId: principal.userId,
      actorLabel: principal.email,
      targetType: 'entry',
      targetId: before.id,
      before: auditedRow(before),
      after: { ...body, kgCo2eq: calculated.kgCo2eq },
      ...context,
    });
  });
  deps.changes.announce(ENTRY_WRITE_TABLES);
  return readEntry(deps, principal, path, before.id, access);
}

export async function deleteEntry(
  deps: EntriesDeps,
  principal: Principal,
  path: EntryPath & { entryId: string },
  context: RequestContext,
) {
  const { access } = await editableContext(deps, principal, path);
  const before = await changeableRow(deps, principal, path, access);
  await deps.db.transaction(async (tx) => {
    await lockModule(tx, before.reportId, path.module);
    await tx.delete(dataEntries).where(eq(dataEntries.id, before.id));
    await refreshAggregates(tx, before.reportId, path.module);
    await queueFacilityShares(tx, path.unitId, path.year, principal.userId);
    await recordAudit(tx, {
      action: 'entry.deleted',
      outcome: 'success',
      actorId: principal.userId,
      actorLabel: principal.email,
      targetType: 'entry',
      targetId: before.id,
      before: auditedRow(before),
      ...context,
    });
  });
  deps.changes.announce(ENTRY_WRITE_TABLES);
}
