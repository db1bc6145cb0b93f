/**
 * The eight modules of a unit's annual report and their sub-modules (PRODUCT §4). A sub-module
 * is where data is entered; each is served by one data-entry type (entry-types/), and several
 * sub-modules may share one (the three equipment classes, the purchase categories).
 */
export const MODULES = {
  headcount: ['members', 'students'],
  'professional-travel': ['plane', 'train'],
  buildings: ['rooms', 'combustion', 'embodied'],
  'equipment-electricity': ['scientific', 'it', 'other'],
  purchases: [
    'scientific-equipment',
    'it-equipment',
    'consumables',
    'bio-chem-gas',
    'services',
    'vehicles',
    'other-purchases',
    'centralised',
  ],
  'research-facilities': ['common-facilities', 'animal-facilities'],
  'external-cloud-ai': ['cloud', 'ai'],
  'process-emissions': ['gases', 'refrigerants'],
} as const;

// Sub-module ids are unique across modules (the API, the CSV templates and `entryTypeOf` name
// a sub-module alone), hence `other-purchases` beside equipment's `other`.
export type ModuleId = keyof typeof MODULES;
export type SubModuleId = (typeof MODULES)[ModuleId][number];

export const MODULE_IDS = Object.keys(MODULES) as [ModuleId, ...ModuleId[]];

/** Every sub-module, in catalogue order. */
export const SUB_MODULE_IDS = Object.values(MODULES).flat() as [SubModuleId, ...SubModuleId[]];

/** The module a sub-module belongs to (sub-module ids are unique across modules). */
export function moduleOf(subModule: SubModuleId): ModuleId {
  for (const module of MODULE_IDS) {
    if ((MODULES[module] as readonly string[]).includes(subModule)) return module;
  }
  throw new Error(`unknown sub-module ${subModule}`);
}

export function isSubModule(value: string): value is SubModuleId {
  return MODULE_IDS.some((module) => (MODULES[module] as readonly string[]).includes(value));
}
