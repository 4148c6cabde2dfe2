import type { AlertSignals } from './alert-signals';
import { type AgentsBillingUnderTest, openAgentsBilling } from '../testing/agents-billing.fixture';

jest.setTimeout(60_000);

describe.each(['postgres', 'pglite'] as const)('alert signals (%s)', (kind) => {
  let sut: AgentsBillingUnderTest;
  let alerts: AlertSignals;

  beforeAll(async () => {
    sut = await openAgentsBilling(kind);
    alerts = sut.alerts;
  });
  afterAll(() => sut?.close());

  const lowBalance = (subjectId: string, balance: string) => ({
    kind: 'low-balance' as const,
    subjectId,
    summary: `kiosk ${subjectId} has ${balance} left`,
    facts: { balance },
  });

  it('keeps one open alert per kind and subject: a repeat counts and refreshes it, a clear resolves it, the next raise opens a new one', async () => {
    const t0 = new Date('2026-12-07T10:00:00Z');
    const first = await alerts.raise(lowBalance('node-a', '900'), t0);
    const again = await alerts.raise(lowBalance('node-a', '400'), new Date(t0.getTime() + 60_000));
    await alerts.raise({ ...lowBalance('node-a', '400'), kind: 'limit-nearly-used' }, new Date(t0.getTime() + 30_000));

    expect(first.opened).toBe(true);
    expect(again).toMatchObject({
      opened: false,
      alert: { id: first.alert.id, timesSeen: 2, summary: 'kiosk node-a has 400 left', facts: { balance: '400' } },
    });
    expect(again.alert.lastSeenAt).toEqual(new Date(t0.getTime() + 60_000));
    expect((await alerts.open()).map((a) => [a.kind, a.subjectId])).toEqual([
      ['low-balance', 'node-a'],
      ['limit-nearly-used', 'node-a'],
    ]);

    const cleared = await alerts.clear('low-balance', 'node-a', new Date(t0.getTime() + 120_000));
    expect(cleared).toMatchObject({ id: first.alert.id, resolvedAt: new Date(t0.getTime() + 120_000) });
    expect(await alerts.clear('low-balance', 'node-a')).toBeUndefined();
    const reopened = await alerts.raise(lowBalance('node-a', '100'), new Date(t0.getTime() + 180_000));
    expect(reopened.opened).toBe(true);
    expect(reopened.alert.id).not.toBe(first.alert.id);
  });

  it('holds one open alert when the same condition is raised by many callers at once', async () => {
    const raised = await Promise.all(Array.from({ length: 20 }, () => alerts.raise(lowBalance('node-b', '5'))));
    expect(raised.filter((r) => r.opened)).toHaveLength(1);
    expect(new Set(raised.map((r) => r.alert.id)).size).toBe(1);
    expect((await alerts.open()).find((a) => a.subjectId === 'node-b')?.timesSeen).toBe(20);
  });

  it('refuses a kind it does not know (nothing written)', async () => {
    await expect(alerts.raise({ ...lowBalance('node-c', '1'), kind: 'weather' as never })).rejects.toThrow(/agent_alert_kind_known/);
    expect((await alerts.open()).some((a) => a.subjectId === 'node-c')).toBe(false);
  });
});
