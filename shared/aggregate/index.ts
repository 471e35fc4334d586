/** 汇总: a government's whole-area tables from its units' reports (docs/aggregate.md). */
export * from './types';
export * from './names';
export * from './state';
export * from './unit';
export * from './roster';
export * from './sum';
export * from './checks';
export * from './apply';
export * from './rollover';
export * from './table';
export * from './session';
export * from './written';
