import type { RegistryConfig } from '../../platform/config/env.js';
import { type JobHandler, PermanentJobError } from '../jobs/runner.js';
import { httpRoleProvider } from './role-provider.js';
import { RegistrySnapshotError, syncRegistry } from './sync.js';

/**
 * `registry-sync`: pulls the institution's registry of units and roles and applies the
 * differences (the same code as the `sync-registry` command), on demand or on a schedule.
 * A registry that is down is retried by the queue; a snapshot that contradicts itself is not.
 */
export function registrySyncHandler(registry: RegistryConfig | undefined): JobHandler {
  const provider =
    registry &&
    httpRoleProvider({
      url: registry.url,
      headers: registry.token ? { authorization: `Bearer ${registry.token}` } : {},
      timeoutMs: registry.timeoutMs,
      retries: registry.retries,
      breaker: registry.breaker,
    });
  return async ({ job, db, progress }) => {
    if (!provider) throw new PermanentJobError('REGISTRY_URL is not set: there is no registry.');
    progress({ phase: 'parse' });
    const snapshot = await provider.fetchSnapshot();
    progress({ phase: 'load' });
    try {
      const report = await syncRegistry(db, snapshot, {
        actor: { id: job.createdBy, label: job.createdBy ? null : 'scheduler' },
      });
      return {
        state: 'succeeded',
        counts: {
          inserted: report.unitsCreated + report.usersCreated + report.assignmentsGranted,
          updated: report.unitsUpdated + report.usersLinked + report.unitsDeactivated,
          skipped: 0,
        },
      };
    } catch (error) {
      if (error instanceof RegistrySnapshotError) throw new PermanentJobError(error.message);
      throw error;
    }
  };
}
