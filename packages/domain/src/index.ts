export * from './units.js';
export * from './access/index.js';
export * from './footprint/index.js';
export * from './csv/index.js';
