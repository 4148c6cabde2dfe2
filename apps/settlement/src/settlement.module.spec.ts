import { SettlementModule } from './settlement.module';

describe(SettlementModule.name, () => {
  it('does not boot with a posting mapping file it cannot use, naming the file', () => {
    expect(() => SettlementModule.forRoot({ SETTLEMENT_POSTING_MAPPING_FILE: 'no-such-mapping.json' })).toThrow(
      'posting mapping no-such-mapping.json is invalid:\n  (root): cannot be read or parsed as JSON: ENOENT',
    );
  });

  it('boots with the shipped example mapping when none is configured', () => {
    expect(SettlementModule.forRoot({}).module).toBe(SettlementModule);
  });
});
