// Per-user settings kept in the botbuilder Storage (so any Storage with eTags works, SQLite or
// Blob). Writes are read-modify-write with the eTag, retried on conflict: two devices changing
// settings at once do not overwrite each other's other fields.
import type { Storage } from 'botbuilder';
import type { UserPreferences } from '../bot/bot-services';
import { isLang, type Lang } from '../i18n/lang';

interface PrefsItem {
  lang?: Lang;
  eTag?: string;
}

const MAX_ATTEMPTS = 5;

export function userPreferencesKey(tenantId: string, userId: string): string {
  return `user-prefs/${tenantId}/${userId}`;
}

export class StorageUserPreferences implements UserPreferences {
  constructor(private readonly storage: Storage) {}

  async getLanguage(tenantId: string, userId: string): Promise<Lang | undefined> {
    const key = userPreferencesKey(tenantId, userId);
    const item = (await this.storage.read([key]))[key] as PrefsItem | undefined;
    return isLang(item?.lang) ? item.lang : undefined;
  }

  async setLanguage(tenantId: string, userId: string, lang: Lang): Promise<void> {
    const key = userPreferencesKey(tenantId, userId);
    for (let attempt = 1; ; attempt++) {
      const current = ((await this.storage.read([key]))[key] as PrefsItem | undefined) ?? {};
      try {
        await this.storage.write({ [key]: { ...current, lang } });
        return;
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !/eTag conflict/i.test(String(err))) throw err;
      }
    }
  }
}
