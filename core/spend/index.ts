export * from './columns.js';
export * from './csv.js';
export * from './figures.js';
export * from './import-record.js';
export * from './periods.js';
export * from './rows.js';
export * from './suppliers.js';
export * from './values.js';
