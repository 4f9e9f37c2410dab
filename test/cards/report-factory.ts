// Reports for card tests: from the fixture logs through the real analyzer, and synthetic ones
// (a realistic one, a hostile one, a huge one) for the cases no fixture has.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBytes } from '../../src/analyzer';
import {
  FINDING_CODES,
  SCHEMA_VERSION,
  type Endpoint,
  type Finding,
  type FindingCode,
  type ProxyContext,
  type Report,
  type Severity,
} from '../../src/analyzer/report';

export const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'logs');

export interface FixtureReport {
  name: string;
  report: Report;
  /** "analyzer" when analyzeBytes produced it, "expected" when built from <log>.expected.json */
  from: 'analyzer' | 'expected';
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => !f.endsWith('.expected.json') && !f.startsWith('.'))
    .sort();
}

/** Severity each code has in the report contract (the one used when a fixture names only codes). */
export const CODE_SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  DNS_RESOLUTION_FAILED: 'error',
  TCP_CONNECT_FAILED: 'error',
  HTTP_CONNECT_FAILED: 'error',
  HTTP_TIMEOUT: 'error',
  PROXY_AUTH_REQUIRED: 'error',
  TLS_TRUST_FAILED: 'error',
  TLS_CHANNEL_FAILED: 'error',
  HTTP_INCONCLUSIVE: 'warning',
  HTTP_IE_ENGINE_UNAVAILABLE: 'info',
  TCP_TEST_BYPASSES_PROXY: 'info',
  PROXY_PATH_NOT_TESTED: 'warning',
  PROXY_NOT_SET_FOR_SYSTEM: 'warning',
  PROXY_BYPASS_AZURE: 'info',
  PRIVATE_ENDPOINT_SUSPECTED: 'warning',
  REGION_SPECIFIC_FQDN: 'info',
  TLS12_DISABLED: 'error',
  TLS12_OS_DEFAULT: 'info',
  TLS12_NOT_CONFIGURED_LEGACY_OS: 'error',
  LEGACY_PROTOCOL_ENABLED: 'info',
  LOG_INCOMPLETE: 'warning',
  NOT_ELEVATED: 'warning',
  UNRECOGNIZED_LOG: 'error',
};

/**
 * Every fixture as a report: through analyzeBytes when the analyzer can read it, else (the
 * analyzer not landed yet, or failing) from the fixture's expected subset, so the card tests
 * always cover every fixture.
 */
export async function fixtureReports(): Promise<FixtureReport[]> {
  const out: FixtureReport[] = [];
  for (const name of fixtureNames()) {
    const bytes = readFileSync(join(FIXTURE_DIR, name));
    try {
      const outcome = await analyzeBytes(bytes, { fileName: name });
      if (outcome.kind === 'reports') {
        outcome.reports.forEach((report, i) => out.push({ name: outcome.reports.length > 1 ? `${name}#${i}` : name, report, from: 'analyzer' }));
        continue;
      }
    } catch {
      // fall through to the expected file
    }
    out.push({ name, report: reportFromExpected(name), from: 'expected' });
  }
  return out;
}

type ExpectedEndpoint = Partial<Endpoint> & { host: string; port: number };
interface Expected {
  source?: Partial<Report['source']>;
  overall?: Report['overall'];
  proxy?: { configured?: boolean };
  tls?: { tls12?: Report['tls']['tls12'] };
  endpoints?: ExpectedEndpoint[];
  proxyContexts?: Partial<ProxyContext>[];
  codes?: FindingCode[];
}

export function reportFromExpected(name: string): Report {
  const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), 'utf8')) as Expected;
  const endpoints: Endpoint[] = (expected.endpoints ?? []).map((e, i) => ({
    service: 'other',
    dns: 'unknown',
    addresses: [],
    tcp: 'not-tested',
    http: 'not-tested',
    verdict: 'inconclusive',
    ...e,
    evidence: [{ line: 40 + i * 3, text: `Result of tnc - ${e.port} / ${e.host} TcpTestSucceeded: ${e.tcp === 'ok' ? 'True' : 'False'}` }],
  }));
  const failed = endpoints.filter((e) => e.verdict === 'failed');
  const findings: Finding[] = (expected.codes ?? []).map((code, i) => {
    const about = failed[i % Math.max(1, failed.length)];
    const endpointCode = ['DNS_RESOLUTION_FAILED', 'TCP_CONNECT_FAILED', 'HTTP_CONNECT_FAILED', 'HTTP_TIMEOUT', 'TLS_CHANNEL_FAILED'].includes(code);
    return {
      code,
      severity: CODE_SEVERITY[code] ?? 'info',
      ...(endpointCode && about ? { endpoint: about.host, port: about.port } : {}),
      params: {},
      evidence: about ? about.evidence : [{ line: 3, text: 'synthetic evidence line' }],
    };
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    source: { kind: 'unknown', complete: true, encoding: 'utf-8', fileName: name, lineCount: 100, ...expected.source },
    overall: expected.overall ?? 'inconclusive',
    endpoints,
    proxy: {
      configured: expected.proxy?.configured ?? false,
      contexts: (expected.proxyContexts ?? []).map((c) => ({
        context: 'current-user',
        found: true,
        enabled: false,
        server: null,
        bypass: [],
        evidence: [],
        ...c,
      })),
    },
    tls: { tls12: expected.tls?.tls12 ?? 'unknown', keys: [], sectionFound: expected.tls !== undefined },
    findings,
    region: { geoCodes: ['jpe'], regions: ['japaneast'], displayNames: ['Japan East'] },
    missingChecks: [],
  };
}

function endpoint(host: string, port: number, over: Partial<Endpoint> = {}): Endpoint {
  return {
    host,
    port,
    service: 'azure-backup',
    dns: 'resolved',
    addresses: ['20.191.166.134'],
    tcp: 'ok',
    http: 'ok',
    verdict: 'ok',
    evidence: [{ line: 57, text: `Result of tnc - ${port} / ${host} TcpTestSucceeded: True` }],
    ...over,
  };
}

/** A realistic Windows report with something in every section, every finding code once. */
export function sampleReport(): Report {
  const endpoints: Endpoint[] = [
    endpoint('pod01-manag1.jpe.backup.windowsazure.com', 443),
    endpoint('pod01-prot1.jpe.backup.windowsazure.com', 443),
    endpoint('jpewatcab01.blob.core.windows.net', 443, {
      service: 'azure-storage',
      tcp: 'failed',
      http: 'failed',
      httpDetail: 'Unable to connect to the remote server',
      httpCause: 'connect',
      verdict: 'failed',
    }),
    endpoint('login.microsoftonline.com', 443, { service: 'entra-id', dns: 'failed', addresses: [], tcp: 'failed', http: 'failed', verdict: 'failed' }),
    endpoint('pod01-rec2.jpe.backup.windowsazure.com', 3260, { service: 'file-recovery', http: 'not-tested' }),
    endpoint('md-c0kzrtq5wb3x.z33.blob.storage.azure.net', 443, {
      service: 'azure-storage',
      http: 'inconclusive',
      httpDetail: 'The remote server returned an error: (999) Strange.',
      verdict: 'inconclusive',
    }),
  ];
  const findings: Finding[] = FINDING_CODES.map((code, i) => ({
    code,
    severity: CODE_SEVERITY[code],
    ...(i < 7 ? { endpoint: 'jpewatcab01.blob.core.windows.net', port: 443 } : {}),
    params: {},
    evidence: [
      { line: 88 + i, text: 'Invoke-WebRequest : Unable to connect to the remote server' },
      { line: 90 + i, text: '    + CategoryInfo          : InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-WebRequest], WebException' },
    ],
  }));
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      kind: 'windows-backup',
      complete: true,
      encoding: 'utf-8-bom',
      fileName: 'AzureBackup_Check_NW_20240219.log',
      host: 'JPEFS01',
      os: 'Windows Server 2022 Datacenter',
      osVersion: '10.0.20348',
      startedAt: '2024-02-19T10:14:33',
      archive: 'logs.zip',
      archiveEntry: 'AzureBackup_Check_NW_20240219.log',
      lineCount: 420,
    },
    overall: 'action-required',
    endpoints,
    proxy: {
      configured: true,
      contexts: [
        { context: 'current-user', found: true, enabled: true, server: 'http://10.2.0.16:8080', bypass: ['localhost', '*.backup.windowsazure.com', '<local>'], evidence: [] },
        { context: 'system', found: true, enabled: false, server: null, bypass: [], evidence: [] },
        { context: 'workload-plugin', found: false, enabled: false, server: null, bypass: [], evidence: [] },
        { context: 'winhttp', found: true, enabled: false, server: null, bypass: [], evidence: [] },
      ],
    },
    tls: { tls12: 'os-default', keys: [], sectionFound: true },
    findings,
    region: { geoCodes: ['jpe', 'jpw'], regions: ['japaneast', 'japanwest'], displayNames: ['Japan East', 'Japan West'] },
    missingChecks: [],
  };
}

/** Text that must stay inert on a card: markdown, links, template syntax, controls, bidi. */
export const HOSTILE_STRINGS = [
  '[x](https://evil.example/phish)',
  '**b** __u__ _i_ ~~s~~',
  '# h\n## h2\n- list\n1. one',
  '${secret}',
  '${$root.secret}',
  '$data',
  '$when',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  'ctl\u0000\u0007\u001b[31mred\u001b[0m\u007f\u0085',
  'bidi \u202Egnp.exe\u202C \u2066iso\u2069',
  '{{TEAMS_APP_ID}} {count}',
  '<at>everyone</at>',
];
export const SECRET = 'SECRET-VALUE-MUST-NOT-APPEAR';

export function hostileReport(): Report {
  const base = sampleReport();
  const longHost = `${'a'.repeat(10_000)}.blob.core.windows.net`;
  const h = (i: number): string => HOSTILE_STRINGS[i % HOSTILE_STRINGS.length] as string;
  const endpoints = HOSTILE_STRINGS.map((s, i) =>
    endpoint(`${s}.example`, 443, { verdict: i % 2 ? 'failed' : 'inconclusive', tcp: 'failed', http: 'failed', httpDetail: h(i + 1), addresses: [h(i + 2)] }),
  );
  endpoints.push(endpoint(longHost, 443, { verdict: 'failed', tcp: 'failed', httpDetail: 'x'.repeat(10_000) }));
  const findings: Finding[] = base.findings.map((f, i) => ({
    ...f,
    endpoint: i === 0 ? longHost : h(i),
    params: { host: h(i), service: h(i + 1), region: h(i + 2), missing: h(i + 3), regions: h(i + 4), contexts: h(i + 5), server: h(i + 6) },
    evidence: [
      { line: 1, text: h(i) },
      { line: 2, text: 'y'.repeat(10_000) },
      { line: 3, text: '${secret}' },
    ],
  }));
  return {
    ...base,
    source: {
      ...base.source,
      host: h(0),
      os: h(1),
      fileName: h(2),
      archive: h(3),
      archiveEntry: h(4),
      startedAt: h(5),
      osVersion: h(6),
    },
    endpoints,
    proxy: {
      configured: true,
      contexts: [
        { context: 'current-user', found: true, enabled: true, server: h(0), bypass: HOSTILE_STRINGS.slice(), evidence: [] },
        { context: 'system', found: true, enabled: true, server: longHost, bypass: [longHost], evidence: [] },
      ],
    },
    findings,
    region: { geoCodes: [h(7)], regions: [h(8)], displayNames: [h(0), h(3)] },
  };
}

/** n endpoints (a third failed) and n findings (spread over the severities). */
export function hugeReport(n: number): Report {
  const base = sampleReport();
  const endpoints: Endpoint[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const host = `pod${String(i).padStart(5, '0')}-manag1.jpe.backup.windowsazure.com`;
    const failed = i % 3 === 0;
    endpoints.push(
      endpoint(host, 443, failed ? { verdict: 'failed', tcp: 'failed', http: 'failed', httpDetail: 'Unable to connect to the remote server' } : {}),
    );
    const code = FINDING_CODES[i % FINDING_CODES.length] as FindingCode;
    findings.push({ code, severity: CODE_SEVERITY[code], endpoint: host, port: 443, params: {}, evidence: [{ line: i + 1, text: `line ${i}` }] });
  }
  return { ...base, endpoints, findings };
}

/** Three Entra ID hosts failing TCP and the web request, proxy findings per context (as win-en-system-proxy.log). */
export const GROUPED_HOSTS = ['login.microsoft.com', 'login.microsoftonline.com', 'login.windows.net'] as const;

export function groupedReport(): Report {
  const base = sampleReport();
  const endpoints: Endpoint[] = GROUPED_HOSTS.map((host, i) =>
    endpoint(host, 443, {
      service: 'entra-id',
      addresses: [`20.190.141.${32 + i}`],
      tcp: 'failed',
      http: 'failed',
      httpDetail: 'Unable to connect to the remote server',
      httpCause: 'connect',
      verdict: 'failed',
    }),
  );
  const perHost = (code: FindingCode, host: string, i: number, line: number): Finding => ({
    code,
    severity: 'error',
    endpoint: host,
    port: 443,
    params: { host, port: '443', service: 'entra-id', detail: i === 2 ? 'The operation has timed out' : 'Unable to connect to the remote server', addresses: `20.190.141.${32 + i}` },
    evidence: [
      { line, text: `WARNING: TCP connect to (20.190.141.${32 + i} : 443) failed` },
      { line: line + 2, text: `Result of tnc - 443 / from 10.2.0.21 /To URL  ${host} IPaddress 20.190.141.${32 + i} / TcpTestSucceeded: False` },
    ],
  });
  const proxy = (code: FindingCode, severity: Severity, context: string, params: Record<string, string>, line: number): Finding => ({
    code,
    severity,
    params: { context, ...params },
    evidence: [{ line, text: `ProxyServer: ${params.server ?? '10.2.0.16:8080'}` }],
  });
  const findings: Finding[] = [
    // an info first: the card still shows errors, then warnings, then infos
    { code: 'REGION_SPECIFIC_FQDN', severity: 'info', params: { geoCodes: 'jpe, jpw', regions: 'Japan East, Japan West' }, evidence: [{ line: 86, text: 'Result of tnc - 443 / pod01-manag1.jpe.backup.windowsazure.com' }] },
  ];
  GROUPED_HOSTS.forEach((host, i) => {
    findings.push(perHost('TCP_CONNECT_FAILED', host, i, 181 + i * 15));
    // the same error text for every host (the TCP ones differ: one timed out)
    const http = perHost('HTTP_CONNECT_FAILED', host, i, 186 + i * 15);
    findings.push({ ...http, params: { ...http.params, detail: 'Unable to connect to the remote server' }, evidence: [{ line: 186 + i * 15, text: 'PS>TerminatingError(Invoke-WebRequest): "Unable to connect to the remote server"' }] });
  });
  findings.push(proxy('PROXY_PATH_NOT_TESTED', 'warning', 'system', { server: 'http://10.2.0.16:8080', userServer: '' }, 56));
  findings.push(proxy('PROXY_PATH_NOT_TESTED', 'warning', 'workload-plugin', { server: '10.2.0.16:8080', userServer: '' }, 65));
  findings.push(proxy('PROXY_BYPASS_AZURE', 'info', 'system', { entries: '*.backup.windowsazure.com, *.blob.core.windows.net' }, 57));
  findings.push(proxy('PROXY_BYPASS_AZURE', 'info', 'workload-plugin', { entries: '*.backup.windowsazure.com, *.blob.core.windows.net' }, 66));
  return { ...base, endpoints: [...base.endpoints.filter((e) => e.verdict === 'ok'), ...endpoints], findings };
}

/** Several findings of one code about hostile endpoints and contexts, with hostile details and evidence. */
export function hostileGroupedReport(): Report {
  const base = hostileReport();
  const h = (i: number): string => HOSTILE_STRINGS[i % HOSTILE_STRINGS.length] as string;
  const longHost = `${'b'.repeat(10_000)}.blob.core.windows.net`;
  const findings: Finding[] = [];
  HOSTILE_STRINGS.forEach((s, i) => {
    for (const code of ['TCP_CONNECT_FAILED', 'DNS_RESOLUTION_FAILED'] as const) {
      findings.push({
        code,
        severity: 'error',
        endpoint: i === 0 ? longHost : `${s}.example`,
        port: i % 3 === 0 ? 3260 : 443,
        params: { host: `${s}.example`, port: '443', service: h(i + 1), detail: i === 1 ? 'x'.repeat(10_000) : h(i + 2), addresses: h(i + 3) },
        evidence: [
          { line: i + 1, text: h(i) },
          { line: i + 2, text: 'y'.repeat(10_000) },
          { line: i + 3, text: '${secret}' },
          { line: i + 4, text: h(i + 4) },
        ],
      });
    }
    findings.push({
      code: 'PROXY_PATH_NOT_TESTED',
      severity: 'warning',
      params: { context: i === 0 ? 'system' : s, server: h(i + 5), userServer: h(i + 6) },
      evidence: [{ line: 50 + i, text: h(i + 7) }],
    });
    findings.push({
      code: 'PROXY_BYPASS_AZURE',
      severity: 'info',
      params: { context: s, entries: `${h(i)}, ${h(i + 1)}` },
      evidence: [{ line: 70 + i, text: h(i + 8) }],
    });
  });
  return { ...base, findings };
}
