import { can, entryTypeOf, type SubModuleId } from '@co2-calculator/domain';
import type { Principal } from '../../platform/auth/principal.js';
import { HttpProblem, invalidRequest } from '../../platform/http/problem.js';
import { getYear } from '../years/service.js';
import { type BackOfficeTarget, type ImportBody, YEARLY_BACK_OFFICE_TARGETS } from './contract.js';
import { type ImportSource, queueImport } from './queue-import.js';
import type { ImportDeps } from './service.js';
import { isAllowedSource } from './source-url.js';

const invalid = (detail: string, path: string, message: string) =>
  invalidRequest(detail, [{ path, message }]);

/**
 * The factor set a request names: `factorSet`, or a sub-module whose calculation reads
 * exactly one set (a sub-module reading several sets cannot say which file this is).
 */
function factorSetOf(body: ImportBody): string {
  if (body.factorSet) return body.factorSet;
  if (body.subModule) {
    const sets = entryTypeOf(body.subModule as SubModuleId)?.factorSets ?? [];
    if (sets.length === 1) return sets[0]!;
    throw invalid(
      sets.length === 0
        ? `${body.subModule} reads no factor set.`
        : `${body.subModule} reads several factor sets (${sets.join(', ')}): name one.`,
      'body.factorSet',
      'required',
    );
  }
  throw invalid('Which factor set does the file hold?', 'body.factorSet', 'required');
}

/** The file a back-office import reads: an upload, or a URL on a listed host. */
function sourceOf(body: ImportBody, hosts: readonly string[]): ImportSource {
  if ((body.uploadKey === undefined) === (body.sourceUrl === undefined)) {
    throw invalid(
      'Name the file to import: an uploaded file (`uploadKey`) or a URL (`sourceUrl`), one of the two.',
      body.uploadKey === undefined ? 'body.uploadKey' : 'body.sourceUrl',
      body.uploadKey === undefined ? 'required' : 'not with uploadKey',
    );
  }
  if (body.uploadKey !== undefined) return { uploadKey: body.uploadKey };
  const url = new URL(body.sourceUrl!);
  if (!isAllowedSource(url, hosts)) {
    throw new HttpProblem({
      status: 422,
      detail:
        hosts.length === 0
          ? 'Imports from a URL are off: IMPORT_SOURCE_HOSTS lists no host.'
          : `Imports may fetch from ${hosts.join(', ')}, not from ${url.host}.`,
    });
  }
  return { url };
}

/**
 * Checks a back-office import (factors, exchange rates, reference data, units, roles) and
 * queues its job. These change what every unit's figures or access rest on, so only a global
 * `imports` edit grant (administrators) may load them; everyone else gets a 403 before
 * anything is read. A yearly target needs a year that exists, open or not: administrators
 * prepare a year's factors before they open it.
 */
export async function startBackOfficeImport(
  deps: ImportDeps,
  principal: Principal,
  body: ImportBody & { target: BackOfficeTarget },
) {
  const { db } = deps;
  if (!can(principal.permissions, 'edit', 'imports')) {
    throw new HttpProblem({
      status: 403,
      detail: `Only administrators import ${body.target}.`,
    });
  }
  if (body.mode === 'append') {
    throw invalid(
      `An import of ${body.target} updates what the file holds; it has no append mode.`,
      'body.mode',
      `must be replace for ${body.target}`,
    );
  }
  const source = sourceOf(body, deps.importSourceHosts);
  const yearly = YEARLY_BACK_OFFICE_TARGETS.includes(body.target);
  if (yearly && body.year === undefined) {
    throw invalid(`${body.target} are imported for one year.`, 'body.year', 'required');
  }
  const factorSet = body.target === 'factors' ? factorSetOf(body) : undefined;
  if (yearly) await getYear(db, principal, body.year!);
  return queueImport(deps, principal, source, {
    target: body.target,
    year: yearly ? body.year : undefined,
    mode: 'replace',
    params: factorSet ? { factorSet } : {},
  });
}
