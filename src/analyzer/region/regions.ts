// Region lookup (ARM id, geo code, display name, Japanese name) and the endpoints a machine must
// reach for a vault in that region. Pure data + string normalisation; no I/O.
import type { Service } from '../report';
import { JAPANESE_REGION_NAMES, PAIRED_GEO_CODES, PRIMARY_GEO_ROWS, type AzureCloud } from './geo-codes';

export type { AzureCloud } from './geo-codes';

export interface RegionEntry {
  /** ARM location, e.g. "japaneast" */
  id: string;
  displayName: string;
  /** primary Azure Backup geo code, e.g. "jpe" */
  geo: string;
  /** which cloud the region belongs to (decides the DNS suffixes) */
  cloud?: AzureCloud;
  /** set when the query matched a paired ("…r") code: the code as given */
  pairedCode?: string;
}

export interface RequiredEndpoint {
  host: string;
  port: number;
  service: Service;
  /** why the machine needs it, as an id (azure-backup, file-recovery, azure-storage, entra-id) */
  purpose: string;
  /** an id for a caveat: `sovereign-cloud` (non-public DNS suffix), `suffix-unconfirmed` */
  note?: string;
}

interface CloudSuffixes {
  backup: string;
  blob: string;
  queue: string;
  /** managed-disk / blob.storage.azure.net-style storage; null when not known for this cloud */
  diskBlob: string | null;
  login: readonly string[];
  confirmed: boolean;
}

const CLOUD_SUFFIXES: Readonly<Record<AzureCloud, CloudSuffixes>> = {
  public: {
    backup: 'backup.windowsazure.com', blob: 'blob.core.windows.net', queue: 'queue.core.windows.net',
    diskBlob: 'blob.storage.azure.net', login: ['login.microsoft.com', 'login.microsoftonline.com', 'login.windows.net'],
    confirmed: true,
  },
  usgov: {
    backup: 'backup.windowsazure.us', blob: 'blob.core.usgovcloudapi.net', queue: 'queue.core.usgovcloudapi.net',
    diskBlob: null, login: ['login.microsoftonline.us'], confirmed: true,
  },
  china: {
    backup: 'backup.windowsazure.cn', blob: 'blob.core.chinacloudapi.cn', queue: 'queue.core.chinacloudapi.cn',
    diskBlob: null, login: ['login.chinacloudapi.cn'], confirmed: true,
  },
  germany: {
    backup: 'backup.windowsazure.de', blob: 'blob.core.cloudapi.de', queue: 'queue.core.cloudapi.de',
    diskBlob: null, login: ['login.microsoftonline.de'], confirmed: true,
  },
  // Air-gapped clouds: their suffixes are not public; the public forms are shown with a caveat.
  usnat: {
    backup: 'backup.windowsazure.com', blob: 'blob.core.windows.net', queue: 'queue.core.windows.net',
    diskBlob: 'blob.storage.azure.net', login: ['login.microsoftonline.com'], confirmed: false,
  },
  ussec: {
    backup: 'backup.windowsazure.com', blob: 'blob.core.windows.net', queue: 'queue.core.windows.net',
    diskBlob: 'blob.storage.azure.net', login: ['login.microsoftonline.com'], confirmed: false,
  },
};

const REGIONS: readonly RegionEntry[] = PRIMARY_GEO_ROWS.map(([displayName, id, geo, cloud]) => ({ id, displayName, geo, cloud }));
const BY_ID = new Map<string, RegionEntry>(REGIONS.map((r) => [r.id, r]));
const BY_GEO = new Map<string, RegionEntry>(REGIONS.map((r) => [r.geo, r]));
const BY_NAME = new Map<string, RegionEntry>(REGIONS.map((r) => [normalizeQuery(r.displayName), r]));

/** lower-case, NFKC (full-width → ASCII), spaces / hyphens / underscores / dots removed */
/** How a region query is compared: NFKC, lower case, no spaces, hyphens, underscores or dots. */
export function normalizeQuery(q: string): string {
  const s = q.normalize('NFKC').toLowerCase();
  let out = '';
  for (const c of s) {
    if (c === ' ' || c === '-' || c === '_' || c === '.' || c === '\t') continue;
    out += c;
  }
  return out;
}

/** Every primary region, in table order (a fresh array each call). */
export function listRegions(): RegionEntry[] {
  return REGIONS.map((r) => ({ ...r }));
}

/**
 * A region from what a user typed: ARM id (`japaneast`), geo code (`jpe`, `JPE`), display name
 * (`Japan East`, any spacing/case), a paired code (`jper` → Japan West, with `pairedCode` set), or
 * a Japanese name for the Japan regions (`東日本`, `西日本`). Undefined when nothing matches.
 */
export function findRegion(query: string): RegionEntry | undefined {
  if (typeof query !== 'string') return undefined;
  const trimmed = query.trim();
  if (trimmed.length === 0 || trimmed.length > 100) return undefined;
  const q = normalizeQuery(trimmed);
  const direct = BY_ID.get(q) ?? BY_GEO.get(q) ?? BY_NAME.get(q);
  if (direct) return { ...direct };
  const paired = PAIRED_GEO_CODES[q];
  if (paired !== undefined) {
    const r = BY_ID.get(paired);
    if (r) return { ...r, pairedCode: q };
  }
  const ja = JAPANESE_REGION_NAMES[q];
  if (ja !== undefined) {
    const r = BY_ID.get(ja);
    if (r) return { ...r };
  }
  return undefined;
}

/** Region for a geo code read from an FQDN (primary or paired), case-insensitive. */
export function regionForGeoCode(code: string): RegionEntry | undefined {
  const c = code.toLowerCase();
  const direct = BY_GEO.get(c);
  if (direct) return direct;
  const paired = PAIRED_GEO_CODES[c];
  return paired === undefined ? undefined : BY_ID.get(paired);
}

/**
 * The FQDNs and ports a machine protected by a vault in `region` must reach (Azure Backup, file
 * recovery incl. iSCSI 3260, Azure Storage wildcards, Microsoft Entra ID). Sovereign clouds get
 * their own suffixes and a `note`.
 */
export function requiredEndpointsForRegion(region: RegionEntry): RequiredEndpoint[] {
  const known = BY_ID.get(region.id) ?? BY_GEO.get(region.geo);
  const geo = (known?.geo ?? region.geo).toLowerCase();
  const cloud: AzureCloud = region.cloud ?? known?.cloud ?? 'public';
  const sfx = CLOUD_SUFFIXES[cloud];
  const note = !sfx.confirmed ? 'suffix-unconfirmed' : cloud !== 'public' ? 'sovereign-cloud' : undefined;
  const withNote = (e: RequiredEndpoint): RequiredEndpoint => (note === undefined ? e : { ...e, note });
  const out: RequiredEndpoint[] = [
    { host: `pod01-manag1.${geo}.${sfx.backup}`, port: 443, service: 'azure-backup', purpose: 'azure-backup' },
    { host: `pod01-prot1.${geo}.${sfx.backup}`, port: 443, service: 'azure-backup', purpose: 'azure-backup' },
    { host: `pod01-rec2.${geo}.${sfx.backup}`, port: 443, service: 'file-recovery', purpose: 'file-recovery' },
    { host: `pod01-rec2.${geo}.${sfx.backup}`, port: 3260, service: 'file-recovery', purpose: 'file-recovery' },
    { host: `*.${sfx.blob}`, port: 443, service: 'azure-storage', purpose: 'azure-storage' },
    { host: `*.${sfx.queue}`, port: 443, service: 'azure-storage', purpose: 'azure-storage' },
  ];
  if (sfx.diskBlob !== null) out.push({ host: `*.${sfx.diskBlob}`, port: 443, service: 'azure-storage', purpose: 'azure-storage' });
  for (const login of sfx.login) out.push({ host: login, port: 443, service: 'entra-id', purpose: 'entra-id' });
  return out.map(withNote);
}

/**
 * The region a sentence names by its id, display name or Japanese name ("東日本リージョンで必要な
 * 通信要件は?", "what do I open for Japan East?"), or undefined. Geo codes are not taken from
 * free text: two-letter codes are ordinary words ("we", "ne"). Linear in the sentence (at most
 * three adjacent words are joined) plus one substring search per Japanese name.
 */
export function findRegionNamedIn(sentence: string): RegionEntry | undefined {
  if (typeof sentence !== 'string' || sentence.length > 500) return undefined;
  const text = sentence.normalize('NFKC').toLowerCase();
  let best: { at: number; length: number; id: string } | undefined;
  for (const [name, id] of Object.entries(JAPANESE_REGION_NAMES)) {
    const at = text.indexOf(name);
    if (at !== -1 && (best === undefined || at < best.at || (at === best.at && name.length > best.length))) best = { at, length: name.length, id };
  }
  if (best !== undefined) {
    const r = BY_ID.get(best.id);
    if (r) return { ...r };
  }
  const words: string[] = [];
  let word = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) word += c;
    else if (word !== '') {
      words.push(word);
      word = '';
    }
  }
  if (word !== '') words.push(word);
  // longest first: "east us 2" before "east us"
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(3, words.length - i); n >= 1; n--) {
      const q = words.slice(i, i + n).join('');
      const r = BY_ID.get(q) ?? BY_NAME.get(q);
      if (r) return { ...r };
    }
  }
  return undefined;
}
