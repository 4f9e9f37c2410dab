// TLS 1.2 state from the SCHANNEL keys and the Windows version (report-contract.md: disabled when
// Enabled = 0 or DisabledByDefault = 1; absent → OS default on 2012 R2+, unknown on 2012, disabled
// on 2008 R2 and older).
import type { Tls12State, TlsKey } from '../report';
import type { TlsObservation } from './model';
import { compareNt } from './windows/windows-version';

export type OsTlsClass = 'legacy' | 'nt62' | 'modern' | 'unknown';

export interface TlsAssessment {
  tls12: Tls12State;
  /** TLS 1.2 keys with a value that turns it off */
  disabledKeys: TlsKey[];
  /** SSL 3.0 / TLS 1.0 / TLS 1.1 (and SSL 2.0) keys explicitly enabled */
  legacyEnabled: TlsKey[];
  /** no TLS 1.2 key with values */
  absent: boolean;
  /** the log ended inside the TLS section before the TLS 1.2 key's place: its absence proves nothing */
  cut: boolean;
  osClass: OsTlsClass;
}

export function normalizeProtocol(p: string): string {
  return p.toLowerCase().replace(/\s/g, '');
}

const LEGACY = new Set(['ssl2.0', 'ssl3.0', 'tls1.0', 'tls1.1']);

export function isTls12Off(k: TlsKey): boolean {
  return k.enabled === 0 || (k.disabledByDefault !== undefined && k.disabledByDefault !== 0);
}

export function osTlsClass(osVersion: string | undefined): OsTlsClass {
  if (osVersion === undefined) return 'unknown';
  if (compareNt(osVersion, 6, 1) <= 0) return 'legacy';
  if (compareNt(osVersion, 6, 2) === 0) return 'nt62';
  return 'modern';
}

export function assessTls(tls: TlsObservation, osVersion: string | undefined, windows: boolean, complete = true): TlsAssessment {
  const osClass = osTlsClass(osVersion);
  const keys12 = tls.keys.filter((k) => normalizeProtocol(k.protocol) === 'tls1.2' && (k.enabled !== undefined || k.disabledByDefault !== undefined));
  const disabledKeys = keys12.filter(isTls12Off);
  const legacyEnabled = tls.keys.filter((k) => LEGACY.has(normalizeProtocol(k.protocol)) && k.enabled !== undefined && k.enabled !== 0);
  // before 2012 R2 the client side must be switched on explicitly: a Server key alone leaves the
  // agent's (client) TLS 1.2 as unconfigured as no key at all
  const legacyOs = osClass === 'legacy' || osClass === 'nt62';
  const absent = legacyOs ? !keys12.some((k) => k.side === 'Client') : keys12.length === 0;
  // keys print in name order (… TLS 1.1, TLS 1.2, TLS 1.3): an interrupted log that shows none at or
  // after TLS 1.2 may have stopped before it
  const cut = !complete && absent && !tls.keys.some((k) => normalizeProtocol(k.protocol) >= 'tls1.2');
  let tls12: Tls12State = 'unknown';
  if (!windows || !tls.sectionFound || cut) tls12 = 'unknown';
  else if (disabledKeys.length > 0) tls12 = 'disabled';
  else if (!absent) tls12 = 'enabled';
  else if (osClass === 'legacy') tls12 = 'disabled';
  else if (osClass === 'modern') tls12 = 'os-default';
  return { tls12, disabledKeys, legacyEnabled, absent, cut, osClass };
}
