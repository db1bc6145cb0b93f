/**
 * Emission factors, versioned by year. A factor is identified by (data-entry type, year,
 * emission type, classification): re-importing a set upserts on that identity. `values` holds
 * the numbers a calculator needs (e.g. `kgCo2eqPerKm`, `minDistanceKm`, `rfi`), each documented
 * with its entry type in docs/methodology/.
 */
export interface Factor {
  id: string;
  /** The data-entry type whose rows use it, or a shared set such as `electricity`. */
  factorSet: string;
  year: number;
  /** The leaf it produces; intermediate factors (intensities, powers) produce none. */
  emissionType: string | null;
  /** Keys that select the factor, e.g. `{ haul: 'long', class: 'economy' }`. */
  classification: Readonly<Record<string, string>>;
  values: Readonly<Record<string, number | null>>;
  /** What the main value is per, in words: `kg CO2-eq / passenger-km`. */
  unit: string;
  /** Publisher and document, e.g. `ADEME Base Empreinte 2024`. */
  source: string;
}

export type FactorQuery = Readonly<Record<string, string>>;

/** Identity key of a classification, independent of key order. */
export function classificationKey(classification: FactorQuery): string {
  return Object.keys(classification)
    .sort()
    .map((key) => `${key}=${classification[key]}`)
    .join('&');
}

/**
 * Factors of one year, indexed for exact lookups. Calculators ask for the most specific
 * classification first and fall back explicitly (each fallback is documented with the entry
 * type), so that which factor was used is never a surprise.
 */
export class FactorIndex {
  private readonly byKey = new Map<string, Factor>();
  private readonly bySet = new Map<string, Factor[]>();

  constructor(
    readonly year: number,
    factors: readonly Factor[],
  ) {
    for (const factor of factors) {
      if (factor.year !== year) continue;
      this.byKey.set(this.key(factor.factorSet, factor.classification), factor);
      const list = this.bySet.get(factor.factorSet) ?? [];
      list.push(factor);
      this.bySet.set(factor.factorSet, list);
    }
  }

  private key(factorSet: string, classification: FactorQuery) {
    return `${factorSet}|${classificationKey(classification)}`;
  }

  /** The factor with exactly this classification, if any. */
  find(factorSet: string, classification: FactorQuery): Factor | undefined {
    return this.byKey.get(this.key(factorSet, classification));
  }

  /** The first classification of `candidates` that has a factor: the fallback chain. */
  findFirst(factorSet: string, candidates: readonly FactorQuery[]): Factor | undefined {
    for (const candidate of candidates) {
      const factor = this.find(factorSet, candidate);
      if (factor) return factor;
    }
    return undefined;
  }

  /**
   * The first classification of `candidates` whose factor has a number for `value`: a factor
   * whose value is empty counts as absent, so the fallback chain goes on.
   */
  firstWithValue(
    factorSet: string,
    candidates: readonly FactorQuery[],
    value: string,
  ): { factor: Factor; value: number } | undefined {
    for (const candidate of candidates) {
      const factor = this.find(factorSet, candidate);
      const number = factor?.values[value];
      if (factor && number !== null && number !== undefined) return { factor, value: number };
    }
    return undefined;
  }

  /** Every factor of a set whose classification includes `partial`. */
  filter(factorSet: string, partial: FactorQuery = {}): Factor[] {
    return (this.bySet.get(factorSet) ?? []).filter((factor) =>
      Object.entries(partial).every(([key, value]) => factor.classification[key] === value),
    );
  }
}
