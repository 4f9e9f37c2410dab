// LEGACY_PROTOCOL_ENABLED (info): SSL 2.0 / SSL 3.0 / TLS 1.0 / TLS 1.1 explicitly enabled
// (Enabled ≠ 0) in SCHANNEL. Not a connectivity problem; worth knowing.
import type { Evidence } from '../report';
import { normalizeProtocol } from '../parse/tls-assessment';
import type { Rule } from './rule';

export const legacyProtocolEnabled: Rule = {
  code: 'LEGACY_PROTOCOL_ENABLED',
  run: (ctx) => {
    const keys = ctx.tls.legacyEnabled;
    if (keys.length === 0) return [];
    const protocols: string[] = [];
    for (const k of keys) if (!protocols.includes(k.protocol)) protocols.push(k.protocol);
    const names = new Set(protocols.map(normalizeProtocol));
    const evidence: Evidence[] = [];
    for (const v of ctx.log.tls.values) {
      if (v.name !== 'enabled' || v.value === 0 || !names.has(normalizeProtocol(v.protocol))) continue;
      if (evidence.length < 8 && !evidence.some((e) => e.line === v.line)) evidence.push({ line: v.line, text: v.text });
    }
    return [
      {
        code: 'LEGACY_PROTOCOL_ENABLED',
        severity: 'info',
        params: { protocols: protocols.join(', ') },
        evidence: evidence.sort((a, b) => a.line - b.line),
      },
    ];
  },
};
