import type { JobHandler } from '../jobs/runner.js';
import { PermanentJobError } from '../jobs/runner.js';
import { fetchSourceFile, type SourceOptions } from './fetch-source.js';
import { importAirports } from './targets/airports.js';
import { importBuildingRooms } from './targets/building-rooms.js';
import { importExchangeRates } from './targets/exchange-rates.js';
import { importFactors } from './targets/factors.js';
import { importModuleData, type ModuleDataDeps } from './targets/module-data.js';
import { importRailwayStations } from './targets/railway-stations.js';
import { importResearchFacilities } from './targets/research-facilities.js';
import { importRoleAssignments } from './targets/role-assignments.js';
import { importUnits } from './targets/units.js';

export interface ImportHandlerDeps extends ModuleDataDeps {
  sources: SourceOptions;
}

/**
 * `import`: loads a file into its target: an upload, or what a URL serves (fetched first
 * into the store, then read as an upload would be).
 */
export function importHandler({ sources, ...deps }: ImportHandlerDeps): JobHandler {
  return async (given) => {
    let context = given;
    if (!context.job.fileKey) {
      if (!context.job.params.sourceUrl) throw new PermanentJobError('The job names no file.');
      context = { ...context, job: await fetchSourceFile(deps.store, sources, context) };
    }
    switch (context.job.target) {
      case 'module-data-all':
      case 'module-data-unit':
        return importModuleData(deps, context);
      case 'factors':
        return importFactors(deps, context);
      case 'exchange-rates':
        return importExchangeRates(deps, context);
      case 'research-facilities':
        return importResearchFacilities(deps, context);
      case 'airports':
        return importAirports(deps, context);
      case 'railway-stations':
        return importRailwayStations(deps, context);
      case 'building-rooms':
        return importBuildingRooms(deps, context);
      case 'units':
        return importUnits(deps, context);
      case 'role-assignments':
        return importRoleAssignments(deps, context);
      default:
        throw new PermanentJobError(`Unknown import target ${context.job.target}.`);
    }
  };
}
