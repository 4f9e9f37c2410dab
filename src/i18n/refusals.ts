// Why a file could not be analyzed, and what to send instead: every RefusalReason of the
// analyzer plus the download problems the bot meets before the analyzer sees any bytes.
// Texts are slots of candidates, as in findings.ts: a sentence that needs `{fileName}` or
// `{limit}` has a sibling without it, so a missing value never shows as a raw placeholder.
import type { Refusal, RefusalReason } from '../analyzer/report';
import { defineMessages, type Lang, type LocalizedText, type MessageCatalogue } from './lang';
import { formatFirstComplete, joinList, splitIds } from './terms';

/** Problems met while fetching or queueing a file, before analysis. */
export const DOWNLOAD_PROBLEMS = [
  'download-expired',
  'download-failed',
  'download-timeout',
  'host-not-allowed',
  'graph-not-configured',
  'graph-consent-missing',
  'graph-throttled',
  'analysis-timeout',
  'busy',
] as const;
export type DownloadProblem = (typeof DOWNLOAD_PROBLEMS)[number];

export type RefusalOrProblem = RefusalReason | DownloadProblem;

export interface RefusalExplanation {
  title: string;
  detail: string;
  whatToSend: string;
}

/** What explainRefusal accepts: the analyzer's Refusal, or any reason with params. */
export interface RefusalLike {
  reason: string;
  params?: Readonly<Record<string, string>>;
  fileName?: string;
}

type Slot = readonly LocalizedText[];
interface RefusalTexts {
  title: Slot;
  detail: readonly Slot[];
  whatToSend: readonly Slot[];
}
interface RefusalSpec extends RefusalTexts {
  /** the first variant whose `when` holds (on the raw params) replaces the fields it names */
  variants?: readonly { when: (params: Readonly<Record<string, string>>) => boolean; texts: Partial<RefusalTexts> }[];
}

const SHARED = defineMessages({
  detailLimit: { ja: '上限は {limit} です。', en: 'The limit is {limit}.' },
  detailTimeLimit: { ja: '制限時間は {limit} です。', en: 'The time limit is {limit}.' },
  detailRatioLimit: {
    ja: '展開後のサイズと圧縮されたサイズの比率の上限は {ratioLimit} です。',
    en: 'The limit on the expansion ratio is {ratioLimit}.',
  },
  detailCategory: { ja: 'ファイルの種類は「{category}」と判定しました。', en: 'It looks like {category}.' },
  detailEntries: { ja: 'zip ファイルに含まれていたのは「{entries}」です。', en: 'The zip held: {entries}.' },
  whatToSendLog: {
    ja: '疎通確認スクリプトが出力したログ ファイル (Windows: AzureBackup_Check_NW_yyyymmdd_hhmmss.log、Linux: CheckNWResult_<ホスト名>_<日時>.log) を送信してください。',
    en: 'Send the log file the network-check script wrote (Windows: AzureBackup_Check_NW_yyyymmdd_hhmmss.log, Linux: CheckNWResult_<host>_<date>.log).',
  },
  whatToSendAgain: {
    ja: 'しばらく待ってから、同じファイルをもう一度送信してください。',
    en: 'Wait a little and send the same file again.',
  },
  whatToSendOneToOne: {
    ja: 'ボットとの 1 対 1 のチャットに、ログ ファイルを添付して送信してください。',
    en: 'Attach the log file in a one-to-one chat with the bot.',
  },
});

const R = defineMessages({
  titleEmpty: { ja: 'ファイルが空です', en: 'The file is empty' },
  detailEmpty: {
    ja: '{fileName} は空 (0 バイト) のため、内容を確認できませんでした。',
    en: '{fileName} is empty (0 bytes), so there is nothing to read.',
  },
  detailEmptyNoFile: {
    ja: '送信されたファイルは空 (0 バイト) のため、内容を確認できませんでした。',
    en: 'The file is empty (0 bytes), so there is nothing to read.',
  },
  whatToSendEmpty: {
    ja: '疎通確認スクリプトの実行が完了してから、出力されたログ ファイルを送信してください。',
    en: 'Wait until the network-check script has finished, then send the log file it wrote.',
  },

  titleTooLarge: { ja: 'ファイルが大きすぎます', en: 'The file is too large' },
  detailTooLarge: {
    ja: '{fileName} はサイズの上限を超えているため、読み込みませんでした。',
    en: '{fileName} is larger than the size limit, so it was not read.',
  },
  detailTooLargeNoFile: {
    ja: '送信されたファイルはサイズの上限を超えているため、読み込みませんでした。',
    en: 'The file is larger than the size limit, so it was not read.',
  },
  whatToSendTooLarge: {
    ja: '疎通確認スクリプトのログ ファイルだけを送信してください。ほかのファイルと一緒に zip にしている場合は、ログ ファイルだけを zip にしてください。',
    en: 'Send only the network-check log. If it was zipped together with other files, zip the log on its own.',
  },

  titleBinary: { ja: 'テキストのログではありません', en: 'Not a text log' },
  detailBinary: {
    ja: '{fileName} はテキスト形式のファイルではないため、読み込めませんでした。',
    en: '{fileName} is not a text file, so it could not be read.',
  },
  detailBinaryNoFile: {
    ja: '送信されたファイルはテキスト形式ではないため、読み込めませんでした。',
    en: 'The file is not a text file, so it could not be read.',
  },
  whatToSendBinary: {
    ja: 'スクリーンショットや、Office 文書に貼り付けたものではなく、スクリプトが出力した .log ファイルをそのまま送信してください。',
    en: 'Send the .log file the script wrote, as it is, not a screenshot or a copy pasted into an Office document.',
  },

  titleZipEncrypted: { ja: 'パスワード付きの zip ファイルです', en: 'Password-protected zip' },
  detailZipEncryptedEntry: {
    ja: '{fileName} の中のファイル ({entry}) はパスワードで保護されているため、開けませんでした。パスワード付きの zip ファイルは、ほとんどの場合、ログではなく疎通確認スクリプトの配布ファイルそのものです。',
    en: '{entry} in {fileName} is password-protected and could not be opened. A password-protected zip is almost always the network-check script’s own download, not a log.',
  },
  detailZipEncryptedEntryNoFile: {
    ja: '送信された zip ファイルの中のファイル ({entry}) はパスワードで保護されているため、開けませんでした。パスワード付きの zip ファイルは、ほとんどの場合、ログではなく疎通確認スクリプトの配布ファイルそのものです。',
    en: '{entry} in the zip is password-protected and could not be opened. A password-protected zip is almost always the network-check script’s own download, not a log.',
  },
  detailZipEncrypted: {
    ja: '{fileName} はパスワードで保護されているため、開けませんでした。パスワード付きの zip ファイルは、ほとんどの場合、ログではなく疎通確認スクリプトの配布ファイルそのものです。',
    en: '{fileName} is password-protected and could not be opened. A password-protected zip is almost always the network-check script’s own download, not a log.',
  },
  detailZipEncryptedNoFile: {
    ja: '送信された zip ファイルはパスワードで保護されているため、開けませんでした。パスワード付きの zip ファイルは、ほとんどの場合、ログではなく疎通確認スクリプトの配布ファイルそのものです。',
    en: 'The zip is password-protected and could not be opened. A password-protected zip is almost always the network-check script’s own download, not a log.',
  },
  // the protected entry is a log (AzureBackup_Check_NW_….log): the user zipped it with a password
  detailZipEncryptedLogEntry: {
    ja: '{fileName} の中のログ ファイル ({entry}) はパスワードで保護されているため、開けませんでした。',
    en: 'The log {entry} in {fileName} is password-protected and could not be opened.',
  },
  detailZipEncryptedLogEntryNoFile: {
    ja: '送信された zip ファイルの中のログ ファイル ({entry}) はパスワードで保護されているため、開けませんでした。',
    en: 'The log {entry} in the zip is password-protected and could not be opened.',
  },
  whatToSendZipEncryptedLog: {
    ja: 'パスワードを設定せずに zip にし直して送信するか、ログ ファイルを zip にせずにそのまま送信してください。',
    en: 'Zip the log again without a password, or send the log file without zipping it.',
  },
  whatToSendZipEncrypted: {
    ja: 'スクリプトを実行すると作成される .log ファイル (通常は、スクリプトを実行したフォルダーに作成されます) を送信してください。お手元にない場合は、スクリプトを実行したお客様にご提供をご依頼ください。zip にする場合は、パスワードを設定せずに圧縮してください。',
    en: 'Send the .log file the script writes when it runs (usually in the folder it was run from). If you do not have it, ask the customer who ran the script for it. If you zip it, do not set a password.',
  },

  titleZipBomb: { ja: '展開後のサイズが大きすぎる zip ファイルです', en: 'The zip expands too much' },
  detailZipBomb: {
    ja: '{fileName} は展開後のサイズが上限を超えるため、安全のため展開を中止しました。',
    en: '{fileName} would expand beyond the size limit, so it was not unpacked, for safety.',
  },
  detailZipBombNoFile: {
    ja: '送信された zip ファイルは展開後のサイズが上限を超えるため、安全のため展開を中止しました。',
    en: 'The zip would expand beyond the size limit, so it was not unpacked, for safety.',
  },
  whatToSendZipBomb: {
    ja: 'ログ ファイルを zip にせずにそのまま送信するか、ログ ファイルだけを zip にして送信してください。',
    en: 'Send the log file unzipped, or zip it on its own.',
  },

  titleZipTooManyEntries: { ja: 'zip ファイル内のファイル数が多すぎます', en: 'Too many files in the zip' },
  detailZipTooManyEntries: {
    ja: '{fileName} に含まれるファイルの数が上限を超えているため、読み込みませんでした。',
    en: '{fileName} holds more files than the limit, so it was not read.',
  },
  detailZipTooManyEntriesNoFile: {
    ja: '送信された zip ファイルに含まれるファイルの数が上限を超えているため、読み込みませんでした。',
    en: 'The zip holds more files than the limit, so it was not read.',
  },
  whatToSendZipTooManyEntries: {
    ja: '疎通確認スクリプトのログ ファイルだけを zip にして送信してください。',
    en: 'Zip only the network-check log files and send that.',
  },

  titleZipNested: { ja: 'zip ファイルの中に zip ファイルがあります', en: 'A zip inside the zip' },
  detailZipNested: {
    ja: '{fileName} の中に、さらに zip ファイル ({entry}) が含まれています。安全のため、zip ファイルの中の zip ファイルは展開しません。',
    en: '{fileName} contains another zip ({entry}). Zips inside zips are not unpacked, for safety.',
  },
  detailZipNestedNoEntry: {
    ja: '{fileName} の中に、さらに zip ファイルが含まれています。安全のため、zip ファイルの中の zip ファイルは展開しません。',
    en: '{fileName} contains another zip. Zips inside zips are not unpacked, for safety.',
  },
  detailZipNestedNoFile: {
    ja: '送信された zip ファイルの中に、さらに zip ファイル ({entry}) が含まれています。安全のため、zip ファイルの中の zip ファイルは展開しません。',
    en: 'The zip contains another zip ({entry}). Zips inside zips are not unpacked, for safety.',
  },
  detailZipNestedNone: {
    ja: '送信された zip ファイルの中に、さらに zip ファイルが含まれています。安全のため、zip ファイルの中の zip ファイルは展開しません。',
    en: 'The zip contains another zip. Zips inside zips are not unpacked, for safety.',
  },
  whatToSendZipNested: {
    ja: '中の zip ファイルを展開してログ ファイルを直接送信するか、ログ ファイルだけを zip にして送信してください。',
    en: 'Unpack the inner zip and send the log file directly, or zip the log file on its own.',
  },

  titleZipCorrupt: { ja: 'zip ファイルを開けません', en: 'The zip cannot be opened' },
  detailZipCorrupt: {
    ja: '{fileName} を zip ファイルとして読み込めませんでした。ファイルが壊れているか、途中までしか保存されていない可能性があります。',
    en: '{fileName} could not be read as a zip. It may be damaged or cut short.',
  },
  detailZipCorruptNoFile: {
    ja: '送信されたファイルを zip ファイルとして読み込めませんでした。ファイルが壊れているか、途中までしか保存されていない可能性があります。',
    en: 'The file could not be read as a zip. It may be damaged or cut short.',
  },
  whatToSendZipCorrupt: {
    ja: '元のログ ファイルをもう一度 zip にして送信するか、zip にせずにそのまま送信してください。',
    en: 'Zip the original log file again, or send it without zipping.',
  },

  titleZipNoLogs: { ja: 'zip ファイルにログが含まれていません', en: 'No log in the zip' },
  detailZipNoLogs: {
    ja: '{fileName} の中に、疎通確認スクリプトのログが見つかりませんでした。',
    en: '{fileName} contains no network-check log.',
  },
  detailZipNoLogsNoFile: {
    ja: '送信された zip ファイルの中に、疎通確認スクリプトのログが見つかりませんでした。',
    en: 'The zip contains no network-check log.',
  },

  titleZipScriptsOnly: { ja: 'zip ファイルにはスクリプトしか含まれていません', en: 'The zip holds only the scripts' },
  detailZipScriptsOnly: {
    ja: '{fileName} には疎通確認スクリプトだけが含まれており、スクリプトを実行して作成されるログは含まれていません。',
    en: '{fileName} holds only the network-check scripts, not the log they write when run.',
  },
  detailZipScriptsOnlyNoFile: {
    ja: '送信された zip ファイルには疎通確認スクリプトだけが含まれており、スクリプトを実行して作成されるログは含まれていません。',
    en: 'The zip holds only the network-check scripts, not the log they write when run.',
  },

  titleHtmlPage: { ja: 'ファイルではなく Web ページが届きました', en: 'A web page arrived instead of the file' },
  detailHtmlPage: {
    ja: 'ファイルの代わりに、共有用の Web ページが届きました。iOS 版の Teams からファイルを共有した場合によく発生します。',
    en: 'A sharing page arrived instead of the file. This is typical when the file is shared from Teams on iOS.',
  },
  whatToSendHtmlPage: {
    ja: 'デスクトップ版または Web 版の Teams から、ログ ファイルを添付して送信してください。',
    en: 'Attach the log file from Teams on the desktop or on the web.',
  },

  titleDownloadExpired: { ja: 'ダウンロード リンクの有効期限が切れています', en: 'The download link has expired' },
  detailDownloadExpired: {
    ja: '{fileName} のダウンロード用リンクの有効期限が切れていたため、ファイルを取得できませんでした。',
    en: 'The download link for {fileName} had expired, so the file could not be fetched.',
  },
  detailDownloadExpiredNoFile: {
    ja: 'ダウンロード用リンクの有効期限が切れていたため、ファイルを取得できませんでした。',
    en: 'The download link had expired, so the file could not be fetched.',
  },
  whatToSendDownloadExpired: {
    ja: '同じファイルをもう一度送信してください。',
    en: 'Send the same file again.',
  },

  titleDownloadFailed: { ja: 'ファイルをダウンロードできませんでした', en: 'The file could not be downloaded' },
  detailDownloadFailed: {
    ja: '{fileName} のダウンロード中にエラーが発生しました。',
    en: 'An error occurred while downloading {fileName}.',
  },
  detailDownloadFailedNoFile: {
    ja: 'ファイルのダウンロード中にエラーが発生しました。',
    en: 'An error occurred while downloading the file.',
  },

  titleDownloadTimeout: { ja: 'ダウンロードがタイムアウトしました', en: 'The download timed out' },
  detailDownloadTimeout: {
    ja: '{fileName} のダウンロードが制限時間内に完了しませんでした。',
    en: 'Downloading {fileName} did not finish in time.',
  },
  detailDownloadTimeoutNoFile: {
    ja: 'ファイルのダウンロードが制限時間内に完了しませんでした。',
    en: 'Downloading the file did not finish in time.',
  },
  whatToSendDownloadTimeout: {
    ja: 'もう一度送信してください。ファイルが大きい場合は、ログ ファイルを zip に圧縮してから送信してください。',
    en: 'Send it again. If the file is large, zip the log file first.',
  },

  titleHostNotAllowed: { ja: 'このリンクからはファイルを取得できません', en: 'Files cannot be fetched from this link' },
  detailHostNotAllowed: {
    ja: 'このボットは、Teams で共有されたファイルだけを読み込みます。送信されたリンクの場所からは、ファイルを取得できません。',
    en: 'This bot reads only files shared in Teams. It cannot fetch files from where this link points.',
  },
  whatToSendHostNotAllowed: {
    ja: 'ログ ファイルを Teams のメッセージに直接添付して送信してください。',
    en: 'Attach the log file to a Teams message directly.',
  },

  titleGraphNotConfigured: {
    ja: 'チャネルのファイルを読み込む設定がありません',
    en: 'Reading channel files is not set up',
  },
  detailGraphNotConfigured: {
    ja: 'チャネルやグループ チャットで共有されたファイルを読み込むための Microsoft Graph の設定が、このボットでは構成されていません。',
    en: 'This bot is not set up with Microsoft Graph, which it needs to read files shared in channels and group chats.',
  },
  whatToSendGraphNotConfigured: {
    ja: '設定については、このボットの管理者にお問い合わせください。',
    en: 'For the setup, contact the bot’s administrator.',
  },

  titleGraphConsentMissing: {
    ja: 'ファイルを読み込むためのアクセス許可がありません',
    en: 'Permission to read files is missing',
  },
  detailGraphConsentMissing: {
    ja: 'ファイルを読み込むために必要な Microsoft Graph のアクセス許可に、管理者の同意が与えられていません。',
    en: 'The Microsoft Graph permission needed to read the file has no admin consent yet.',
  },
  whatToSendGraphConsentMissing: {
    ja: 'アクセス許可については、テナントの管理者にご相談ください。',
    en: 'Ask your tenant administrator about the permission.',
  },

  titleGraphThrottled: { ja: '一時的にファイルを読み込めません', en: 'Temporarily unable to read files' },
  detailGraphThrottled: {
    ja: 'Microsoft Graph への要求が集中しているため、一時的にファイルを取得できませんでした。',
    en: 'Microsoft Graph is throttling requests, so the file could not be fetched for now.',
  },
  whatToSendGraphThrottled: {
    ja: '数分待ってから、同じファイルをもう一度送信してください。',
    en: 'Wait a few minutes and send the same file again.',
  },

  titleAnalysisTimeout: { ja: '解析が時間内に終わりませんでした', en: 'The analysis took too long' },
  detailAnalysisTimeout: {
    ja: '{fileName} の解析が制限時間内に終わらなかったため、中止しました。',
    en: 'Analysing {fileName} did not finish in time and was stopped.',
  },
  detailAnalysisTimeoutNoFile: {
    ja: 'ファイルの解析が制限時間内に終わらなかったため、中止しました。',
    en: 'The analysis did not finish in time and was stopped.',
  },
  whatToSendAnalysisTimeout: {
    ja: '送信したファイルが疎通確認スクリプトのログかどうかをご確認のうえ、もう一度送信してください。繰り返し発生する場合は、このボットの管理者にお知らせください。',
    en: 'Check that the file is a network-check log and send it again. If this keeps happening, tell the bot’s administrator.',
  },

  titleBusy: { ja: '現在混み合っています', en: 'Busy right now' },
  detailBusy: {
    ja: '現在ほかの解析が集中しているため、このファイルを受け付けられませんでした。',
    en: 'Too many analyses are running right now, so this file was not accepted.',
  },
  whatToSendBusy: {
    ja: '1 分ほど待ってから、同じファイルをもう一度送信してください。',
    en: 'Wait about a minute and send the same file again.',
  },

  titleUnknown: { ja: 'ファイルを読み込めませんでした', en: 'The file could not be read' },
  detailUnknown: { ja: '{fileName} を読み込めませんでした。', en: '{fileName} could not be read.' },
  detailUnknownNoFile: {
    ja: '送信されたファイルを読み込めませんでした。',
    en: 'The file could not be read.',
  },
});

/** The analyzer's names for non-text files (sniff-binary categories). */
const BINARY_CATEGORIES = defineMessages({
  executable: { ja: '実行ファイル', en: 'an executable' },
  image: { ja: '画像', en: 'an image' },
  pdf: { ja: 'PDF', en: 'a PDF document' },
  office: { ja: 'Office 文書', en: 'an Office document' },
  archive: { ja: '圧縮ファイル', en: 'a compressed archive' },
  'event-log': { ja: 'イベント ログ', en: 'a Windows event log' },
  database: { ja: 'データベース', en: 'a database' },
  media: { ja: '音声または動画', en: 'audio or video' },
  data: { ja: 'バイナリ データ', en: 'binary data' },
});

/** Every catalogue behind the refusal texts, for the completeness and style tests. */
export const REFUSAL_CATALOGUES: Readonly<Record<string, MessageCatalogue>> = Object.freeze({
  SHARED,
  R,
  BINARY_CATEGORIES,
});

const limit: Slot = [SHARED.detailLimit];
const timeLimit: Slot = [SHARED.detailTimeLimit];

/** AzureBackup_Check_NW_….log, CheckNWResult_….log, any *.log (a folder path in the zip allowed). */
function looksLikeLogName(entry: string): boolean {
  const name = entry.slice(Math.max(entry.lastIndexOf('/'), entry.lastIndexOf('\\')) + 1).toLowerCase();
  return name.endsWith('.log') || name.startsWith('azurebackup_check_nw') || name.startsWith('checknwresult');
}

const SPECS: Readonly<Record<RefusalOrProblem, RefusalSpec>> = {
  empty: {
    title: [R.titleEmpty],
    detail: [[R.detailEmpty, R.detailEmptyNoFile]],
    whatToSend: [[R.whatToSendEmpty]],
  },
  'too-large': {
    title: [R.titleTooLarge],
    detail: [[R.detailTooLarge, R.detailTooLargeNoFile], limit],
    whatToSend: [[R.whatToSendTooLarge]],
  },
  binary: {
    title: [R.titleBinary],
    detail: [[R.detailBinary, R.detailBinaryNoFile], [SHARED.detailCategory]],
    whatToSend: [[R.whatToSendBinary]],
  },
  'zip-encrypted': {
    title: [R.titleZipEncrypted],
    detail: [
      [
        R.detailZipEncryptedEntry,
        R.detailZipEncryptedEntryNoFile,
        R.detailZipEncrypted,
        R.detailZipEncryptedNoFile,
      ],
    ],
    whatToSend: [[R.whatToSendZipEncrypted]],
    variants: [
      {
        // The protected entry is named like a log: it is the log, zipped with a password, not the
        // script's download (saying "almost always the script's own download" would be wrong).
        when: (params) => looksLikeLogName(params.entry ?? ''),
        texts: {
          detail: [[R.detailZipEncryptedLogEntry, R.detailZipEncryptedLogEntryNoFile]],
          whatToSend: [[R.whatToSendZipEncryptedLog]],
        },
      },
    ],
  },
  'zip-bomb': {
    title: [R.titleZipBomb],
    detail: [[R.detailZipBomb, R.detailZipBombNoFile], [SHARED.detailRatioLimit, SHARED.detailLimit]],
    whatToSend: [[R.whatToSendZipBomb]],
  },
  'zip-too-many-entries': {
    title: [R.titleZipTooManyEntries],
    detail: [[R.detailZipTooManyEntries, R.detailZipTooManyEntriesNoFile], limit],
    whatToSend: [[R.whatToSendZipTooManyEntries]],
  },
  'zip-nested': {
    title: [R.titleZipNested],
    detail: [[R.detailZipNested, R.detailZipNestedNoEntry, R.detailZipNestedNoFile, R.detailZipNestedNone]],
    whatToSend: [[R.whatToSendZipNested]],
  },
  'zip-corrupt': {
    title: [R.titleZipCorrupt],
    detail: [[R.detailZipCorrupt, R.detailZipCorruptNoFile]],
    whatToSend: [[R.whatToSendZipCorrupt]],
  },
  'zip-no-logs': {
    title: [R.titleZipNoLogs],
    detail: [[R.detailZipNoLogs, R.detailZipNoLogsNoFile], [SHARED.detailEntries]],
    whatToSend: [[SHARED.whatToSendLog]],
    variants: [
      {
        // Only the downloaded scripts were zipped: the script was never run, or its log was left out.
        when: (params) => params.scriptsOnly === 'true',
        texts: {
          title: [R.titleZipScriptsOnly],
          detail: [[R.detailZipScriptsOnly, R.detailZipScriptsOnlyNoFile]],
          whatToSend: [[R.whatToSendZipEncrypted]],
        },
      },
    ],
  },
  'html-page': {
    title: [R.titleHtmlPage],
    detail: [[R.detailHtmlPage]],
    whatToSend: [[R.whatToSendHtmlPage]],
  },
  'download-expired': {
    title: [R.titleDownloadExpired],
    detail: [[R.detailDownloadExpired, R.detailDownloadExpiredNoFile]],
    whatToSend: [[R.whatToSendDownloadExpired]],
  },
  'download-failed': {
    title: [R.titleDownloadFailed],
    detail: [[R.detailDownloadFailed, R.detailDownloadFailedNoFile]],
    whatToSend: [[SHARED.whatToSendAgain]],
  },
  'download-timeout': {
    title: [R.titleDownloadTimeout],
    detail: [[R.detailDownloadTimeout, R.detailDownloadTimeoutNoFile], timeLimit],
    whatToSend: [[R.whatToSendDownloadTimeout]],
  },
  'host-not-allowed': {
    title: [R.titleHostNotAllowed],
    detail: [[R.detailHostNotAllowed]],
    whatToSend: [[R.whatToSendHostNotAllowed]],
  },
  'graph-not-configured': {
    title: [R.titleGraphNotConfigured],
    detail: [[R.detailGraphNotConfigured]],
    whatToSend: [[SHARED.whatToSendOneToOne], [R.whatToSendGraphNotConfigured]],
  },
  'graph-consent-missing': {
    title: [R.titleGraphConsentMissing],
    detail: [[R.detailGraphConsentMissing]],
    whatToSend: [[SHARED.whatToSendOneToOne], [R.whatToSendGraphConsentMissing]],
  },
  'graph-throttled': {
    title: [R.titleGraphThrottled],
    detail: [[R.detailGraphThrottled]],
    whatToSend: [[R.whatToSendGraphThrottled]],
  },
  'analysis-timeout': {
    title: [R.titleAnalysisTimeout],
    detail: [[R.detailAnalysisTimeout, R.detailAnalysisTimeoutNoFile], timeLimit],
    whatToSend: [[R.whatToSendAnalysisTimeout]],
  },
  busy: {
    title: [R.titleBusy],
    detail: [[R.detailBusy]],
    whatToSend: [[R.whatToSendBusy]],
  },
};

/** For a reason this catalogue does not know (a newer analyzer): a plain "could not read". */
const UNKNOWN_SPEC: RefusalSpec = {
  title: [R.titleUnknown],
  detail: [[R.detailUnknown, R.detailUnknownNoFile]],
  whatToSend: [[SHARED.whatToSendLog]],
};

/** Every reason with texts: the analyzer's RefusalReason values, then the download problems. */
export const REFUSAL_KEYS: readonly RefusalOrProblem[] = Object.freeze(Object.keys(SPECS) as RefusalOrProblem[]);

export function isKnownRefusal(reason: string): reason is RefusalOrProblem {
  return Object.prototype.hasOwnProperty.call(SPECS, reason);
}

function fill(slots: readonly Slot[], lang: Lang, values: Readonly<Record<string, string>>): string {
  const parts: string[] = [];
  for (const slot of slots) {
    const text = formatFirstComplete(slot, lang, values);
    if (text !== undefined) parts.push(text);
  }
  return parts.join(lang === 'ja' ? '' : ' ');
}

/** Params trimmed, lists and category ids made readable, the ratio limit told apart. */
function buildValues(refusal: Refusal | RefusalLike, lang: Lang): Record<string, string> {
  // No prototype: a param named "constructor" or "__proto__" stays plain data.
  const values = Object.create(null) as Record<string, string>;
  const params = refusal.params ?? {};
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (typeof value === 'string') values[key] = value.trim();
  }
  if (!values.fileName && typeof refusal.fileName === 'string') values.fileName = refusal.fileName.trim();
  const category = values.category ?? '';
  // An unknown category id is dropped, not shown: it is a code, not a word for the reader.
  values.category = Object.prototype.hasOwnProperty.call(BINARY_CATEGORIES, category)
    ? BINARY_CATEGORIES[category as keyof typeof BINARY_CATEGORIES][lang]
    : '';
  if (values.entries) values.entries = joinList(splitIds(values.entries), lang);
  if (values.limitKind === 'ratio') {
    values.ratioLimit = values.limit ?? '';
    values.limit = '';
  }
  return values;
}

export function explainRefusal(refusal: Refusal | RefusalLike, lang: Lang): RefusalExplanation {
  const base = isKnownRefusal(refusal.reason) ? SPECS[refusal.reason] : UNKNOWN_SPEC;
  const rawParams = refusal.params ?? {};
  const variant = base.variants?.find((v) => v.when(rawParams));
  const spec: RefusalTexts = variant ? { ...base, ...variant.texts } : base;
  const values = buildValues(refusal, lang);
  return {
    title: fill([spec.title], lang, values),
    detail: fill(spec.detail, lang, values),
    whatToSend: fill(spec.whatToSend, lang, values),
  };
}
