import { loadSettlementFilesEnv } from './config/settlement-files-env';
import { withLayoutsChecked } from './settlement-files.wiring';

const withLayout = (layout: string) =>
  withLayoutsChecked(loadSettlementFilesEnv({ SETTLEMENT_FILES: JSON.stringify({ 'acq-a': { layout, delivery: { kind: 'folder', path: '/srv/out' } } }) }));

describe(withLayoutsChecked.name, () => {
  it('takes a shipped layout by its name', () => {
    expect(withLayout('acquirer-transactions-fixed').SETTLEMENT_FILES['acq-a'].layout).toBe('acquirer-transactions-fixed');
  });

  it('stops the boot on a layout that is neither shipped nor a file, naming the acquirer', () => {
    expect(() => withLayout('acquirer-transactions-xml')).toThrow(
      'SETTLEMENT_FILES of acquirer "acq-a": layout "acquirer-transactions-xml" is neither shipped (acquirer-transactions-csv, acquirer-transactions-fixed, journal-entries-csv) nor a file',
    );
  });
});
