// Command line → what to do. No I/O: errors are returned as message keys for run-cli to print.
import { isLang, type Lang } from '../i18n/lang';
import type { CliMessageKey } from './messages';

export type CliCommand =
  | { command: 'help'; lang?: Lang }
  | { command: 'version'; lang?: Lang }
  | { command: 'analyze'; file: string; json: boolean; lang?: Lang; region?: string }
  | { command: 'region'; region: string; json: boolean; lang?: Lang }
  | { command: 'usage-error'; message: CliMessageKey; params: Record<string, string>; lang?: Lang };

const VALUE_OPTIONS = new Set(['--lang', '--region']);

export function parseArgs(argv: readonly string[]): CliCommand {
  const positionals: string[] = [];
  let json = false;
  let help = false;
  let version = false;
  let lang: Lang | undefined;
  let region: string | undefined;
  let error: { message: CliMessageKey; params: Record<string, string> } | undefined;
  const fail = (message: CliMessageKey, params: Record<string, string> = {}): void => {
    error ??= { message, params };
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (VALUE_OPTIONS.has(name) && value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        fail('missingValue', { option: name });
        continue;
      }
      value = next;
      i++;
    }
    switch (name) {
      case '--json':
        json = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      case '--version':
        version = true;
        break;
      case '--lang':
        if (isLang(value)) lang = value;
        else fail('invalidLang', { value: value ?? '' });
        break;
      case '--region':
        region = value;
        break;
      default:
        fail('unknownOption', { option: name });
    }
  }

  const withLang = <T extends object>(cmd: T): T & { lang?: Lang } => (lang === undefined ? cmd : { ...cmd, lang });
  if (help || positionals[0] === 'help') return withLang({ command: 'help' as const });
  if (version) return withLang({ command: 'version' as const });
  if (error) return withLang({ command: 'usage-error' as const, ...error });

  const [command, target, extra] = positionals;
  if (command === undefined) return withLang({ command: 'usage-error' as const, message: 'missingCommand', params: {} });
  if (command !== 'analyze' && command !== 'region') {
    return withLang({ command: 'usage-error' as const, message: 'unknownCommand', params: { command } });
  }
  if (extra !== undefined) return withLang({ command: 'usage-error' as const, message: 'extraArgument', params: { arg: extra } });
  if (command === 'analyze') {
    if (target === undefined) return withLang({ command: 'usage-error' as const, message: 'missingFile', params: {} });
    const cmd = { command: 'analyze' as const, file: target, json };
    return withLang(region === undefined ? cmd : { ...cmd, region });
  }
  const regionArg = target ?? region;
  if (regionArg === undefined) return withLang({ command: 'usage-error' as const, message: 'missingRegion', params: {} });
  return withLang({ command: 'region' as const, region: regionArg, json });
}
