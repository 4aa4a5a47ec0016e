export * from './catalogue.ts';
export * from './templateIds.ts';
export * from './templates.ts';
export * from './applyTemplate.ts';
