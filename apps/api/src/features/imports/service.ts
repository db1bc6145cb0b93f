import { can, MODULES, moduleOf, type SubModuleId } from '@co2-calculator/domain';
import { and, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database } from '../../platform/db/database.js';
import { HttpProblem, invalidRequest } from '../../platform/http/problem.js';
import type { ObjectStore } from '../../platform/storage/object-store.js';
import { reportModules, reports } from '../reports/table.js';
import { canOnUnit, visibleUnit } from '../units/access.js';
import { getYear, moduleInUse } from '../years/service.js';
import { type ImportBody, isBackOfficeTarget } from './contract.js';
import { startBackOfficeImport } from './back-office.js';
import { queueImport } from './queue-import.js';

export interface ImportDeps {
  db: Database;
  store: ObjectStore;
  uploadMaxBytes: number;
  /** IMPORT_SOURCE_HOSTS: where a back-office import may fetch its file from. */
  importSourceHosts: readonly string[];
}

const invalid = (detail: string, path: string, message: string) =>
  invalidRequest(detail, [{ path, message }]);

/** Refuses a unit import into a validated module: the principal must reopen it first. */
async function refuseValidated(db: Database, unitId: string, year: number, module: string) {
  const [state] = await db
    .select({ status: reportModules.status })
    .from(reportModules)
    .innerJoin(reports, eq(reports.id, reportModules.reportId))
    .where(
      and(
        eq(reports.unitId, unitId),
        eq(reports.year, year),
        eq(reports.kind, 'official'),
        eq(reportModules.module, module),
      ),
    );
  if (state?.status === 'validated') {
    throw new HttpProblem({
      status: 409,
      detail: `The ${module} module is validated; set it back to in progress to import rows.`,
    });
  }
}

/**
 * Checks an import request (target, year, who may load it, the uploaded file) and queues its
 * job; the file is read by a worker. Everything a request can get wrong is refused here with
 * a 4xx, before any job exists.
 */
export async function startImport(deps: ImportDeps, principal: Principal, body: ImportBody) {
  if (isBackOfficeTarget(body.target)) {
    return startBackOfficeImport(deps, principal, { ...body, target: body.target });
  }
  const { db } = deps;
  if (body.sourceUrl !== undefined) {
    throw invalid(
      'Module data is imported from an uploaded file, not from a URL.',
      'body.sourceUrl',
      'only for back-office targets',
    );
  }
  if (body.uploadKey === undefined) {
    throw invalid('Which uploaded file should be imported?', 'body.uploadKey', 'required');
  }
  const { uploadKey } = body;
  if (body.year === undefined) {
    throw invalid('Module data is imported one year at a time.', 'body.year', 'required');
  }
  const year = body.year;
  if (!body.subModule) {
    throw invalid(
      'Module data is imported one sub-module at a time' +
        (body.module ? `: one of ${MODULES[body.module].join(', ')}.` : '.'),
      'body.subModule',
      'required',
    );
  }
  const subModule = body.subModule as SubModuleId;
  const module = moduleOf(subModule);
  if (body.module !== undefined && body.module !== module) {
    throw invalid(
      `${subModule} is not a sub-module of ${body.module}.`,
      'body.subModule',
      `not a sub-module of ${body.module}`,
    );
  }
  if (body.target === 'module-data-all') {
    if (!can(principal.permissions, 'edit', 'imports')) {
      throw new HttpProblem({ status: 403, detail: 'Only administrators import for all units.' });
    }
    if (body.mode === 'append') {
      throw invalid(
        'A file of all units replaces the earlier back-office rows of its sub-module.',
        'body.mode',
        'must be replace for module-data-all',
      );
    }
  } else {
    if (!body.unitId) throw invalid('Which unit is the file for?', 'body.unitId', 'required');
    const unit = await visibleUnit(db, principal, body.unitId);
    if (!(await canOnUnit(db, principal, body.unitId, 'edit', 'imports'))) {
      throw new HttpProblem({ status: 403, detail: `You may not import into ${unit.code}.` });
    }
    if (unit.level !== 4) {
      throw new HttpProblem({ status: 422, detail: `${unit.code} is not a lab-level unit.` });
    }
  }
  moduleInUse(await getYear(db, principal, year), module, subModule);
  if (body.target === 'module-data-unit') {
    await refuseValidated(db, body.unitId!, year, module);
  }
  return queueImport(
    deps,
    principal,
    { uploadKey },
    {
      target: body.target,
      year,
      module,
      subModule,
      unitId: body.target === 'module-data-unit' ? body.unitId : undefined,
      mode: body.mode,
    },
  );
}
