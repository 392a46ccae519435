export * from './dates.js';
export * from './money.js';
export * from './result.js';
