import type { JobHandler } from '../jobs/runner.js';
import { PermanentJobError } from '../jobs/runner.js';
import { importModuleData, type ModuleDataDeps } from './targets/module-data.js';

/** `import`: loads an uploaded file into its target. */
export function importHandler(deps: ModuleDataDeps): JobHandler {
  return async (context) => {
    switch (context.job.target) {
      case 'module-data-all':
      case 'module-data-unit':
        return importModuleData(deps, context);
      default:
        throw new PermanentJobError(`Unknown import target ${context.job.target}.`);
    }
  };
}
