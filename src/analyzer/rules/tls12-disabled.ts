// TLS12_DISABLED (error): SCHANNEL has TLS 1.2 turned off (`TLS 1.2\Client` or `\Server` with
// Enabled = 0 or DisabledByDefault = 1). Azure Backup registration and backups can fail.
import type { Evidence } from '../report';
import { isTls12Off, normalizeProtocol } from '../parse/tls-assessment';
import type { Rule } from './rule';

const NAMES = { enabled: 'Enabled', disabledbydefault: 'DisabledByDefault' } as const;

export const tls12Disabled: Rule = {
  code: 'TLS12_DISABLED',
  run: (ctx) => {
    const keys = ctx.tls.disabledKeys;
    if (keys.length === 0) return [];
    const sides: string[] = [];
    for (const k of keys) if (!sides.includes(k.side)) sides.push(k.side);
    const values: string[] = [];
    const evidence: Evidence[] = [];
    for (const v of ctx.log.tls.values) {
      if (normalizeProtocol(v.protocol) !== 'tls1.2') continue;
      const off = v.name === 'enabled' ? v.value === 0 : v.value !== 0;
      if (!off || !keys.some((k) => k.side === v.side && isTls12Off(k))) continue;
      const label = `${v.side} ${NAMES[v.name]}=${v.value}`;
      if (!values.includes(label)) values.push(label);
      if (evidence.length < 8 && !evidence.some((e) => e.line === v.line)) evidence.push({ line: v.line, text: v.text });
    }
    return [
      {
        code: 'TLS12_DISABLED',
        severity: 'error',
        params: { side: sides.join(', '), values: values.join(', ') },
        evidence: evidence.sort((a, b) => a.line - b.line),
      },
    ];
  },
};
