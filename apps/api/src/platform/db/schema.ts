// Every table of the product, in one module for drizzle-kit and for typed queries.
// Tables live beside the code that owns them.
export * from '../audit/table.js';
export * from '../../features/units/table.js';
export * from '../../features/users/table.js';
export * from '../../features/auth/table.js';
export * from '../../features/years/table.js';
export * from '../../features/reports/table.js';
export * from '../../features/entries/table.js';
export * from '../../features/factors/table.js';
export * from '../../features/reference/table.js';
export * from '../../features/jobs/table.js';
export * from '../../features/uploads/table.js';
