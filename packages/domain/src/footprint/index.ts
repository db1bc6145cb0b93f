export * from './modules.js';
export * from './emission-types.js';
export * from './factors.js';
export * from './geo.js';
export * from './calculation.js';
export * from './entry-types/index.js';
export * from './derived.js';
