// Every sentence the bot itself says (the analyzer's findings and refusals have their own
// catalogues in src/i18n/). Terse and factual: what happened, what to do next.
import { defineMessages, type Lang } from '../i18n/lang';

export const BOT_MESSAGES = defineMessages({
  sendLogTitle: {
    ja: '疎通確認スクリプトのログをお送りください',
    en: 'Send me a network-check log',
  },
  sendLogText: {
    ja: 'Azure Backup の疎通確認スクリプトのログ (AzureBackup_Check_NW_*.log、CheckNWResult_*.log) をファイルで添付するか、ログの内容をそのまま貼り付けてください。zip にまとめたものでも読み取れます。使い方は「ヘルプ」と入力するとご覧いただけます。',
    en: 'Attach the log of the Azure Backup network-check script (AzureBackup_Check_NW_*.log, CheckNWResult_*.log) as a file, or paste its text. A zip of logs works too. Type "help" to see what I can do.',
  },
  welcomeTitle: {
    ja: 'Azure Backup 疎通確認ログの解析ボット',
    en: 'Azure Backup network-check log analyzer',
  },
  welcomeText: {
    ja: '疎通確認スクリプトのログをお送りいただくと、通信要件を満たしていない点と対処方法をカードでお知らせします。まずは「サンプル」と入力して、解析結果の例をご覧ください。',
    en: 'Send me a log of the network-check script and I answer with a card: what breaks the network requirements and how to fix it. Type "sample" to see an example.',
  },
  reportGoneTitle: {
    ja: 'この解析結果は表示できません',
    en: 'This result is no longer available',
  },
  reportGoneText: {
    ja: '解析結果の保存期間 ({days} 日) が過ぎたか、結果が見つかりませんでした。お手数ですが、ログをもう一度お送りください。',
    en: 'The result was kept for {days} days and is gone, or it cannot be found. Please send the log again.',
  },
  reportElsewhereTitle: {
    ja: 'このカードはここでは使えません',
    en: 'This card is not valid here',
  },
  reportElsewhereText: {
    ja: 'このカードは別の会話で解析されたログのものです。この会話で確認するには、ここにログをお送りください。',
    en: 'This card belongs to a log analyzed in another conversation. To look at it here, send the log in this conversation.',
  },
  actionInvalidTitle: {
    ja: 'このボタンは処理できません',
    en: 'This button cannot be processed',
  },
  actionInvalidText: {
    ja: 'カードのデータが正しくありません。ログをもう一度お送りいただくと、新しいカードをお届けします。',
    en: 'The card data is not valid. Send the log again to get a fresh card.',
  },
  escalationNotSetUpTitle: {
    ja: 'エスカレーションは設定されていません',
    en: 'Escalation is not set up',
  },
  escalationNotSetUpText: {
    ja: 'このボットではエンジニアへのエスカレーションが設定されていません。お手数ですが、通常のサポート窓口からお問い合わせください。',
    en: 'Escalation to engineers is not set up for this bot. Please contact support through your usual channel.',
  },
  languageSet: {
    ja: '今後は日本語でお答えします。',
    en: 'I will answer in English from now on.',
  },
  languageCurrent: {
    ja: '現在の表示言語は日本語です。変更するには「言語 英語」または「language en」と入力してください。',
    en: 'I am answering in English. To change it, type "language ja" (Japanese) or "language en" (English).',
  },
  languageUnknown: {
    ja: '「{value}」は指定できません。「言語 日本語」または「言語 英語」と入力してください。',
    en: '"{value}" is not a language I speak. Type "language ja" or "language en".',
  },
  thanksReply: {
    ja: 'どういたしまして。ほかにも気になる点がありましたら、いつでもお知らせください。',
    en: "You're welcome. If anything else comes up, just ask or send another log.",
  },
  regionUsage: {
    ja: 'リージョン名を指定してください。例: 「リージョン japaneast」「リージョン 東日本」',
    en: 'Name a region, for example "region japaneast" or "region Japan East".',
  },
  regionNotFound: {
    ja: '「{query}」というリージョンは見つかりませんでした。japaneast のような ID か、東日本 (Japan East) のような表示名で指定してください。',
    en: 'I do not know a region called "{query}". Use an id such as japaneast or a display name such as Japan East.',
  },
  noFileInMessageTitle: {
    ja: 'メッセージにファイルが見つかりません',
    en: 'No file in that message',
  },
  noFileInMessageText: {
    ja: 'メッセージを確認しましたが、添付ファイルが見つかりませんでした。ボットとの 1 対 1 のチャットでファイルを添付するか、ログの内容を貼り付けてください。',
    en: 'I read the message but found no attached file. Attach the file in a 1:1 chat with me, or paste the log text.',
  },
  temporaryProblemTitle: {
    ja: '一時的な問題が発生しました',
    en: 'A temporary problem occurred',
  },
  temporaryProblemText: {
    ja: 'ログの処理中に一時的な問題が発生しました。お手数ですが、しばらくしてからもう一度お送りください。',
    en: 'A temporary problem occurred while processing the log. Please send it again in a few minutes.',
  },
  sampleIntro: {
    ja: '組み込みのサンプル ログ ({file}) を解析した例です。実際のログを添付するか貼り付けると、同じ形式でお答えします。',
    en: 'This is the analysis of a built-in sample log ({file}). Attach or paste a real log and you get the same kind of answer.',
  },
  reportPart: {
    ja: '{label} ({index}/{total})',
    en: '{label} ({index}/{total})',
  },
  // follow-up answers when the report has no finding on the topic asked about
  // ja: written for an ASCII topic ("TLS 1.2 について", "Azure Storage について");
  // answerQuestion's aboutTitle drops the space after a Japanese one ("プロキシについて")
  topicTitle: {
    ja: '{topic} について',
    en: 'About {topic}',
  },
  topicTls: { ja: 'TLS 1.2', en: 'TLS 1.2' },
  topicProxy: { ja: 'プロキシ', en: 'the proxy' },
  topicDns: { ja: '名前解決', en: 'name resolution' },
  topicEndpoint: { ja: '{host}', en: '{host}' },
  tlsEnabled: {
    ja: 'TLS 1.2 は有効になっています。このログでは TLS に関する問題は見つかりませんでした。',
    en: 'TLS 1.2 is enabled. This log shows no TLS problem.',
  },
  tlsOsDefault: {
    ja: 'TLS 1.2 はレジストリで明示的に設定されておらず、OS の既定値で動作しています。このログでは TLS に関する問題は見つかりませんでした。',
    en: 'TLS 1.2 is not set explicitly in the registry; the OS default applies. This log shows no TLS problem.',
  },
  tlsDisabled: {
    ja: 'TLS 1.2 は無効になっています。',
    en: 'TLS 1.2 is disabled.',
  },
  tlsUnknown: {
    ja: 'このログには TLS の設定を確認した結果が含まれていないため、TLS 1.2 の状態は判断できません。',
    en: 'This log has no TLS check, so I cannot tell the state of TLS 1.2.',
  },
  proxyNone: {
    ja: 'このログでは、どの設定にもプロキシ サーバーは構成されていません (直接接続)。プロキシに関する問題も見つかりませんでした。',
    en: 'No proxy server is configured in any setting in this log (direct connection). This log shows no proxy problem.',
  },
  proxyList: {
    ja: 'このログに記録されているプロキシ設定は、{list} です。プロキシに関する問題は見つかりませんでした。',
    en: 'Proxy settings in this log: {list}. This log shows no proxy problem.',
  },
  proxyEntry: { ja: '{context}: {server}', en: '{context}: {server}' },
  dnsAllResolved: {
    ja: 'このログで確認したすべての宛先の名前解決に成功しています。',
    en: 'Every endpoint checked in this log resolved.',
  },
  endpointStatus: {
    ja: '{host}:{port} の確認結果: 名前解決 {dns}、TCP 接続 {tcp}、HTTPS 接続 {http}。この宛先で問題は見つかりませんでした。',
    en: '{host}:{port}: name resolution {dns}, TCP {tcp}, HTTPS {http}. No problem was found for this endpoint.',
  },
  stateOk: { ja: '成功', en: 'succeeded' },
  stateFailed: { ja: '失敗', en: 'failed' },
  stateNotTested: { ja: '未実施', en: 'not tested' },
  stateUnknown: { ja: '不明', en: 'unknown' },
  serviceAllReachable: {
    ja: 'このログでは、これらの宛先とはすべて通信できています。',
    en: 'This log shows all of these endpoints reachable.',
  },
  serviceSomeUnreachable: {
    ja: '通信できていない宛先があります。詳しくは解析結果のカードの「すべての宛先を表示」からご確認ください。',
    en: 'Some of these endpoints are not reachable. See "Show all endpoints" on the result card for details.',
  },
  andMoreEndpoints: { ja: 'ほか {count} 件', en: 'and {count} more' },
  endpointNotInLog: {
    ja: '{host} はこのログで確認された宛先に含まれていません。',
    en: '{host} was not checked in this log.',
  },
});

/**
 * A title and its text as one plain message (an invoke's text answer, the adapter's error
 * reply): "この解析結果は表示できません。解析結果の保存期間…" / "This result is no longer
 * available. The result was kept…" — not "…表示できません: 解析結果の…".
 */
export function titleAndText(title: string, text: string, lang: Lang): string {
  return lang === 'ja' ? `${title}。${text}` : `${title}. ${text}`;
}
