// Site Recovery's own proxy setting (the Mobility service's ProxyInfo.conf: `[proxy]`,
// `Address=`, `Port=`, `BypassList=`; or the provider's ProxyAddress / ProxyPort / BypassUrls).
import { addContextEvidence, type ProxyObservation } from './model';
import { splitList, trimLine } from './text';

/** A line that announces the ASR proxy configuration. */
export function isAsrProxyHeading(l: string): boolean {
  return l.includes('proxyinfo.conf') || (l.includes('site recovery') && l.includes('proxy'));
}

export class AsrProxyReader {
  private address = '';
  private port = '';

  constructor(private readonly ctx: ProxyObservation) {}

  start(lineNo: number, t: string): void {
    this.ctx.found = true;
    addContextEvidence(this.ctx, lineNo, t);
  }

  /** Returns false when the line is not part of the ASR proxy block (the caller leaves the section). */
  line(lineNo: number, t: string, l: string): boolean {
    if (t.length === 0 || t === '[proxy]' || l === '[proxy]') return true;
    if (l.includes('no such file') || l.includes('cannot find') || l.includes('not found') || t.includes('見つかりません') || t.includes('存在しません')) {
      this.ctx.found = false;
      addContextEvidence(this.ctx, lineNo, t);
      return true;
    }
    let sep = t.indexOf('=');
    if (sep === -1) sep = t.indexOf(':');
    if (sep <= 0) return false;
    const key = t.slice(0, sep).replace(/\s/g, '').toLowerCase();
    const value = trimLine(t.slice(sep + 1));
    if (key === 'address' || key === 'proxyaddress' || key === 'proxyserver' || key === 'proxy') {
      this.address = value;
    } else if (key === 'port' || key === 'proxyport') {
      this.port = value;
    } else if (key === 'bypasslist' || key === 'bypassurls' || key === 'bypass') {
      this.ctx.bypass = splitList(value, ';,');
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
