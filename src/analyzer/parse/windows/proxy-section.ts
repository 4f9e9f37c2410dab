// The "Proxy check" block of the Windows log: WinInet settings per context (current user,
// NT Authority\System, NT Service\AzureWLBackupPluginSv) and `netsh winhttp show proxy` (English /
// Japanese). Binary DefaultConnectionSettings / SavedLegacySettings values are skipped, including
// their continuation lines when the blob contained line breaks.
import type { ProxyContextName } from '../../report';
import { addContextEvidence, type ProxyObservation } from '../model';
import { isSeparator, keyOf, splitList, trimLine, valueOf } from '../text';

export type WinInetContext = Extract<ProxyContextName, 'current-user' | 'system' | 'workload-plugin'>;

/** Which WinInet context a header line names ("WinInet settings for NT Authority\System (…)"). */
export function contextOfHeader(l: string): WinInetContext | undefined {
  const paren = l.indexOf('(');
  const head = paren === -1 ? l : l.slice(0, paren);
  if (head.includes('azurewlbackupplugin') || head.includes('nt service')) return 'workload-plugin';
  if (head.includes('current user') || head.includes('currentuser') || head.includes('hkcu')) return 'current-user';
  if (head.includes('system') || head.includes('s-1-5-18')) return 'system';
  return undefined;
}

export function isWinInetHeader(l: string): boolean {
  return l.includes('wininet') && (l.includes('settings') || l.includes('proxy'));
}

function isNoneValue(v: string): boolean {
  const l = v.toLowerCase();
  return l === '' || l === '(none)' || l === 'none' || l === '(なし)' || l === 'なし';
}

/** Reads WinInet lines for one context at a time; `blob` swallows binary continuation lines. */
export class WinInetReader {
  current: WinInetContext | undefined;
  private blob = false;

  constructor(private readonly contexts: Record<WinInetContext, ProxyObservation>) {}

  /** A header line: switches context. */
  header(lineNo: number, t: string, l: string): void {
    const ctx = contextOfHeader(l);
    this.blob = false;
    if (!ctx) {
      this.current = undefined;
      return;
    }
    const obs = this.contexts[ctx];
    addContextEvidence(obs, lineNo, t);
    if (l.includes('not found') || l.includes('見つかりません')) {
      obs.found = false;
      obs.notFound = true;
      this.current = undefined;
    } else {
      obs.found = true;
      this.current = ctx;
    }
  }

  /** True while the previous lines were a binary blob value (its continuation lines are ignored). */
  inBlob(): boolean {
    return this.blob;
  }

  /** A line inside the current context. Returns true when it was consumed. */
  line(lineNo: number, t: string): boolean {
    if (t.length === 0 || isSeparator(t)) {
      this.blob = false;
      if (t.length > 0) this.current = undefined;
      return t.length > 0;
    }
    const ctx = this.current;
    const key = keyOf(t);
    if (key === 'proxyenable' || key === 'proxyserver' || key === 'proxyoverride' || key === 'autoconfigurl') {
      this.blob = false;
      if (!ctx) return true;
      const obs = this.contexts[ctx];
      const v = valueOf(t);
      if (key === 'proxyenable') {
        const n = Number(v.toLowerCase().startsWith('0x') ? parseInt(v.slice(2), 16) : Number.parseInt(v, 10));
        obs.enabled = Number.isFinite(n) && n !== 0;
        addContextEvidence(obs, lineNo, t);
      } else if (key === 'proxyserver') {
        obs.server = v === '' ? null : v;
        if (v !== '') addContextEvidence(obs, lineNo, t);
      } else if (key === 'proxyoverride') {
        obs.bypass = splitList(v, ';');
        if (v !== '') addContextEvidence(obs, lineNo, t);
      }
      return true;
    }
    if (key === 'defaultconnectionsettings' || key === 'savedlegacysettings') {
      this.blob = true;
      return true;
    }
    return this.blob;
  }

  /** An error while reading the current context (access denied, key missing). */
  unreadable(lineNo: number, t: string, denied: boolean): WinInetContext | undefined {
    const ctx = this.current;
    if (!ctx) return undefined;
    const obs = this.contexts[ctx];
    obs.found = false;
    if (denied) obs.denied = true;
    else obs.notFound = true; // "Cannot find path … because it does not exist": no settings
    addContextEvidence(obs, lineNo, t);
    return ctx;
  }
}

/** `netsh winhttp show proxy` output, English or Japanese. */
export class WinHttpReader {
  constructor(private readonly obs: ProxyObservation) {}

  /** Returns true when the line was WinHTTP output. */
  line(lineNo: number, t: string, l: string): boolean {
    if (t.length === 0) return false;
    if (l.includes('direct access') || t.includes('直接アクセス')) {
      this.obs.found = true;
      this.obs.enabled = false;
      this.obs.server = null;
      addContextEvidence(this.obs, lineNo, t);
      return true;
    }
    if ((l.includes('winhttp') && (l.includes('settings') || l.includes('設定'))) || t.includes('WinHTTP プロキシ設定')) {
      this.obs.found = true;
      addContextEvidence(this.obs, lineNo, t);
      return true;
    }
    const key = keyOf(t);
    if (key.startsWith('proxyserver') || key.startsWith('プロキシサーバー') || key.startsWith('プロキシサーバ')) {
      const v = valueOf(t);
      this.obs.found = true;
      this.obs.server = isNoneValue(v) ? null : v;
      this.obs.enabled = this.obs.server !== null;
      addContextEvidence(this.obs, lineNo, t);
      return true;
    }
    if (key.startsWith('bypasslist') || key.startsWith('バイパス')) {
      const v = trimLine(valueOf(t));
      this.obs.bypass = isNoneValue(v) ? [] : splitList(v, ';');
      addContextEvidence(this.obs, lineNo, t);
      return true;
    }
    return false;
  }
}
