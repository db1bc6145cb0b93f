/**
 * Factor look-ups shared by the buildings and equipment calculators (building room, embodied
 * energy, equipment).
 */
import type { FactorIndex } from '../factors.js';

/**
 * The shared factor set of grid electricity, read by every calculator that turns kWh of
 * electricity into emissions (building rooms, equipment). Values: `kgCo2eqPerKwh`.
 */
export const ELECTRICITY_FACTOR_SET = 'electricity';

/** The classification of the mix used until rows can name their own supply contract. */
export const DEFAULT_ELECTRICITY_MIX = { mix: 'default' } as const;

/** The default-mix electricity factor of the year, if it has a value. */
export function electricityFactor(
  factors: FactorIndex,
): { id: string; kgCo2eqPerKwh: number } | undefined {
  const found = factors.firstWithValue(
    ELECTRICITY_FACTOR_SET,
    [DEFAULT_ELECTRICITY_MIX],
    'kgCo2eqPerKwh',
  );
  return found && { id: found.factor.id, kgCo2eqPerKwh: found.value };
}
