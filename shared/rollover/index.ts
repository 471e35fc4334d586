export * from './rollover';
export * from './years';
export * from './compare';
export * from './series';
