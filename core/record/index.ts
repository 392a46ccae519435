export * from './access.js';
export * from './changes.js';
export * from './record.js';
export * from './transitions.js';
