// Generates the web apps' API types from the OpenAPI document, so the browser code is checked
// against what the server really validates.
//   npm run api-types           writes apps/web/src/shared/api/schema.d.ts
// apps/api/test/api-types.test.ts fails when the committed file differs from a fresh one.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../src/platform/http/openapi-document.js';

export const API_TYPES_FILE = fileURLToPath(
  new URL('../../web/src/shared/api/schema.d.ts', import.meta.url),
);

const HEADER =
  '// Generated from the API’s OpenAPI document by `npm run api-types`. Do not edit:\n' +
  '// apps/api/test/api-types.test.ts fails when this file and the API drift apart.\n\n';

export async function renderApiTypes(): Promise<string> {
  const document = (await openApiDocument()) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document, { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(API_TYPES_FILE, await renderApiTypes());
  process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
}
