/**
 * ISO 8583:1987 DE 54, additional amounts: blocks of 20 characters, each account type n2, amount
 * type n2 (01 ledger balance, 02 available balance), currency n3, sign C/D, amount n12.
 * Returns the available balance (else the first block) in minor units, negative for D.
 */
export function balanceFromAdditionalAmounts(field54: string | undefined): bigint | undefined {
  if (!field54 || field54.length % 20 !== 0) return undefined;
  const blocks: { type: string; amount: bigint }[] = [];
  for (let i = 0; i < field54.length; i += 20) {
    const block = field54.slice(i, i + 20);
    const match = /^[0-9]{2}([0-9]{2})[0-9]{3}([CD])([0-9]{12})$/.exec(block);
    if (!match) return undefined;
    const amount = BigInt(match[3]);
    blocks.push({ type: match[1], amount: match[2] === 'D' ? -amount : amount });
  }
  return (blocks.find((b) => b.type === '02') ?? blocks[0])?.amount;
}

/** One DE 54 block: available balance of the default account in the given currency. */
export function availableBalanceBlock(currencyNumeric: string, balanceMinor: bigint): string {
  const sign = balanceMinor < 0n ? 'D' : 'C';
  const abs = balanceMinor < 0n ? -balanceMinor : balanceMinor;
  return `0002${currencyNumeric}${sign}${abs.toString().padStart(12, '0')}`;
}
