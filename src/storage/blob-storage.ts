// botbuilder `Storage` on Azure Blob Storage (one JSON blob per key), with the same contract as
// SqliteStorage so several bot instances can share state:
// - read returns each item with the blob's ETag as `eTag`;
// - write with a specific eTag is a conditional upload (If-Match): a stale eTag rejects with
//   "eTag conflict" and changes nothing; '*' or no eTag is an unconditional upsert;
// - claim(key, value) is create-only (If-None-Match: *): exactly one of N concurrent claims wins;
//   an expired claim is taken over with If-Match on the expired version, so two late claimers
//   cannot both win either.
// Not atomic across keys (Blob has no multi-blob transaction): a multi-key write checks every
// eTag first, then writes; a race between the check and the write can still leave earlier keys
// written. Callers that need all-or-nothing write one key.
import type { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import type { StoreItems } from 'botbuilder';
import { createHash } from 'node:crypto';
import { StorageConflictError, type ClaimableStorage } from './sqlite-storage';

const EXPIRES_META = 'expiresat';
const MAX_NAME = 900;

export interface BlobStorageOptions {
  /** `BlobServiceClient.fromConnectionString(AZURE_STORAGE_CONNECTION_STRING, {retryOptions})` */
  service: BlobServiceClient;
  container: string;
  now?: () => number;
}

/** A RestError from the SDK, by shape: importing the class would load @azure/storage-blob (~0.2 s) at every start. */
function isStatus(err: unknown, ...codes: number[]): boolean {
  const e = err as { name?: unknown; statusCode?: unknown } | null;
  return e !== null && typeof e === 'object' && e.name === 'RestError' && typeof e.statusCode === 'number' && codes.includes(e.statusCode);
}

/** Any key → a valid, reversible-enough blob name (encoded; very long keys end in a hash). */
export function blobNameFor(key: string): string {
  const encoded = encodeURIComponent(key).replace(/\./g, '%2E');
  if (encoded.length <= MAX_NAME) return encoded;
  return `${encoded.slice(0, MAX_NAME - 44)}~${createHash('sha256').update(key).digest('base64url')}`;
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export class BlobStorage implements ClaimableStorage {
  private readonly container: ContainerClient;
  private readonly now: () => number;
  private ready: Promise<void> | undefined;

  constructor(options: BlobStorageOptions) {
    if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(options.container)) {
      throw new Error(`BlobStorage: "${options.container}" is not a valid container name (3-63 lower-case letters, digits, single hyphens)`);
    }
    this.container = options.service.getContainerClient(options.container);
    this.now = options.now ?? Date.now;
  }

  /** Creates the container once (first use); safe to call concurrently and from every instance. */
  private ensureContainer(): Promise<void> {
    this.ready ??= this.container.createIfNotExists().then(
      () => undefined,
      (err: unknown) => {
        this.ready = undefined; // retry on the next call
        throw err;
      },
    );
    return this.ready;
  }

  private blob(key: string) {
    return this.container.getBlockBlobClient(blobNameFor(key));
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when reading');
    await this.ensureContainer();
    const now = this.now();
    const found = await Promise.all(
      keys.map(async (key): Promise<[string, Record<string, unknown>] | undefined> => {
        try {
          // one GET: body, ETag and metadata of the same version (two calls could pair an old
          // body with a newer ETag and let a stale write through)
          const res = await this.blob(key).download();
          const buf = await readAll(res.readableStreamBody);
          const expires = Number(res.metadata?.[EXPIRES_META]);
          if (Number.isFinite(expires) && expires <= now) return undefined;
          const value = JSON.parse(buf.toString('utf8')) as Record<string, unknown>;
          return [key, { ...value, eTag: res.etag }];
        } catch (err) {
          if (isStatus(err, 404)) return undefined;
          throw err;
        }
      }),
    );
    const items: StoreItems = {};
    for (const entry of found) if (entry) items[entry[0]] = entry[1];
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (changes === null || typeof changes !== 'object') throw new TypeError('Changes are required when writing');
    await this.ensureContainer();
    const entries = Object.entries(changes).map(([key, item]) => {
      const { eTag, ...rest } = (item ?? {}) as { eTag?: unknown } & Record<string, unknown>;
      const conditional = typeof eTag === 'string' && eTag !== '*' && eTag !== '';
      return { key, body: JSON.stringify(rest), eTag: conditional ? eTag : undefined };
    });
    // Check every eTag before writing anything: a stale one fails the whole write up front.
    await Promise.all(
      entries.map(async (e) => {
        if (e.eTag === undefined) return;
        try {
          const props = await this.blob(e.key).getProperties();
          if (props.etag !== e.eTag) throw new StorageConflictError(e.key);
        } catch (err) {
          if (isStatus(err, 404)) throw new StorageConflictError(e.key);
          throw err;
        }
      }),
    );
    for (const e of entries) {
      try {
        await this.blob(e.key).upload(e.body, Buffer.byteLength(e.body), {
          blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
          ...(e.eTag !== undefined ? { conditions: { ifMatch: e.eTag } } : {}),
        });
      } catch (err) {
        if (isStatus(err, 412, 404)) throw new StorageConflictError(e.key);
        throw err;
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting');
    await this.ensureContainer();
    await Promise.all(keys.map((key) => this.blob(key).deleteIfExists()));
  }

  async claim(key: string, value: Record<string, unknown>, options: { expiresAt?: Date } = {}): Promise<boolean> {
    await this.ensureContainer();
    const body = JSON.stringify(value);
    const upload = (conditions: { ifNoneMatch: string } | { ifMatch: string }) =>
      this.blob(key).upload(body, Buffer.byteLength(body), {
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
        metadata: options.expiresAt ? { [EXPIRES_META]: String(options.expiresAt.getTime()) } : {},
        conditions,
      });
    try {
      await upload({ ifNoneMatch: '*' });
      return true;
    } catch (err) {
      if (!isStatus(err, 409, 412)) throw err;
    }
    // It exists: take it over only if it is an expired claim, and only the version we looked at.
    let etag: string | undefined;
    try {
      const props = await this.blob(key).getProperties();
      const expires = Number(props.metadata?.[EXPIRES_META]);
      if (!(Number.isFinite(expires) && expires <= this.now())) return false;
      etag = props.etag;
    } catch (err) {
      if (isStatus(err, 404)) return this.claim(key, value, options); // deleted meanwhile: try again
      throw err;
    }
    if (!etag) return false;
    try {
      await upload({ ifMatch: etag });
      return true;
    } catch (err) {
      if (isStatus(err, 409, 412)) return false;
      throw err;
    }
  }

  /** Deletes expired claims (dedupe keys and the like); returns how many. */
  async purgeExpired(): Promise<number> {
    await this.ensureContainer();
    const now = this.now();
    let removed = 0;
    for await (const item of this.container.listBlobsFlat({ includeMetadata: true })) {
      const expires = Number(item.metadata?.[EXPIRES_META]);
      if (!(Number.isFinite(expires) && expires <= now)) continue;
      try {
        // only the expired version: a fresh claim written since then stays
        await this.container.getBlobClient(item.name).delete({ conditions: { ifMatch: item.properties.etag } });
        removed++;
      } catch (err) {
        if (!isStatus(err, 404, 412)) throw err;
      }
    }
    return removed;
  }
}
