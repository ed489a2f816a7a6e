/* eslint-disable @typescript-eslint/no-explicit-any -- log lines are JSON the test inspects */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import { requestLogging } from './observability.module';

/** One request through pino-http with the app's options; the lines it wrote. */
async function logLinesOf(
  headers: Record<string, string>,
  path = '/tenders/t-1/bid?x=1',
): Promise<Record<string, any>[]> {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const logger = pinoHttp(requestLogging('info'), stream);
  const server = createServer((request, response) => {
    logger(request, response);
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await (await fetch(`http://127.0.0.1:${port}${path}`, { headers })).text();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return lines;
}

describe('request logging', () => {
  it('says which request a line is about, without its headers', async () => {
    const [line] = await logLinesOf({ authorization: 'Bearer secret', 'x-other': 'y' });
    expect(line.msg).toBe('request completed');
    expect(line.req).toEqual({
      id: expect.anything(),
      method: 'GET',
      url: '/tenders/t-1/bid?x=1',
      remoteAddress: '127.0.0.1',
    });
    expect(JSON.stringify(line)).not.toContain('secret');
  });

  it('never writes out a page link, which reads the page as its issuer', async () => {
    const [line] = await logLinesOf(
      {},
      '/pages/tenders/t-1/timeline?link=ftl1.claims.signature&x=1',
    );
    expect(line.req.url).toBe('/pages/tenders/t-1/timeline?link=[redacted]&x=1');
    expect(JSON.stringify(line)).not.toContain('ftl1');
  });
});
