export * from './rooms.ts';
export * from './closeCodes.ts';
