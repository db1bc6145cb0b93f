/** Levels of the organisational tree; workspaces (where data is entered) are level 4. */
export const UNIT_LEVELS = {
  institution: 1,
  faculty: 2,
  institute: 3,
  lab: 4,
} as const;

export type UnitLevel = (typeof UNIT_LEVELS)[keyof typeof UNIT_LEVELS];

export const MIN_UNIT_LEVEL = 1;
export const MAX_UNIT_LEVEL = 4;

/**
 * What a unit is: the organisational levels above labs are `organisation`; level-4 units are
 * labs, technical platforms or central services.
 */
export const UNIT_TYPES = ['organisation', 'lab', 'platform', 'service'] as const;

export type UnitType = (typeof UNIT_TYPES)[number];
