// A hand-built report for the formatter tests: independent of the analyzer, every section filled.
import type { Report } from '../../src/analyzer/report';

export function sampleReport(): Report {
  return {
    schemaVersion: 1,
    source: {
      kind: 'windows-backup',
      complete: true,
      encoding: 'utf-8-bom',
      fileName: 'AzureBackup_Check_NW_20240219_101433.log',
      host: 'JPEFS01',
      os: 'Windows Server 2022 (10.0.20348)',
      osVersion: '10.0.20348',
      startedAt: '2024-02-19T10:14:33',
      scriptVersion: '1.7',
      lineCount: 259,
    },
    overall: 'action-required',
    endpoints: [
      {
        host: 'pod01-manag1.jpe.backup.windowsazure.com', port: 443, service: 'azure-backup', dns: 'resolved', addresses: ['20.191.166.134'],
        tcp: 'ok', http: 'ok', httpDetail: '(404) Not Found', httpStatus: 404, geo: 'jpe', verdict: 'ok',
        evidence: [{ line: 78, text: 'Result of tnc - 443 / ... TcpTestSucceeded: True' }],
      },
      {
        host: 'jpewatcab01.blob.core.windows.net', port: 443, service: 'azure-storage', dns: 'resolved', addresses: ['20.60.172.68'],
        tcp: 'failed', http: 'failed', httpDetail: 'リモート サーバーに接続できません。', httpCause: 'connect', verdict: 'failed',
        evidence: [{ line: 134, text: 'TcpTestSucceeded: False' }, { line: 138, text: 'リモート サーバーに接続できません。' }],
      },
      {
        host: 'evil\u001b[2J.example', port: 3260, service: 'file-recovery', dns: 'unknown', addresses: [],
        tcp: 'not-tested', http: 'not-tested', verdict: 'inconclusive', evidence: [],
      },
    ],
    proxy: {
      configured: false,
      contexts: [
        { context: 'current-user', found: true, enabled: false, server: null, bypass: [], evidence: [] },
        { context: 'system', found: true, enabled: true, server: 'http://10.2.0.16:8080', bypass: ['localhost', '<local>'], evidence: [] },
        { context: 'workload-plugin', found: false, enabled: false, server: null, bypass: [], evidence: [] },
        { context: 'winhttp', found: true, enabled: false, server: null, bypass: [], evidence: [] },
      ],
    },
    tls: { tls12: 'os-default', keys: [{ protocol: 'SSL 2.0', side: 'Client', disabledByDefault: 1, line: 240 }], sectionFound: true },
    findings: [
      { code: 'REGION_SPECIFIC_FQDN', severity: 'info', params: { regions: 'Japan East', geoCodes: 'jpe' }, evidence: [] },
      {
        code: 'TCP_CONNECT_FAILED', severity: 'error', endpoint: 'jpewatcab01.blob.core.windows.net', port: 443,
        params: { host: 'jpewatcab01.blob.core.windows.net', port: '443', service: 'azure-storage', address: '20.60.172.68' },
        evidence: [{ line: 134, text: 'TcpTestSucceeded: False' }, { line: 132, text: '警告: TCP connect to (20.60.172.68 : 443) failed' }],
      },
    ],
    region: { geoCodes: ['jpe'], regions: ['japaneast'], displayNames: ['Japan East'] },
    missingChecks: [],
  };
}
