export * from './groups';
export * from './sources';
export * from './records';
export * from './rules';
export * from './evaluate';
export * from './alertMachine';
export * from './reportText';
