import { describe, expect, it } from 'vitest';
import { entriesResource, MODULE_IDS } from '../../src/index.js';

describe('entriesResource', () => {
  it('gives travel and cloud & AI rows their own resource, every other module `entries`', () => {
    expect(
      Object.fromEntries(MODULE_IDS.map((module) => [module, entriesResource(module)])),
    ).toEqual({
      headcount: 'entries',
      'professional-travel': 'entries.professional-travel',
      buildings: 'entries',
      'equipment-electricity': 'entries',
      purchases: 'entries',
      'research-facilities': 'entries',
      'external-cloud-ai': 'entries.external-cloud-ai',
      'process-emissions': 'entries',
    });
  });
});
