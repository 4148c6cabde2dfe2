// For other libraries' and apps' tests.
export { describeRpcContract, RICH_REPORT, type RpcFactory, type RpcUnderTest } from './rpc.contract';
