export * from './mechanisms.ts';
export * from './types.ts';
export * from './validate.ts';
export { newUuid } from './uuid.ts';
export * from './roles.ts';
