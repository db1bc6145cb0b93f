export * from './roles.js';
export * from './resources.js';
export * from './keys.js';
export * from './permissions.js';
export * from './check.js';
