export * from './api.js';
export * from './csv.js';
export * from './filters.js';
export * from './row.js';
export * from './stages.js';
export * from './summary.js';
export * from './table.js';
export * from './view.js';
