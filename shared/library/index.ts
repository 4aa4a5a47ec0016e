export * from './entry.ts';
export * from './content.ts';
export * from './validate.ts';
export * from './search.ts';
export * from './feed.ts';
