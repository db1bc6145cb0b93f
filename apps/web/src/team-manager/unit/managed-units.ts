// The units the Team manager is for: those whose members the user manages. Read from the
// permission map (as everything the UI offers), not from role names: today that is where the
// user is principal.
import { scopesOf } from '@co2-calculator/domain';
import type { Session } from '../../shared/api/types';

export function managedUnitIds(session: Session | undefined): string[] {
  return session ? scopesOf(session.permissions, 'view', 'members').units : [];
}
