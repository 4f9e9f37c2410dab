// Synthetic reports for escalation tests (the analyzer lands separately): a realistic failing
// run, and a huge hostile one that forces the engineers' card to cut the summary.
import { SCHEMA_VERSION, type Endpoint, type Finding, type Report } from '../../../src/analyzer/report';

function endpoint(host: string, failed: boolean): Endpoint {
  return {
    host,
    port: 443,
    service: host.includes('blob') ? 'azure-storage' : host.includes('login') ? 'entra-id' : 'azure-backup',
    dns: failed ? 'failed' : 'resolved',
    addresses: failed ? [] : ['20.191.160.1'],
    tcp: failed ? 'failed' : 'ok',
    http: failed ? 'failed' : 'ok',
    ...(failed ? { httpCause: 'dns' as const, httpDetail: 'The remote name could not be resolved' } : {}),
    verdict: failed ? 'failed' : 'ok',
    evidence: [{ line: 12, text: `Test-NetConnection ${host} -Port 443` }],
  };
}

export function sampleReport(): Report {
  const endpoints = [
    endpoint('pod01-manag1.jpe.backup.windowsazure.com', true),
    endpoint('pod01-prot1.jpe.backup.windowsazure.com', false),
    endpoint('jpestorage.blob.core.windows.net', true),
    endpoint('login.microsoftonline.com', false),
  ];
  const findings: Finding[] = [
    { code: 'DNS_RESOLUTION_FAILED', severity: 'error', endpoint: 'pod01-manag1.jpe.backup.windowsazure.com', port: 443, params: { host: 'pod01-manag1.jpe.backup.windowsazure.com' }, evidence: [{ line: 40, text: 'DNS name does not exist' }] },
    { code: 'PROXY_NOT_SET_FOR_SYSTEM', severity: 'warning', evidence: [{ line: 80, text: 'WinHTTP: Direct access (no proxy server).' }] },
  ];
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { kind: 'windows-backup', complete: true, encoding: 'utf-8-bom', fileName: 'AzureBackup_Check_NW_APP-WEB03.log', host: 'APP-WEB03', os: 'Windows Server 2022', osVersion: '10.0.20348', startedAt: '2024-03-12T16:41:05', lineCount: 258 },
    overall: 'action-required',
    endpoints,
    proxy: { configured: false, contexts: [{ context: 'winhttp', found: true, enabled: false, server: null, bypass: [], evidence: [] }] },
    tls: { tls12: 'os-default', keys: [], sectionFound: true },
    findings,
    region: { geoCodes: ['jpe'], regions: ['japaneast'], displayNames: ['Japan East'] },
    missingChecks: [],
  };
}

/** Thousands of long hostile endpoints and findings: the summary must be cut to fit. */
export function hugeReport(): Report {
  const base = sampleReport();
  const endpoints: Endpoint[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < 3000; i++) {
    const host = `[x](https://evil.example/${i}) \${secret} **bold** host-${i}-${'a'.repeat(120)}.blob.core.windows.net`;
    endpoints.push(endpoint(host, true));
    findings.push({ code: 'TCP_CONNECT_FAILED', severity: 'error', endpoint: host, port: 443, params: { host }, evidence: [{ line: i, text: host }] });
  }
  return { ...base, endpoints, findings };
}
