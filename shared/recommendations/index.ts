export * from './smart.ts';
export * from './parseUprList.ts';
