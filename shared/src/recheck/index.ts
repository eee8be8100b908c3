export * from './versions';
export * from './schedule';
export * from './phaseOut';
export * from './machine';
export * from './reasons';
