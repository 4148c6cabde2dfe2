import { loadTransferDueDays } from './transfer-due-days';

describe(loadTransferDueDays.name, () => {
  it('gives each acquirer its own due days and the rest the default (2 unless set)', () => {
    const dueDays = loadTransferDueDays({ SETTLEMENT_TRANSFER_DUE_DAYS: '{"acq-cz": 1}' });
    expect([dueDays.of('acq-cz'), dueDays.of('default')]).toEqual([1, 2]);
    expect(loadTransferDueDays({ SETTLEMENT_TRANSFER_DEFAULT_DUE_DAYS: '5' }).of('acq-cz')).toBe(5);
  });

  it.each([
    ['SETTLEMENT_TRANSFER_DUE_DAYS', '{"acq-cz": 1.5}'],
    ['SETTLEMENT_TRANSFER_DUE_DAYS', 'not json'],
    ['SETTLEMENT_TRANSFER_DEFAULT_DUE_DAYS', '-1'],
  ])('stops the boot on a bad %s, naming it', (name, value) => {
    expect(() => loadTransferDueDays({ [name]: value })).toThrow(name);
  });
});
