import { TopicContract } from '@payments/contracts';

export class UnknownTopicError extends Error {
  constructor(
    readonly topic: string,
    known: string[],
  ) {
    super(`topic "${topic}" is not in the TopicRegistry (known: ${known.join(', ') || 'none'}); register its contract with the relay`);
    this.name = 'UnknownTopicError';
  }
}

/** The contracts a relay may publish, by topic name: outbox rows hold only the name. */
export class TopicRegistry {
  private readonly contracts = new Map<string, TopicContract<unknown>>();

  constructor(contracts: Iterable<TopicContract<unknown>> = []) {
    for (const contract of contracts) this.register(contract);
  }

  static of(...contracts: TopicContract<unknown>[]): TopicRegistry {
    return new TopicRegistry(contracts);
  }

  register(contract: TopicContract<unknown>): this {
    const existing = this.contracts.get(contract.name);
    if (existing && existing !== contract) throw new Error(`topic "${contract.name}" is registered twice with different contracts`);
    this.contracts.set(contract.name, contract);
    return this;
  }

  /** Throws UnknownTopicError naming the topic and the registered ones. */
  get(topic: string): TopicContract<unknown> {
    const contract = this.contracts.get(topic);
    if (!contract) throw new UnknownTopicError(topic, [...this.contracts.keys()].sort());
    return contract;
  }

  has(topic: string): boolean {
    return this.contracts.has(topic);
  }
}
