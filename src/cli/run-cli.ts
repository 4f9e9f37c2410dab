// `nwcheck` as a function: argv and injected I/O in, exit code out. No process globals here, so
// tests run it in memory; bin.ts wires it to the real process.
import { analyzeBytes } from '../analyzer/input/analyze-bytes';
import { DEFAULT_INPUT_LIMITS } from '../analyzer/input/input-limits';
import { findRegion, listRegions, requiredEndpointsForRegion, type RegionEntry } from '../analyzer/region/regions';
import type { Report } from '../analyzer/report';
import { langFromLocale, t, type Lang } from '../i18n/lang';
import { ExitCode, exitCodeForOutcome } from './exit-code';
import { formatRefusalText, refusalJson } from './format-refusal';
import { formatRegionEndpoints, formatReportsText, regionEndpointsFor, type RegionEndpoints } from './format-text';
import { CLI_MESSAGES as M, type CliMessageKey } from './messages';
import { parseArgs } from './parse-args';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** the file's bytes; may stop after `maxBytes` + 1 bytes (the rest would be refused anyway) */
  readFile(path: string, maxBytes: number): Promise<Uint8Array>;
  readStdin(maxBytes: number): Promise<Uint8Array>;
  /** LC_ALL / LC_MESSAGES / LANG decide the default language */
  env?: Readonly<Record<string, string | undefined>>;
  version?: string;
}

/** LC_ALL, then LC_MESSAGES, then LANG (POSIX precedence): "ja…" → Japanese, else English. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>> = {}): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return langFromLocale(value);
  }
  return 'en';
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function usageError(io: CliIo, lang: Lang, message: CliMessageKey, params: Record<string, string> = {}, extra: string[] = []): number {
  io.stderr([`${t(M.errorPrefix, lang)}${t(M[message], lang, params)}`, ...extra, t(M.usageHint, lang)].join('\n') + '\n');
  return ExitCode.USAGE;
}

function regionCandidates(query: string): string[] {
  const q = query.toLowerCase().replace(/[\s_-]/g, '');
  if (q.length < 2) return [];
  return listRegions()
    .filter((r) => r.id.includes(q) || r.displayName.toLowerCase().replace(/\s/g, '').includes(q))
    .slice(0, 8)
    .map((r) => `${r.id} (${r.geo})`);
}

function resolveRegion(io: CliIo, lang: Lang, query: string): RegionEntry | number {
  const region = findRegion(query);
  if (region) return region;
  const candidates = regionCandidates(query);
  const extra = candidates.length > 0 ? [t(M.regionCandidates, lang, { candidates: candidates.join(', ') })] : [];
  return usageError(io, lang, 'unknownRegion', { region: query }, extra);
}

function fileNameOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(cut + 1) : path;
}

function errorReason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return err instanceof Error ? err.message : String(err);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cmd = parseArgs(argv);
  const lang = cmd.lang ?? langFromEnv(io.env);
  switch (cmd.command) {
    case 'help':
      io.stdout(`${t(M.usage, lang)}\n`);
      return ExitCode.OK;
    case 'version':
      io.stdout(`nwcheck ${io.version ?? 'unknown'}\n`);
      return ExitCode.OK;
    case 'usage-error':
      return usageError(io, lang, cmd.message, cmd.params);
    case 'region': {
      const region = resolveRegion(io, lang, cmd.region);
      if (typeof region === 'number') return region;
      const re = regionEndpointsFor(region, requiredEndpointsForRegion(region));
      io.stdout(cmd.json ? json(re) : formatRegionEndpoints(re, lang));
      return ExitCode.OK;
    }
    case 'analyze':
      break;
  }

  let regionEndpoints: RegionEndpoints | undefined;
  if (cmd.region !== undefined) {
    const region = resolveRegion(io, lang, cmd.region);
    if (typeof region === 'number') return region;
    regionEndpoints = regionEndpointsFor(region, requiredEndpointsForRegion(region));
  }

  const fromStdin = cmd.file === '-';
  let bytes: Uint8Array;
  try {
    bytes = fromStdin ? await io.readStdin(DEFAULT_INPUT_LIMITS.maxBytes) : await io.readFile(cmd.file, DEFAULT_INPUT_LIMITS.maxBytes);
  } catch (err) {
    const file = fromStdin ? t(M.stdinName, lang) : cmd.file;
    io.stderr(`${t(M.errorPrefix, lang)}${t(M.readFailed, lang, { file, reason: errorReason(err) })}\n`);
    return ExitCode.UNREADABLE;
  }

  const outcome = await analyzeBytes(bytes, fromStdin ? {} : { fileName: fileNameOf(cmd.file) });
  if (outcome.kind === 'refused') {
    io.stdout(cmd.json ? json(refusalJson(outcome.refusal, lang)) : formatRefusalText(outcome.refusal, lang));
    return exitCodeForOutcome(outcome);
  }
  if (cmd.json) {
    const withRegion = (r: Report): Report | (Report & { regionEndpoints: RegionEndpoints }) =>
      regionEndpoints ? { ...r, regionEndpoints } : r;
    const reports = outcome.reports.map(withRegion);
    io.stdout(json(reports.length === 1 ? reports[0] : reports));
  } else {
    io.stdout(formatReportsText(outcome.reports, regionEndpoints ? { lang, regionEndpoints } : { lang }));
  }
  return exitCodeForOutcome(outcome);
}
