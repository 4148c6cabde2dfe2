import { storedPayerAccount } from './payer-account';

describe(storedPayerAccount.name, () => {
  it('keeps a card number masked to its first six and last four digits', () => {
    expect(storedPayerAccount('4242424242424242')).toBe('424242******4242');
    expect(storedPayerAccount('6205500000000000004')).toBe('620550*********0004');
  });

  it('keeps any other account as sent: a phone number, an IBAN, digits that fail the Luhn check', () => {
    for (const account of ['+420777123456', 'GB82WEST12345698765432', '4242424242424241', '86011117947']) expect(storedPayerAccount(account)).toBe(account);
  });
});
