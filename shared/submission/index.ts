export * from './wordLimits.ts';
export * from './wordStatus.ts';
export * from './reportWords.ts';
export * from './checks.ts';
export * from './rules.ts';
