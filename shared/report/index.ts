export * from './layout.ts';
export * from './content.ts';
export { countWords } from './wordCount.ts';
export { orderBetween, compareOrder } from './order.ts';
