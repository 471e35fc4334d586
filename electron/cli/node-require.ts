import { createRequire } from 'node:module';

/**
 * Node's built-ins for the CLI's entry (main.ts and what it loads before a command). An ES import
 * of a built-in makes Node build an ES module facade of it, reading every export: for node:fs that
 * loads Node's streams, ~8 ms of a 150 ms `export`. require() hands out the module as it is.
 */
export const nodeRequire = createRequire(import.meta.url);
