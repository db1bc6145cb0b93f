import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '../scripts/api-types.js';

describe('the web apps’ API types', () => {
  it('match the OpenAPI document (run `npm run api-types` after changing a route)', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await renderApiTypes();
    expect(committed === fresh, 'apps/web/src/shared/api/schema.d.ts is out of date').toBe(true);
  });
});
