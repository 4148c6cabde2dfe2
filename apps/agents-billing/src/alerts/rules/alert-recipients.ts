import type { AlertRecipient } from './alert-rule';

export type AlertChannel = 'email' | 'webhook';

/** A node's own addresses, read for the rule's "dealer" recipient. */
export interface NodeAlertContact {
  readonly nodeId: string;
  readonly email: string | null;
  readonly webhookUrl: string | null;
}

/** One address a message goes to. */
export interface AlertAddress {
  readonly channel: AlertChannel;
  readonly recipient: string;
}

/** The addresses a rule names, the dealer's contact put in for "dealer" (nothing when there is no dealer or no contact), each once. */
export function addressesOf(recipients: readonly AlertRecipient[], dealer: NodeAlertContact | undefined): AlertAddress[] {
  const addresses = recipients.flatMap((r): AlertAddress[] => {
    switch (r.type) {
      case 'email':
        return [{ channel: 'email', recipient: r.address }];
      case 'webhook':
        return [{ channel: 'webhook', recipient: r.url }];
      case 'dealer':
        return [
          ...(dealer?.email ? [{ channel: 'email' as const, recipient: dealer.email }] : []),
          ...(dealer?.webhookUrl ? [{ channel: 'webhook' as const, recipient: dealer.webhookUrl }] : []),
        ];
    }
  });
  const seen = new Set<string>();
  return addresses.filter((a) => {
    const key = `${a.channel} ${a.channel === 'email' ? a.recipient.toLowerCase() : a.recipient}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
