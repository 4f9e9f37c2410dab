// Labels that only cards use (section titles, buttons, "and N more"). Report terms (services,
// verdicts, proxy contexts …) come from ../i18n/terms, finding texts from ../i18n/findings.
import { defineMessages, type Lang } from '../i18n/lang';

export const CARD_MESSAGES = defineMessages({
  // summary: facts
  factMachine: { ja: 'マシン', en: 'Machine' },
  factOs: { ja: 'OS', en: 'OS' },
  factRegion: { ja: 'リージョン', en: 'Region' },
  factStartedAt: { ja: '実行日時', en: 'Run at' },
  factFile: { ja: 'ファイル', en: 'File' },
  factArchive: { ja: 'アーカイブ', en: 'Archive' },
  factLogKind: { ja: 'ログの種類', en: 'Log type' },
  factIncomplete: { ja: '途中で終了しています', en: 'The run was interrupted' },
  factComplete: { ja: '最後まで実行されています', en: 'The run completed' },
  factRun: { ja: '実行状況', en: 'Run' },
  factEndpointsLabel: { ja: '宛先', en: 'Endpoints' },
  notALogSummary: {
    ja: 'このファイルは、疎通確認スクリプトのログとして読み取れませんでした。Windows では AzureBackup_Check_NW_*.log、Linux では CheckNWResult_*.log という名前のログ ファイルを、そのままお送りください。',
    en: 'This file is not a network-check log. Send the log file the script wrote, as it is: AzureBackup_Check_NW_*.log on Windows, CheckNWResult_*.log on Linux.',
  },
  regionUnknown: { ja: 'ログからは判断できません', en: 'Not shown in the log' },
  // summary: sections
  failedTitle: { ja: '通信できなかった宛先 ({count} 件)', en: 'Endpoints that failed ({count})' },
  inconclusiveTitle: { ja: '判定できなかった宛先 ({count} 件)', en: 'Endpoints not confirmed ({count})' },
  proxyTitle: { ja: 'プロキシ', en: 'Proxy' },
  proxyNone: { ja: 'なし (直接接続)', en: 'None (direct)' },
  proxyNotFound: { ja: 'ログに記録がありません', en: 'Not in the log' },
  proxyBypass: { ja: 'バイパス リスト: {list}', en: 'Bypass list: {list}' },
  tlsTitle: { ja: 'TLS 1.2', en: 'TLS 1.2' },
  findingsTitle: { ja: '確認事項', en: 'Findings' },
  noFindings: { ja: '確認事項はありません。', en: 'No findings.' },
  groupTitle: { ja: '{label} ({count} 件)', en: '{label} ({count})' },
  andMore: { ja: 'ほか {count} 件', en: 'and {count} more' },
  andMoreEndpoints: {
    ja: 'ほか {count} 件は「すべての宛先を表示」でご確認いただけます。',
    en: 'and {count} more: see "Show all endpoints".',
  },
  endpointsOkCount: { ja: '{ok} / {total} 件の宛先と通信できました。', en: '{ok} of {total} endpoints are reachable.' },
  // buttons
  explain: { ja: '説明', en: 'Explain' },
  showAllEndpoints: { ja: 'すべての宛先を表示', en: 'Show all endpoints' },
  escalate: { ja: 'エスカレーション', en: 'Escalate' },
  backToSummary: { ja: '概要に戻る', en: 'Back to summary' },
  nextPage: { ja: '次へ', en: 'Next' },
  previousPage: { ja: '前へ', en: 'Previous' },
  // endpoint problems
  dnsFailed: { ja: '名前解決に失敗しました', en: 'Name resolution failed' },
  tcpFailed: { ja: 'TCP {port} 番ポートに接続できませんでした', en: 'TCP connection to port {port} failed' },
  httpFailed: { ja: 'Web リクエストが失敗しました', en: 'The web request failed' },
  httpInconclusive: { ja: 'Web リクエストの結果から判定できません', en: 'The web request result is inconclusive' },
  notTested: { ja: '接続テストが実行されていません', en: 'No connection test was run' },
  viaProxy: { ja: 'プロキシ経由', en: 'Via proxy' },
  privateEndpoint: { ja: 'プライベート エンドポイント', en: 'Private endpoint' },
  endpointAddresses: { ja: 'IP アドレス: {list}', en: 'Address: {list}' },
  // endpoints card
  endpointsTitle: { ja: 'すべての宛先 ({count} 件)', en: 'All endpoints ({count})' },
  endpointsPage: { ja: '{from}〜{to} 件目を表示しています (全 {total} 件)', en: 'Showing {from}–{to} of {total}' },
  endpointStates: { ja: 'DNS: {dns} / TCP: {tcp} / HTTP: {http}', en: 'DNS: {dns} / TCP: {tcp} / HTTP: {http}' },
  noEndpoints: { ja: 'このログには宛先の確認結果がありません。', en: 'This log has no endpoint results.' },
  // explanation card
  explanationEndpoint: { ja: '対象', en: 'Endpoint' },
  explanationEndpoints: { ja: '対象', en: 'Endpoints' },
  explanationContexts: { ja: '対象', en: 'Proxy settings' },
  affectedEndpointsTitle: { ja: '該当する宛先 ({count} 件)', en: 'Affected endpoints ({count})' },
  affectedContextsTitle: { ja: '該当するプロキシ設定 ({count} 件)', en: 'Affected proxy settings ({count})' },
  proxyServer: { ja: 'プロキシ サーバー: {server}', en: 'Proxy server: {server}' },
  noSubject: { ja: '対象の記載なし', en: 'No endpoint named' },
  meaningTitle: { ja: 'この結果の意味', en: 'What it means' },
  whyTitle: { ja: 'なぜ問題になるのか', en: 'Why it matters' },
  stepsTitle: { ja: '対処方法', en: 'What to do' },
  evidenceTitle: { ja: 'ログの該当箇所', en: 'In the log' },
  evidenceLine: { ja: '{line} 行目', en: 'line {line}' },
  evidenceMore: { ja: 'ほか {count} 行', en: 'and {count} more lines' },
  evidenceSameAsFirst: { ja: '{lines} (最初の宛先と同じ内容)', en: '{lines} (same text as the first endpoint)' },
  linksTitle: { ja: '参考情報', en: 'References' },
  findingMissing: {
    ja: 'この項目は見つかりませんでした。ログをもう一度送信してください。',
    en: 'This item could not be found. Please send the log again.',
  },
  // help card
  helpTitle: { ja: 'このボットの使い方', en: 'How to use this bot' },
  helpIntro: {
    ja: 'Azure Backup / Azure Site Recovery の疎通確認スクリプトのログ (AzureBackup_Check_NW_*.log、CheckNWResult_*.log) をファイルで送信するか、内容を貼り付けてください。結果を解析し、確認事項を日本語または英語でご説明します。',
    en: 'Send an Azure Backup / Azure Site Recovery network-check log (AzureBackup_Check_NW_*.log, CheckNWResult_*.log) as a file, or paste its text. The bot analyzes it and explains every finding in Japanese or English.',
  },
  helpChannelTip: {
    ja: 'チャネルやグループ チャットでは、ボットをメンションしてからメッセージを送信してください。',
    en: 'In a channel or group chat, @mention the bot in your message.',
  },
  helpCommandsTitle: { ja: 'コマンド', en: 'Commands' },
  helpFollowUp: {
    ja: '結果について質問すると (例: 「TLS は大丈夫?」「プロキシについて教えて」)、該当する説明をお返しします。',
    en: 'Ask about the result ("is TLS OK?", "what about the proxy?") and the bot answers with the matching explanation.',
  },
  // refusal card
  refusalWhatToSend: { ja: '代わりに送信していただきたいもの', en: 'What to send instead' },
  // region card
  regionTitle: { ja: '{region} で確認する宛先', en: 'Endpoints to test for {region}' },
  regionIntro: {
    ja: 'Recovery Services ボールトのリージョンに応じた宛先です。各宛先へ、記載のポートで通信できることをご確認ください。',
    en: 'These are the endpoints for the region of the vault. Check that each is reachable on the port shown.',
  },
  regionHowToTest: {
    ja: 'Windows では Test-NetConnection <FQDN> -Port <ポート>、Linux では nc -vz <FQDN> <ポート> で確認できます。',
    en: 'On Windows test with Test-NetConnection <FQDN> -Port <port>; on Linux with nc -vz <FQDN> <port>.',
  },
  regionNone: { ja: 'このリージョンの宛先情報はありません。', en: 'No endpoint list is known for this region.' },
  regionMore: { ja: 'ほか {count} 件', en: 'and {count} more' },
  regionNoteSovereign: {
    ja: 'このクラウドの DNS サフィックスは公開されていないため、Azure パブリック クラウドの形式で表示しています。',
    en: 'This cloud does not publish its DNS suffixes: the Azure public cloud form is shown.',
  },
  regionNoteUnconfirmed: {
    ja: 'DNS サフィックスを確認できていません。実際の宛先は Azure のドキュメントでご確認ください。',
    en: 'The DNS suffix is not confirmed: check the actual endpoint in the Azure documentation.',
  },
  // unmatched follow-up
  unmatchedTitle: { ja: 'ご質問に合う説明が見つかりませんでした', en: 'I could not match your question' },
  unmatchedCanExplain: { ja: '直近の結果について、次の項目をご説明できます。', en: 'About the last result, I can explain the following.' },
  unmatchedNoReport: {
    ja: 'この会話ではまだログを受け取っていません。ログを送信していただくと、結果についてご説明できます。',
    en: 'No log has been sent in this conversation yet. Send one and I can explain the result.',
  },
  unmatchedEscalate: {
    ja: '解決しない場合は、エンジニアにエスカレーションしてください。',
    en: 'If this does not help, escalate to an engineer.',
  },
  unmatchedAlsoAsk: {
    ja: '次の内容についてのご質問にもお答えできます (例: 「プロキシについて教えて」)。',
    en: 'You can also ask about these (for example "what about the proxy?"):',
  },
  topicEndpoints: { ja: '宛先ごとの結果', en: 'the result for each endpoint' },
  // fallback texts (notifications, clients that cannot render the card): catalogue text only,
  // never user text, because some clients render fallbackText as markdown
  fallbackSummary: { ja: '疎通確認ログの解析結果', en: 'Network-check log analysis' },
  fallbackEndpoints: { ja: '宛先ごとの確認結果', en: 'Endpoint results' },
  fallbackExplanation: { ja: '確認事項の説明', en: 'Finding explained' },
  fallbackRefusal: { ja: 'ログを解析できませんでした', en: 'The log could not be analyzed' },
  fallbackRegion: { ja: 'リージョンごとの宛先', en: 'Endpoints for a region' },
  fallbackNotice: { ja: 'ボットからのお知らせ', en: 'Message from the bot' },
  // errors
  cardFailed: {
    ja: 'カードを表示できませんでした。お手数ですが、もう一度お試しください。',
    en: 'The card could not be shown. Please try again.',
  },
});

/**
 * The language switch names the language it switches to, in that language (not a translation,
 * so not in the catalogue).
 */
export const SWITCH_LANGUAGE_CAPTION: Readonly<Record<Lang, string>> = { ja: 'English', en: '日本語' };

/**
 * Joins the parts of one endpoint's problem, each a whole sentence without its full stop
 * ("…接続できませんでした。Web リクエストが失敗しました" / "… failed. The web request failed").
 */
export const DETAIL_SEPARATOR: Readonly<Record<Lang, string>> = { ja: '。', en: '. ' };
