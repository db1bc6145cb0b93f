import type { z } from 'zod';
import type { aiUsageFields } from '../footprint/entry-types/ai-usage.js';
import type { buildingRoomFields } from '../footprint/entry-types/building-room.js';
import type { centralisedPurchaseFields } from '../footprint/entry-types/centralised-purchase.js';
import type { cloudServiceFields } from '../footprint/entry-types/cloud-service.js';
import type { combustionFields } from '../footprint/entry-types/combustion.js';
import type { embodiedEnergyFields } from '../footprint/entry-types/embodied-energy.js';
import type { equipmentFields } from '../footprint/entry-types/equipment.js';
import type {
  headcountMemberFields,
  headcountStudentsFields,
} from '../footprint/entry-types/headcount.js';
import type { planeTripFields } from '../footprint/entry-types/plane-trip.js';
import type { processGasFields } from '../footprint/entry-types/process-gas.js';
import type { purchaseFields } from '../footprint/entry-types/purchase.js';
import type { researchFacilityUseFields } from '../footprint/entry-types/research-facility-use.js';
import type { trainTripFields } from '../footprint/entry-types/train-trip.js';
import type { SubModuleId } from '../footprint/modules.js';
import type { CsvCells } from './format.js';

/**
 * The example row of each data-entry type's template: the fields of the worked example of its
 * methodology page (docs/methodology/<id>.md), which a test keeps identical. The domain does no
 * I/O, so the example is copied here rather than read from the page.
 */
export const MODULE_ROW_EXAMPLES = {
  'plane-trip': {
    origin: 'GVA',
    destination: 'JFK',
    traveller: 'A. Researcher',
    date: '2025-03-10',
    trips: 1,
    class: 'economy',
    roundTrip: true,
  } satisfies z.input<typeof planeTripFields>,
  'headcount-member': {
    name: 'A. Researcher',
    functionCode: 'POSTDOC',
    personId: '100234',
    fte: 0.8,
  } satisfies z.input<typeof headcountMemberFields>,
  'headcount-students': { totalFte: 85.5 } satisfies z.input<typeof headcountStudentsFields>,
  'train-trip': {
    origin: 'Lausanne',
    originCountry: 'CH',
    destination: 'Paris Gare de Lyon',
    destinationCountry: 'FR',
    traveller: 'A. Researcher',
    date: '2025-05-12',
    trips: 1,
    class: 'second',
    roundTrip: true,
  } satisfies z.input<typeof trainTripFields>,
  'process-gas': {
    code: 'R-134a',
    kgReleased: 3.5,
    note: 'Cold room 2, annual maintenance',
  } satisfies z.input<typeof processGasFields>,
  'building-room': {
    building: 'BC',
    room: 'BC 410',
    allocationRatio: 0.5,
  } satisfies z.input<typeof buildingRoomFields>,
  combustion: {
    fuel: 'natural-gas',
    unit: 'kWh',
    quantity: 18500,
  } satisfies z.input<typeof combustionFields>,
  'embodied-energy': {
    building: 'BC',
    category: 'structure',
    areaM2: 240,
    allocationRatio: 0.75,
  } satisfies z.input<typeof embodiedEnergyFields>,
  equipment: {
    inventoryId: 'INV-004217',
    name: 'Zeiss LSM 980',
    class: 'microscope',
    subclass: 'confocal',
    activeHoursPerWeek: 50,
  } satisfies z.input<typeof equipmentFields>,
  purchase: {
    name: 'Laboratory consumables',
    supplier: 'Lab Supplies SA',
    amount: 3450,
    currency: 'CHF',
    purchaseCode: 'NB13',
    codeSystem: 'nacres',
  } satisfies z.input<typeof purchaseFields>,
  'centralised-purchase': {
    name: 'Copy paper A4 80 g',
    unit: 'ream',
    annualConsumption: 120,
  } satisfies z.input<typeof centralisedPurchaseFields>,
  'research-facility-use': {
    facility: 'Cryo-EM platform',
    use: 137.5,
    useUnit: 'hours',
  } satisfies z.input<typeof researchFacilityUseFields>,
  'cloud-service': {
    provider: 'aws',
    service: 'compute',
    amount: 12000,
    currency: 'USD',
  } satisfies z.input<typeof cloudServiceFields>,
  'ai-usage': {
    provider: 'openai',
    usageType: 'chat',
    requestsBand: '10-50',
    fte: 3.5,
  } satisfies z.input<typeof aiUsageFields>,
} as const satisfies Record<string, CsvCells>;

/**
 * Sub-modules whose example differs from their entry type's, when its page has a worked
 * example closer to them: a gas, not a refrigerant, in the gases template.
 */
export const SUB_MODULE_ROW_EXAMPLES: Partial<Record<SubModuleId, CsvCells>> = {
  gases: { code: 'N2O', kgReleased: 15 } satisfies z.input<typeof processGasFields>,
};
