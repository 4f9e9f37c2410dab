// The smallest well-formed report, for storage tests: stores keep reports whole, whatever is in them.
import type { Report } from '../../src/analyzer';

export function minimalReport(host: string): Report {
  return {
    schemaVersion: 1,
    source: { kind: 'linux-backup', complete: true, encoding: 'utf-8', host, lineCount: 1 },
    overall: 'ok',
    endpoints: [],
    proxy: { configured: false, contexts: [] },
    tls: { tls12: 'unknown', keys: [], sectionFound: false },
    findings: [],
    region: { geoCodes: [], regions: [], displayNames: [] },
    missingChecks: [],
  };
}
