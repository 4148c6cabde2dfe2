import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

import { frame, FrameDecoder, Iso8583Codec, type LeniencyLabels, type LeniencyWarning, registerSpec, specFromDefinition } from '@payments/iso8583';

import { HostLink } from './host-link';

// A host whose dialect allows bytes after the last field (and a '-' in DE 39, which it does not send here).
registerSpec(
  specFromDefinition({ name: 'lenient-test-host', extends: 'iso87ascii', lenient: ['trailing-bytes'], fields: { 39: { lenient: ['non-alphanumeric'] } } }),
);

const strict = Iso8583Codec.forSpec('iso87ascii');

/** A host that answers every 0200 with a 0210 followed by two bytes the strict layout refuses. */
function paddingHost(): Promise<Server> {
  const server = createServer((socket: Socket) => {
    const decoder = new FrameDecoder('binary2');
    socket.on('data', (chunk) => {
      for (const bytes of decoder.push(chunk)) {
        const request = strict.decode(bytes);
        const answer = strict.encode({ mti: '0210', fields: { ...request.fields, 38: 'A1B2C3', 39: '00' } });
        socket.write(frame(Buffer.concat([answer, Buffer.from('\r\n', 'latin1')]), 'binary2'));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe(`${HostLink.name} with a lenient acquirer dialect`, () => {
  let server: Server;
  let sut: HostLink | undefined;

  beforeAll(async () => {
    server = await paddingHost();
  });
  afterEach(async () => {
    await sut?.close();
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const purchase = { mti: '0200', fields: { 3: '000000', 4: '000000001234', 7: '1122054730', 11: '000777', 41: 'TERM0001', 49: '417' } };

  it('reads an answer the strict layout refuses, says which rule let it through and counts it, never echoing a value', async () => {
    const warnings: LeniencyWarning[][] = [];
    const counted: LeniencyLabels[] = [];
    const port = (server.address() as AddressInfo).port;
    sut = new HostLink({
      host: '127.0.0.1',
      port,
      spec: 'lenient-test-host',
      header: 'binary2',
      responseTimeoutMs: 1_000,
      connectTimeoutMs: 1_000,
      onLenientFields: (w) => warnings.push([...w]),
      leniencyMetric: { inc: (labels) => counted.push(labels) },
    });
    await sut.connect();
    const response = await sut.send(purchase);
    expect(response.fields[39]).toBe('00');
    expect(warnings).toEqual([[expect.objectContaining({ spec: 'lenient-test-host', field: null, rule: 'trailing-bytes' })]]);
    expect(counted).toEqual([{ spec: 'lenient-test-host', field: 'message', rule: 'trailing-bytes' }]);
  });

  it('times out on the same answer where the dialect is strict: the frame is refused, never half read', async () => {
    const port = (server.address() as AddressInfo).port;
    const errors: Error[] = [];
    sut = new HostLink({
      host: '127.0.0.1',
      port,
      spec: 'iso87ascii',
      header: 'binary2',
      responseTimeoutMs: 300,
      connectTimeoutMs: 1_000,
      onProtocolError: (e) => errors.push(e),
    });
    await sut.connect();
    await expect(sut.send({ ...purchase, fields: { ...purchase.fields, 11: '000778' } })).rejects.toThrow(/no response/);
    expect(errors).toHaveLength(1);
  });
});
