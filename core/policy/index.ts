export { builtInPack } from './cumbria/index.js';
export * from './library.js';
export { loadPack } from './load.js';
export * from './schema.js';
