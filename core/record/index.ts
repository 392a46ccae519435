export * from './access.js';
export * from './changes.js';
export * from './person.js';
export * from './record.js';
export * from './reminders.js';
export * from './stage-changes.js';
export * from './stages.js';
export * from './transitions.js';
