// The live emission preview of the row being edited: the shared calculator of packages/domain
// run in the browser with the factors and year data the API serves for the sub-module, so the
// number shown is the number the server will store.
import {
  calculateEntry,
  type CalculationFlag,
  entryTypeOf,
  FactorIndex,
  rateViaEur,
  type References,
  type SubModuleId,
  totalKg,
} from '@co2-calculator/domain';
import { computed, type Ref, ref, watch } from 'vue';
import { http } from '../../shared/api/http';
import type { components } from '../../shared/api/types';
import type { FieldValues } from './entry-fields';
import { airports, lookUpAirport, lookUpStation, stationKey, stations } from './reference-lookups';

type CalculationData = components['schemas']['CalculationData'];

export type Preview =
  | { state: 'loading' }
  | { state: 'incomplete' }
  | { state: 'ready'; kgCo2eq: number; flags: CalculationFlag[] };

const loaded = new Map<string, Promise<CalculationData>>();

function calculationData(year: number, subModule: SubModuleId): Promise<CalculationData> {
  const key = `${year}|${subModule}`;
  let data = loaded.get(key);
  if (!data) {
    data = http
      .get<CalculationData>(`/years/${year}/calculation-data`, { params: { subModule } })
      .then((response) => response.data);
    // A failed load is retried the next time a form opens.
    data.catch(() => loaded.delete(key));
    loaded.set(key, data);
  }
  return data;
}

function referencesOf(data: CalculationData): References {
  return {
    airport: (iata) => airports.get(iata) ?? undefined,
    station: (name, country) => stations.get(stationKey(name, country)) ?? undefined,
    room: (building, room) =>
      data.rooms.find((r) => r.building === building && r.room === room) ?? undefined,
    exchangeRate: (from, to) => rateViaEur((currency) => data.unitsPerEur[currency], from, to),
    facility: (name) => data.facilities.find((facility) => facility.name === name),
  };
}

export function useEmissionPreview(
  year: Ref<number>,
  subModule: Ref<SubModuleId>,
  values: Ref<FieldValues>,
  override: Ref<number | null>,
  /** Only a form on screen needs the factors: closed dialogs load nothing. */
  active: Ref<boolean>,
) {
  const data = ref<CalculationData>();
  watch(
    [year, subModule, active],
    async ([y, s, on]) => {
      if (!on) return;
      if (data.value?.year === y && data.value.subModule === s) return;
      data.value = undefined;
      data.value = await calculationData(y, s);
    },
    { immediate: true },
  );

  // Reference data named by the row, fetched when the user has typed a complete code or name.
  watch(
    values,
    (row) => {
      if (!active.value) return;
      const text = (name: string) => (typeof row[name] === 'string' ? (row[name] as string) : '');
      if (subModule.value === 'plane') {
        void lookUpAirport(text('origin')).catch(() => undefined);
        void lookUpAirport(text('destination')).catch(() => undefined);
      } else if (subModule.value === 'train') {
        void lookUpStation(text('origin'), text('originCountry')).catch(() => undefined);
        void lookUpStation(text('destination'), text('destinationCountry')).catch(() => undefined);
      }
    },
    { deep: true, immediate: true },
  );

  const preview = computed<Preview>(() => {
    const type = entryTypeOf(subModule.value);
    if (!data.value || !type) return { state: 'loading' };
    const parsed = type.fields.safeParse(values.value);
    if (!parsed.success) return { state: 'incomplete' };
    const context = {
      year: year.value,
      factors: new FactorIndex(year.value, data.value.factors),
      references: referencesOf(data.value),
    };
    // Reading the maps here makes the preview follow the lookups as they arrive.
    void airports.size;
    void stations.size;
    const result = calculateEntry(type, subModule.value, parsed.data, override.value, context);
    return { state: 'ready', kgCo2eq: totalKg(result), flags: result.flags };
  });

  return preview;
}
