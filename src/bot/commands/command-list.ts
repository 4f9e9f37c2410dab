// The bot's text commands as data: names, what users may type (ja + en), titles and
// descriptions in both languages. The source for the help card, the command matcher and the
// manifest's `commandLists` (manifest titles must be something the matcher accepts: Teams sends
// the title as the message text when a user picks a command; at most 32 characters for a title
// and 128 for a description).
import type { TextCommand } from '../action-registry';

export type CommandDescriptor = Omit<TextCommand, 'run'> & { scopes: readonly ('personal' | 'team' | 'groupChat')[] };

const ALL_SCOPES = ['personal', 'team', 'groupChat'] as const;

export const HELP_COMMAND: CommandDescriptor = {
  name: 'help',
  aliases: { en: ['help', 'commands', '?'], ja: ['ヘルプ', '使い方', 'へるぷ'] },
  title: { en: 'help', ja: 'ヘルプ' },
  description: {
    en: 'What I can do and how to send a network-check log',
    ja: 'できることと、疎通確認スクリプトのログの送り方を表示します',
  },
  scopes: ALL_SCOPES,
};

export const SAMPLE_COMMAND: CommandDescriptor = {
  name: 'sample',
  aliases: { en: ['sample', 'demo'], ja: ['サンプル'] },
  title: { en: 'sample', ja: 'サンプル' },
  description: {
    en: 'Analyze a built-in sample log to see what the answer looks like',
    ja: '組み込みのサンプル ログを解析して、回答の例をお見せします',
  },
  scopes: ALL_SCOPES,
};

export const LANGUAGE_COMMAND: CommandDescriptor = {
  name: 'language',
  aliases: { en: ['language', 'lang'], ja: ['言語', '表示言語'] },
  title: { en: 'language', ja: '言語' },
  description: {
    en: 'Choose the language I answer you in: language ja | language en',
    ja: '回答する言語を選びます: 言語 日本語 | 言語 英語',
  },
  usage: { en: 'language ja | language en', ja: '言語 日本語 | 言語 英語' },
  scopes: ALL_SCOPES,
};

export const REGION_COMMAND: CommandDescriptor = {
  name: 'region',
  aliases: { en: ['region'], ja: ['リージョン'] },
  title: { en: 'region', ja: 'リージョン' },
  description: {
    en: 'List the endpoints (FQDNs) to test for a region: region japaneast',
    ja: 'リージョンごとに疎通確認が必要な宛先 (FQDN) を表示します: リージョン 東日本',
  },
  usage: { en: 'region <name>', ja: 'リージョン <名前>' },
  scopes: ALL_SCOPES,
};

/** In the order the help card and the manifest list them. */
export const BOT_COMMANDS: readonly CommandDescriptor[] = [HELP_COMMAND, SAMPLE_COMMAND, LANGUAGE_COMMAND, REGION_COMMAND];
