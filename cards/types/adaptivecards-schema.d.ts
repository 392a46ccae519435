/**
 * adaptivecards-templating's declarations import `adaptivecards/src/schema`, which resolves
 * to the adaptivecards package's TypeScript sources; those do not compile under this
 * project's settings. tsconfig maps that import here (types only: nothing loads it).
 */
export type IAdaptiveCard = Record<string, unknown>;
