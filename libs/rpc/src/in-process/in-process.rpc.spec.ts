import { describeRpcContract } from '../testing/rpc.contract';
import { InProcessRpc } from './in-process.rpc';

describe(InProcessRpc.name, () => {
  describeRpcContract('InProcessRpc', async (register) => {
    const rpc = new InProcessRpc();
    register(rpc);
    await rpc.start();
    return { client: rpc, close: () => rpc.stop() };
  });
});
