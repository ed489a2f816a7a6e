import type { AppConfig } from '@fairtender/config';
import type { EventToAppend, EventStore } from '@fairtender/event-store';
import { Clock } from '../runtime/clock';
import { SandboxClock } from './sandbox-clock';

const actor = { userId: 'officer-alice', organisationId: 'council', role: 'officer' as const };

function sandbox(nodeEnv: string) {
  const appended: { stream: string; events: EventToAppend[] }[] = [];
  const store = {
    append: async (stream: string, events: EventToAppend[]) => {
      appended.push({ stream, events });
      return { nextRevision: 0, position: { commit: 1n, prepare: 1n } };
    },
    readStream: async () => [],
  } as unknown as EventStore;
  const clock = new Clock();
  return {
    clock,
    appended,
    sandbox: new SandboxClock(clock, { nodeEnv } as AppConfig, store),
  };
}

describe('the sandbox clock', () => {
  it('moves forward only after recording SandboxClockMoved on sandbox-clock', async () => {
    const { clock, appended, sandbox: subject } = sandbox('development');
    const before = clock.now().getTime();
    const moved = await subject.move(actor, { seconds: 3600 });
    expect(appended).toHaveLength(1);
    expect(appended[0].stream).toBe('sandbox-clock');
    expect(appended[0].events[0]).toMatchObject({
      type: 'SandboxClockMoved',
      version: 1,
      metadata: { actor },
    });
    expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(3600_000);
    expect(moved.position).toBe('1-1');
    await expect(subject.move(actor, { to: '2001-01-01T00:00:00Z' })).rejects.toMatchObject({
      code: 'CLOCK_NOT_FORWARD',
    });
  });

  it('is refused in production, writing nothing', async () => {
    const { appended, sandbox: subject } = sandbox('production');
    expect(() => subject.read()).toThrow(expect.objectContaining({ code: 'SANDBOX_DISABLED' }));
    await expect(subject.move(actor, { seconds: 60 })).rejects.toMatchObject({
      status: 403,
      code: 'SANDBOX_DISABLED',
    });
    expect(appended).toEqual([]);
  });
});
