export * from './tagIds.ts';
export * from './entries.ts';
export * from './describeTag.ts';
export * from './search.ts';
export * from './treaties.ts';
