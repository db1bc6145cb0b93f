// Every table of the product, in one module for drizzle-kit and for typed queries.
// Tables live beside the feature that owns them.
export * from '../../features/units/table.js';
