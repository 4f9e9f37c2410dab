// The TLS CHECK block: SCHANNEL\Protocols keys printed as one-row tables under `Hive:` parents,
// values both in the Property column (`Enabled : 1`) and as three lines (tab / name / value),
// plus the Get-ItemProperty object form (`Enabled : 1` … `PSPath : …\TLS 1.2\Client`).
import type { TlsKey } from '../../report';
import { evidence, pushEvidence } from '../text';
import { colonIndex, keyOf, parseRegNumber, tokens, trimLine, valueOf } from '../text';
import type { TlsObservation } from '../model';

type Side = 'Client' | 'Server';
type ValueName = 'enabled' | 'disabledbydefault';

function sideOf(word: string): Side | undefined {
  const w = word.toLowerCase();
  if (w === 'client') return 'Client';
  if (w === 'server') return 'Server';
  return undefined;
}

function valueNameOf(word: string): ValueName | undefined {
  const w = word.toLowerCase();
  return w === 'enabled' || w === 'disabledbydefault' ? w : undefined;
}

/** `…\SCHANNEL\Protocols\TLS 1.2\Client` → protocol "TLS 1.2", side Client. */
export function protocolPath(path: string): { protocol?: string; side?: Side } {
  const l = path.toLowerCase();
  const i = l.lastIndexOf('protocols');
  if (i === -1) return {};
  const rest = path.slice(i + 'protocols'.length);
  const parts = rest.split('\\').map((p) => trimLine(p)).filter((p) => p.length > 0);
  const out: { protocol?: string; side?: Side } = {};
  if (parts[0] !== undefined) out.protocol = parts[0];
  if (parts[1] !== undefined) {
    const s = sideOf(parts[1]);
    if (s) out.side = s;
  }
  return out;
}

export function isProtocolName(t: string): boolean {
  const l = t.toLowerCase();
  return l.startsWith('ssl ') || l.startsWith('tls ') || l.startsWith('pct ') || l.startsWith('multi-protocol') || l.startsWith('dtls ');
}

export class TlsReader {
  private protocol: string | undefined;
  private side: Side | undefined;
  private pendingName: ValueName | undefined;
  /** Get-ItemProperty form: values come before their PSPath */
  private pending: Array<[ValueName, number, number]> = [];
  private objectMode = false;

  constructor(private readonly obs: TlsObservation) {}

  private key(protocol: string, side: Side, line: number): TlsKey {
    for (const k of this.obs.keys) if (k.protocol === protocol && k.side === side) return k;
    const k: TlsKey = { protocol, side, line };
    if (this.obs.keys.length < 64) this.obs.keys.push(k);
    return k;
  }

  private set(name: ValueName, value: number, line: number, text: string): void {
    if (this.protocol === undefined || this.side === undefined || this.objectMode) {
      if (this.pending.length < 16) this.pending.push([name, value, line]);
      return;
    }
    const k = this.key(this.protocol, this.side, line);
    if (name === 'enabled') k.enabled = value;
    else k.disabledByDefault = value;
    if (this.obs.values.length < 128) {
      this.obs.values.push({ protocol: this.protocol, side: this.side, name, value, line, text: evidence(line, text).text });
    }
    pushEvidence(this.obs.evidence, evidence(line, text), 16);
  }

  line(lineNo: number, t: string, l: string): void {
    if (t.length === 0) return;
    if (l.startsWith('hive:') || l.startsWith('hive ')) {
      const p = protocolPath(valueOf(t));
      this.protocol = p.protocol;
      this.side = p.side;
      this.pendingName = undefined;
      this.objectMode = false;
      this.pending = [];
      return;
    }
    if (l === '-foregroundcolor' || l === 'yellow' || l.startsWith('----') || (l.startsWith('name') && l.includes('property'))) return;
    const key = keyOf(t);
    if (key === 'pspath' || key === 'psparentpath') {
      const p = protocolPath(valueOf(t));
      if (key === 'pspath' && p.protocol !== undefined && p.side !== undefined) {
        this.objectMode = false;
        this.protocol = p.protocol;
        this.side = p.side;
        const pending = this.pending;
        this.pending = [];
        for (const [name, value, line] of pending) this.set(name, value, line, t);
        this.objectMode = true;
      }
      return;
    }
    if (key === 'pschildname' || key === 'psdrive' || key === 'psprovider') return;
    const toks = tokens(t, 4);
    const first = toks[0] ?? '';
    const side = sideOf(first);
    if (side && (toks.length === 1 || colonIndex(t) !== -1)) {
      // table row "Client   DisabledByDefault : 1" (or just "Client")
      this.side = side;
      this.objectMode = false;
      if (this.protocol === undefined) return;
      const rest = trimLine(t.slice(t.indexOf(first) + first.length));
      if (rest) this.property(lineNo, rest, t);
      return;
    }
    if (this.protocol === undefined && isProtocolName(t)) {
      if (this.obs.protocolsListed.length < 16 && !this.obs.protocolsListed.includes(t)) this.obs.protocolsListed.push(t);
      return;
    }
    if (colonIndex(t) !== -1) {
      this.property(lineNo, t, t);
      return;
    }
    const name = valueNameOf(t);
    if (name) {
      this.pendingName = name;
      return;
    }
    if (this.pendingName !== undefined) {
      const v = parseRegNumber(t);
      if (v !== undefined) this.set(this.pendingName, v, lineNo, t);
      this.pendingName = undefined;
    }
  }

  private property(lineNo: number, prop: string, text: string): void {
    const name = valueNameOf(keyOf(prop));
    if (!name) return;
    const v = parseRegNumber(valueOf(prop));
    if (v !== undefined) this.set(name, v, lineNo, text);
  }
}
