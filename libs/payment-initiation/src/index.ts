export * from './pain001/credit-transfer-order.model';
export * from './pain001/pain001-amount';
export * from './pain001/pain001-totals.check';
export * from './pain001/pain001.writer';
export * from './xsd/pain001.validator';
