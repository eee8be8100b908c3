export * from './programmes';
export * from '../money';
export * from './period';
export * from './importRow';
export * from './statement';
export * from './names';
