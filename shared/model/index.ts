export * from './types';
export * from './schema';
export * from './migrate';
export * from './blank';
export * from './totals';
export * from './format';
