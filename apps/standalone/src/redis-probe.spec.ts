import { createServer, type Server } from 'node:net';
import { planScheduler, redisAnswers } from './redis-probe';

/** A TCP server that answers each PING with `reply`. */
async function fakeRedis(reply: string): Promise<{ url: string; server: Server }> {
  const server = createServer((socket) => socket.on('data', () => socket.write(reply)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `redis://127.0.0.1:${port}`, server };
}

/** A port nothing listens on: one just opened and closed again. */
async function closedPort(): Promise<string> {
  const { url, server } = await fakeRedis('');
  await new Promise((resolve) => server.close(resolve));
  return url;
}

describe('the standalone scheduler joins when Redis answers', () => {
  it('a PONG is an answer; a refused connection or NOAUTH is not', async () => {
    const pong = await fakeRedis('+PONG\r\n');
    const noauth = await fakeRedis('-NOAUTH Authentication required.\r\n');
    try {
      expect(await redisAnswers(pong.url)).toBe(true);
      expect(await redisAnswers(noauth.url)).toBe(false);
      expect(await redisAnswers(await closedPort())).toBe(false);
    } finally {
      pong.server.close();
      noauth.server.close();
    }
  });

  it('REDIS_URL set runs on it; unset asks the default; empty says none', async () => {
    const pong = await fakeRedis('+PONG\r\n');
    const closed = await closedPort();
    try {
      expect(await planScheduler({ REDIS_URL: closed }, pong.url)).toEqual({
        run: true,
        redisUrl: closed,
        found: 'configured',
      });
      expect(await planScheduler({}, pong.url)).toEqual({
        run: true,
        redisUrl: pong.url,
        found: 'default',
      });
      expect(await planScheduler({}, closed)).toEqual({
        run: false,
        reason: `no Redis answers at ${closed}`,
      });
      expect(await planScheduler({ REDIS_URL: '' }, pong.url)).toEqual({
        run: false,
        reason: 'REDIS_URL is set to nothing',
      });
    } finally {
      pong.server.close();
    }
  });
});
