export * from './machine';
export * from './schedule';
export * from './progress';
export * from './targetGroups';
