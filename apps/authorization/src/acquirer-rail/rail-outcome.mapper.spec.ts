import { railOutcomeOf } from './rail-outcome.mapper';

const response = (fields: Record<number, string>) => ({ mti: '0210', fields });

describe('railOutcomeOf', () => {
  it('reads an approval with its code, and the balance (DE 54) of a balance inquiry only', () => {
    expect(railOutcomeOf(response({ 39: '00', 38: 'A1B2C3' }), 'purchase')).toEqual({ kind: 'approved', approvalCode: 'A1B2C3', balanceMinor: undefined });
    expect(railOutcomeOf(response({ 39: '00', 54: '0002978C000000012345' }), 'balance_inquiry')).toMatchObject({ kind: 'approved', balanceMinor: 12345n });
  });

  it('reads a partial approval (DE 39 10) with the approved part from DE 4, or none when DE 4 is not a number', () => {
    expect(railOutcomeOf(response({ 39: '10', 4: '000000000600', 38: 'P00001' }), 'purchase')).toEqual({
      kind: 'partial',
      approvedMinor: 600n,
      approvalCode: 'P00001',
    });
    expect(railOutcomeOf(response({ 39: '10', 4: '6OO' }), 'purchase')).toMatchObject({ kind: 'partial', approvedMinor: undefined });
  });

  it('reads any other code as a decline with it, and a response without DE 39 as 96', () => {
    expect(railOutcomeOf(response({ 39: '51' }), 'purchase')).toEqual({ kind: 'declined', responseCode: '51' });
    expect(railOutcomeOf(response({}), 'purchase')).toEqual({ kind: 'declined', responseCode: '96' });
  });

  it('takes a blank approval code as none', () => {
    expect(railOutcomeOf(response({ 39: '00', 38: '      ' }), 'refund')).toMatchObject({ approvalCode: undefined });
  });
});
