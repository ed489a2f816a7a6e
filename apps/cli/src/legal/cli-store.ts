import { hostname, userInfo } from 'node:os';
import { findDemoUser } from '@fairtender/auth';
import { loadConfig } from '@fairtender/config';
import type { Actor } from '@fairtender/domain';
import {
  createEventStoreDbEventStore,
  migrate,
  openSqlClient,
  SqlEventStore,
  type EventStore,
  type SqlClient,
} from '@fairtender/event-store';
import { LegalReplay, ReplayError, type ReplayCaller } from '@fairtender/legal';
import { CliError, type CliIo } from '../cli-io';
import { exitFor } from '../exit-codes';

/** The configured event store and the SQL database beside it, opened for one command. */
export interface CliStore {
  store: EventStore;
  client: SqlClient;
  /** Whether events live in the SQL database (not in EventStoreDB). */
  eventsInSql: boolean;
  close(): Promise<void>;
}

export async function openCliStore(io: CliIo): Promise<CliStore> {
  const config = loadConfig(io.env);
  const client = await openSqlClient(config.eventStore);
  try {
    await migrate(client);
  } catch (error) {
    await client.close();
    throw error;
  }
  const settings = config.eventStore;
  const store =
    settings.kind === 'eventstoredb'
      ? await createEventStoreDbEventStore({ connectionString: settings.connectionString })
      : new SqlEventStore(client, { closeClient: false });
  return {
    store,
    client,
    eventsInSql: settings.kind !== 'eventstoredb',
    close: async () => {
      await store.close();
      await client.close();
    },
  };
}

/**
 * Who the command line records as looking. The CLI holds database credentials, so it cannot prove
 * who runs it: `--as` names the person (a demo user keeps its organisation and role; anyone else is
 * recorded as an auditor of organisation "cli"), and without it the operating-system user is
 * recorded as `cli:<user>`. The correlation id names the host and process.
 */
export function cliCaller(as: string | undefined): ReplayCaller {
  const actor: Actor = (as && findDemoUser(as)) || {
    userId: as ?? `cli:${safeUserName()}`,
    organisationId: 'cli',
    role: 'auditor',
  };
  return { actor: { ...actor }, correlationId: `cli:${hostname()}:${process.pid}` };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function cliReplay(store: EventStore): LegalReplay {
  return new LegalReplay(store, { via: 'cli' });
}

/** Runs a command against the configured store; replay refusals become one-line messages. */
export async function withStore<T>(io: CliIo, work: (opened: CliStore) => Promise<T>): Promise<T> {
  const opened = await openCliStore(io);
  try {
    return await explained(() => work(opened));
  } finally {
    await opened.close();
  }
}

export async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReplayError) {
      const { code } = exitFor(error);
      throw new CliError(`${error.code}: ${error.message}`, code);
    }
    throw error;
  }
}

export const AS_OPTION = [
  '--as <userId>',
  'who is looking, recorded with the look (default: cli:<your OS user>)',
] as const;
