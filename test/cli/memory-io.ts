// In-memory CliIo for runCli tests: files from a map (or the real fixtures), captured output.
import { readFileSync } from 'node:fs';
import type { Report } from '../../src/analyzer/report';
import type { CliIo } from '../../src/cli/run-cli';

export interface MemoryIo extends CliIo {
  out: string[];
  err: string[];
  readonly stdoutText: string;
  readonly stderrText: string;
}

export function memoryIo(options: { files?: Record<string, Uint8Array>; stdin?: Uint8Array; env?: Record<string, string> } = {}): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    get stdoutText() {
      return out.join('');
    },
    get stderrText() {
      return err.join('');
    },
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: (path, maxBytes) => {
      const file = options.files?.[path];
      if (file) return Promise.resolve(file.subarray(0, maxBytes + 1));
      try {
        return Promise.resolve(readFileSync(path).subarray(0, maxBytes + 1));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
    readStdin: (maxBytes) => Promise.resolve((options.stdin ?? new Uint8Array(0)).subarray(0, maxBytes + 1)),
    env: options.env ?? {},
    version: '9.9.9-test',
  };
}

/** The conformance tool's subset rule: endpoints by host + port, proxy contexts by name, codes. */
export function subsetErrors(expected: unknown, actual: unknown, where = 'report'): string[] {
  if (expected === null || typeof expected !== 'object') {
    return expected === actual ? [] : [`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${where}: expected an array`];
    return expected.flatMap((e, i) => subsetErrors(e, actual[i], `${where}[${i}]`));
  }
  if (actual === null || typeof actual !== 'object') return [`${where}: expected an object`];
  return Object.entries(expected).flatMap(([k, v]) => subsetErrors(v, (actual as Record<string, unknown>)[k], `${where}.${k}`));
}

interface Expected {
  endpoints?: { host: string; port?: number }[];
  proxyContexts?: { context: string }[];
  codes?: string[];
  absentCodes?: string[];
  [key: string]: unknown;
}

export function conformanceErrors(expected: Expected, report: Report): string[] {
  const { endpoints, proxyContexts, codes, absentCodes, ...rest } = expected;
  const errs = subsetErrors(rest, report);
  for (const e of endpoints ?? []) {
    const match = report.endpoints.find((g) => g.host === e.host && (e.port === undefined || g.port === e.port));
    if (!match) errs.push(`endpoint ${e.host}:${e.port} missing`);
    else errs.push(...subsetErrors(e, match, `endpoint ${e.host}:${e.port}`));
  }
  for (const c of proxyContexts ?? []) {
    const match = report.proxy.contexts.find((g) => g.context === c.context);
    if (!match) errs.push(`proxy context ${c.context} missing`);
    else errs.push(...subsetErrors(c, match, `proxy context ${c.context}`));
  }
  const found = new Set<string>(report.findings.map((f) => f.code));
  for (const c of codes ?? []) if (!found.has(c)) errs.push(`finding ${c} missing`);
  for (const c of absentCodes ?? []) if (found.has(c)) errs.push(`finding ${c} must not appear`);
  return errs;
}
