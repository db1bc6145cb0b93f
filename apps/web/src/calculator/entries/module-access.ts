import type { Resource } from '@co2-calculator/domain';
import type { ModuleId } from '../../shared/api/types';

/**
 * The permission resource of a module's rows: travel and cloud/AI rows have their own (standard
 * users enter their own trips and AI use there), the other modules share `entries`.
 */
export function entriesResourceOf(module: ModuleId): Resource {
  return module === 'professional-travel' || module === 'external-cloud-ai'
    ? `entries.${module}`
    : 'entries';
}
