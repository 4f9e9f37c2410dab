// Site Recovery's own proxy setting (the Mobility service's ProxyInfo.conf: `[proxy]`,
// `Address=`, `Port=`, `BypassList=`; or the provider's ProxyAddress / ProxyPort / BypassUrls).
import { addContextEvidence, type ProxyObservation } from './model';
import { splitList, trimLine } from './text';

/** A line that announces the ASR proxy configuration. */
export function isAsrProxyHeading(l: string): boolean {
  if (l.includes('proxyinfo.conf')) return true;
  // values (URLs, key: value lines) are not headings
  if (!l.includes('proxy') || l.includes('://') || l.startsWith('proxy') || l.length > 160) return false;
  if (l.includes('site recovery') || l.includes('mobility service')) return true;
  // the word "ASR" (not ASR_Check_NW file names)
  const i = l.indexOf('asr');
  if (i === -1) return false;
  const before = i === 0 ? ' ' : (l[i - 1] as string);
  const after = i + 3 >= l.length ? ' ' : (l[i + 3] as string);
  return !/[a-z0-9_]/.test(before) && !/[a-z0-9_]/.test(after);
}

function isNotFound(l: string, t: string): boolean {
  return l.includes('no such file') || l.includes('cannot find') || l.includes('not found') || l.includes('does not exist') || t.includes('見つかりません') || t.includes('存在しません');
}

export class AsrProxyReader {
  private address = '';
  private port = '';

  constructor(private readonly ctx: ProxyObservation) {}

  start(lineNo: number, t: string): void {
    this.ctx.found = !isNotFound(t.toLowerCase(), t);
    addContextEvidence(this.ctx, lineNo, t);
  }

  /** The configuration could not be read (access denied). */
  denied(lineNo: number, t: string): void {
    this.ctx.found = false;
    this.ctx.denied = true;
    addContextEvidence(this.ctx, lineNo, t);
  }

  /** Returns false when the line is not part of the ASR proxy block (the caller leaves the section). */
  line(lineNo: number, t: string, l: string): boolean {
    if (t.length === 0 || t === '[proxy]' || l === '[proxy]') return true;
    if (isNotFound(l, t)) {
      this.ctx.found = false;
      addContextEvidence(this.ctx, lineNo, t);
      return true;
    }
    let sep = t.indexOf('=');
    const colon = t.indexOf(':');
    if (sep === -1 || (colon !== -1 && colon < sep)) sep = colon;
    if (sep <= 0 || sep > 60) return false;
    const key = t.slice(0, sep).replace(/\s/g, '').toLowerCase();
    const value = trimLine(t.slice(sep + 1));
    if (key.includes('bypass')) {
      this.ctx.bypass = splitList(value, ';,');
    } else if (key.includes('port')) {
      this.port = value;
    } else if (key.includes('address') || key.includes('server') || key === 'proxy' || key === 'url') {
      this.address = value;
    } else if (key.includes('user') || key.includes('password') || key.includes('enable')) {
      // credentials / switches: not needed
    } else {
      return false;
    }
    addContextEvidence(this.ctx, lineNo, t);
    this.update();
    return true;
  }

  private update(): void {
    if (!this.address) {
      this.ctx.enabled = false;
      this.ctx.server = null;
      return;
    }
    const afterScheme = this.address.includes('://') ? this.address.slice(this.address.indexOf('://') + 3) : this.address;
    const hasPort = afterScheme.includes(':');
    this.ctx.server = this.port && !hasPort ? `${this.address}:${this.port}` : this.address;
    this.ctx.enabled = true;
  }
}
