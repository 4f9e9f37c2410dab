// Chooses the bot's botbuilder Storage: STORAGE=sqlite (default, embedded under DATA_DIR) or
// STORAGE=azure-blob (AZURE_STORAGE_CONNECTION_STRING + AZURE_STORAGE_CONTAINER), which is what
// lets several instances behind one Azure Bot share state, dedupe claims and the outbox.
import type * as StorageBlob from '@azure/storage-blob';
import { BlobStorage } from './blob-storage';
import type { SqliteDatabase } from './sqlite-database';
import { SqliteStorage, type ClaimableStorage } from './sqlite-storage';

export type StorageKind = 'sqlite' | 'azure-blob';

export const DEFAULT_BLOB_CONTAINER = 'nwcheck-bot';

export type StorageSettings =
  | { kind: 'sqlite'; db: SqliteDatabase; now?: () => number }
  | { kind: 'azure-blob'; connectionString: string; container?: string; now?: () => number; maxTries?: number };

export interface CreatedStorage {
  storage: ClaimableStorage;
  kind: StorageKind;
  /** removes expired claims (dedupe keys); run daily */
  purgeExpired(): Promise<number>;
  /** for logs: never the connection string */
  describe: string;
}

export class StorageConfigError extends Error {
  override readonly name = 'StorageConfigError';
}

/** STORAGE / AZURE_STORAGE_* → settings problems (for the config loader's list). */
export function checkStorageEnv(env: { STORAGE?: string; AZURE_STORAGE_CONNECTION_STRING?: string; AZURE_STORAGE_CONTAINER?: string }): string[] {
  const problems: string[] = [];
  const kind = (env.STORAGE ?? 'sqlite').trim() || 'sqlite';
  if (kind !== 'sqlite' && kind !== 'azure-blob') problems.push(`STORAGE: "${kind}" must be sqlite or azure-blob`);
  if (kind === 'azure-blob' && !env.AZURE_STORAGE_CONNECTION_STRING?.trim()) {
    problems.push('AZURE_STORAGE_CONNECTION_STRING is required when STORAGE=azure-blob');
  }
  const container = env.AZURE_STORAGE_CONTAINER?.trim();
  if (container && !/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
    problems.push(`AZURE_STORAGE_CONTAINER: "${container}" is not a valid container name (3-63 lower-case letters, digits, single hyphens)`);
  }
  return problems;
}

export function createStorage(settings: StorageSettings): CreatedStorage {
  if (settings.kind === 'sqlite') {
    const storage = new SqliteStorage(settings.db, settings.now ? { now: settings.now } : {});
    return { storage, kind: 'sqlite', purgeExpired: () => Promise.resolve(storage.purgeExpired()), describe: 'sqlite' };
  }
  if (!settings.connectionString.trim()) throw new StorageConfigError('AZURE_STORAGE_CONNECTION_STRING is empty');
  // loaded only when Blob storage is chosen: @azure/storage-blob adds ~0.2 s to every start
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { BlobServiceClient } = require('@azure/storage-blob') as typeof StorageBlob;
  let service: StorageBlob.BlobServiceClient;
  try {
    service = BlobServiceClient.fromConnectionString(settings.connectionString, {
      // a turn waits on the store: fail within about a second when it is unreachable (the bot then
      // answers without it, R11) instead of the SDK's default 4 s, 8 s, 16 s backoff
      retryOptions: { maxTries: settings.maxTries ?? 3, tryTimeoutInMs: 10_000, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 },
    });
  } catch {
    throw new StorageConfigError('AZURE_STORAGE_CONNECTION_STRING could not be parsed');
  }
  const container = settings.container ?? DEFAULT_BLOB_CONTAINER;
  const storage = new BlobStorage({ service, container, ...(settings.now ? { now: settings.now } : {}) });
  return { storage, kind: 'azure-blob', purgeExpired: () => storage.purgeExpired(), describe: `azure-blob ${service.accountName}/${container}` };
}
