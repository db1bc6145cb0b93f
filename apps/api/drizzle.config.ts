import { defineConfig } from 'drizzle-kit';

// `npm run db:generate --workspace apps/api` writes a new SQL migration from the table
// definitions; migrations are committed and applied by `migrate` and on `serve` start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema.ts',
  out: './drizzle',
});
