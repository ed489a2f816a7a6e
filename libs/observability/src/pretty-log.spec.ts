import { prettyLogLine } from './pretty-log';

describe('readable development log lines', () => {
  const time = Date.parse('2026-12-02T18:20:01.123Z');

  it('time, level, context and message on one line, extra fields after it', () => {
    const line = JSON.stringify({
      level: 30,
      time,
      pid: 1,
      hostname: 'h',
      context: 'Database',
      msg: 'schema up to date',
      store: 'embedded',
    });
    expect(prettyLogLine(line)).toBe(
      '18:20:01.123 INFO  [Database] schema up to date  store=embedded',
    );
  });

  it('a request is one line naming its id, not its headers', () => {
    const line = JSON.stringify({
      level: 30,
      time,
      req: { id: 'r-1', method: 'GET', url: '/notices', headers: { accept: '*/*' } },
      res: { statusCode: 200 },
      responseTime: 4,
      msg: 'GET /notices 200 4 ms',
    });
    expect(prettyLogLine(line)).toBe('18:20:01.123 INFO  GET /notices 200 4 ms  request=r-1');
  });

  it('an error shows its stack below the line', () => {
    const line = JSON.stringify({
      level: 50,
      time,
      msg: 'failed',
      err: { stack: 'Error: x\n  at y' },
    });
    expect(prettyLogLine(line)).toBe('18:20:01.123 ERROR failed\nError: x\n  at y');
  });

  it('a line that is not JSON passes through', () => {
    expect(prettyLogLine('plain text\n')).toBe('plain text');
  });
});
