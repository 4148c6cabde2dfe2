export * from './currency.lookup';
export * from './currency.table';
export * from './minor-units.parser';
export * from './money.arithmetic';
export * from './money.error';
export * from './money.format';
