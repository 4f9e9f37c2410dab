// In-memory botbuilder Storage with eTags and create-only claim (the same contract as
// SqliteStorage), plus hooks to inject faults. Every call yields to the event loop first, so
// concurrent callers interleave the way they do against a real store.
import type { StoreItems } from 'botbuilder';

export class MemoryClaimStorage {
  readonly items = new Map<string, { json: string; eTag: string }>();
  private counter = 0;
  /** called before each write; throw to inject a failure */
  beforeWrite?: (changes: StoreItems) => void;
  writes = 0;

  async read(keys: string[]): Promise<StoreItems> {
    await tick();
    const out: StoreItems = {};
    for (const key of keys) {
      const item = this.items.get(key);
      if (item) out[key] = { ...(JSON.parse(item.json) as object), eTag: item.eTag };
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    await tick();
    this.beforeWrite?.(changes);
    for (const [key, value] of Object.entries(changes)) {
      const eTag = (value as { eTag?: string }).eTag;
      const current = this.items.get(key);
      if (typeof eTag === 'string' && eTag !== '*' && eTag !== '' && (!current || current.eTag !== eTag)) {
        const err = new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        err.name = 'StorageConflictError';
        throw err;
      }
    }
    for (const [key, value] of Object.entries(changes)) {
      const { eTag: _e, ...rest } = value as { eTag?: string };
      this.items.set(key, { json: JSON.stringify(rest), eTag: String(++this.counter) });
      this.writes++;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await tick();
    for (const key of keys) this.items.delete(key);
  }

  async claim(key: string, value: Record<string, unknown>): Promise<boolean> {
    await tick();
    if (this.items.has(key)) return false;
    const { eTag: _e, ...rest } = value as { eTag?: string };
    this.items.set(key, { json: JSON.stringify(rest), eTag: String(++this.counter) });
    return true;
  }
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
