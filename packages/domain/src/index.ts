export * from './units.js';
export * from './access/index.js';
