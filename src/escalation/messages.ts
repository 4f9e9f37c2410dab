// Everything the escalation flow says, in Japanese and English. Japanese is written the way a
// support engineer writes to a customer (丁寧語), English terse and factual.
import { defineMessages } from '../i18n/lang';

export const ESCALATION_MESSAGES = defineMessages({
  // ---- the form (requester) -------------------------------------------------------------------
  formTitle: { ja: 'エンジニアへのエスカレーション', en: 'Escalate to an engineer' },
  formIntro: {
    ja: 'この解析結果をサポート エンジニアに引き継ぎます。エンジニアがすぐに調査を始められるよう、以下をご記入ください。',
    en: 'This hands the analysis over to a support engineer. A few details help them start right away.',
  },
  formFile: { ja: 'ログ ファイル', en: 'Log file' },
  formTriedLabel: { ja: 'これまでに試したこと', en: 'What you have already tried' },
  formTriedPlaceholder: {
    ja: '例: プロキシのバイパス リストに *.blob.core.windows.net を追加し、スクリプトを再実行しました',
    en: 'e.g. added *.blob.core.windows.net to the proxy bypass list and ran the script again',
  },
  formTriedRequired: { ja: '試したことをご記入ください (まだの場合は「なし」とご記入ください)。', en: 'Please say what you tried (or "nothing yet").' },
  formUrgencyLabel: { ja: '緊急度', en: 'Urgency' },
  formUrgencyRequired: { ja: '緊急度をお選びください。', en: 'Please choose the urgency.' },
  urgencyLow: { ja: '低 (数日以内の対応で問題ありません)', en: 'Low (within a few days is fine)' },
  urgencyNormal: { ja: '通常', en: 'Normal' },
  urgencyHigh: { ja: '高 (バックアップが失敗し続けています)', en: 'High (backups are failing now)' },
  urgencyShortLow: { ja: '低', en: 'low' },
  urgencyShortNormal: { ja: '通常', en: 'normal' },
  urgencyShortHigh: { ja: '高', en: 'high' },
  // as a fact's value ("Urgency  High"), where the lower-case words above look like raw codes
  urgencyValueLow: { ja: '低', en: 'Low' },
  urgencyValueNormal: { ja: '通常', en: 'Normal' },
  urgencyValueHigh: { ja: '高', en: 'High' },
  formCaseLabel: { ja: 'サポート リクエスト番号 (任意)', en: 'Support case number (optional)' },
  formContactLabel: { ja: 'ご連絡先 (任意)', en: 'Contact (optional)' },
  formContactPlaceholder: { ja: 'メール アドレスや電話番号など', en: 'e-mail address or phone number' },
  formSubmit: { ja: 'エスカレーションする', en: 'Escalate' },
  formCancel: { ja: '解析結果に戻る', en: 'Back to the analysis' },

  // ---- the requester's card after submitting -------------------------------------------------
  statusTitle: { ja: 'エンジニアにエスカレーションしました', en: 'Escalated to an engineer' },
  statusId: { ja: 'エスカレーション番号: {id}', en: 'Escalation {id}' },
  stateOpenText: { ja: '担当エンジニアの割り当てをお待ちください。', en: 'Waiting for an engineer to pick it up.' },
  stateTakenText: { ja: '{name} さんが担当しています。', en: '{name} is working on it.' },
  stateResolvedText: { ja: '{name} さんが解決済みにしました。', en: 'Resolved by {name}.' },
  postFailedText: {
    ja: 'エンジニアのチャネルにお届けできませんでした。お手数ですが、エスカレーション番号 {id} を添えて、担当窓口へ直接ご連絡ください。',
    en: 'This could not be delivered to the engineers\u2019 channel. Please contact them directly and quote escalation {id}.',
  },
  lastReplyLabel: { ja: 'エンジニアからの回答', en: 'Answer from the engineer' },
  resolutionLabel: { ja: '解決内容', en: 'Resolution' },
  backToReport: { ja: '解析結果を表示', en: 'Show the analysis' },

  // ---- the engineers' thread -----------------------------------------------------------------
  postText: {
    ja: '{requester} さんからエスカレーションがありました ({id}、緊急度: {urgency})。',
    en: 'Escalation {id} from {requester} (urgency: {urgency}).',
  },
  postOnCall: { ja: '{mention} ご確認をお願いします。', en: '{mention} please take a look.' },
  engineerTitle: { ja: 'エスカレーション {id}', en: 'Escalation {id}' },
  requesterLabel: { ja: '依頼者', en: 'Requested by' },
  fileLabel: { ja: 'ログ ファイル', en: 'Log file' },
  caseLabel: { ja: 'サポート リクエスト番号', en: 'Case number' },
  contactLabel: { ja: '連絡先', en: 'Contact' },
  urgencyLabel: { ja: '緊急度', en: 'Urgency' },
  receivedLabel: { ja: '受付日時 (UTC)', en: 'Received (UTC)' },
  stateLabel: { ja: '状態', en: 'State' },
  ownerLabel: { ja: '担当', en: 'Owner' },
  triedLabel: { ja: '依頼者が試したこと', en: 'What they tried' },
  historyLabel: { ja: '経緯', en: 'History' },
  summaryLabel: { ja: '解析結果', en: 'Analysis' },
  summaryOmitted: {
    ja: '解析結果はカードのサイズ上限のため省略しました。元の会話でご確認ください。',
    en: 'The analysis did not fit on this card; open the original conversation to see it.',
  },
  stateOpen: { ja: '未対応', en: 'Open' },
  stateTaken: { ja: '対応中', en: 'In progress' },
  stateResolved: { ja: '解決済み', en: 'Resolved' },
  nobody: { ja: '(未割り当て)', en: '(nobody yet)' },
  none: { ja: '(なし)', en: '(none)' },
  openConversation: { ja: '元の会話を開く', en: 'Open the original conversation' },
  openThread: { ja: 'スレッドを開く', en: 'Open the thread' },
  takeButton: { ja: '担当する', en: 'Take it' },
  replyButton: { ja: '依頼者に回答', en: 'Reply to requester' },
  replyInputLabel: { ja: '依頼者への回答 (元のスレッドに投稿されます)', en: 'Your answer (posted in the requester\u2019s thread)' },
  replySend: { ja: '送信', en: 'Send' },
  resolveButton: { ja: '解決済みにする', en: 'Resolve' },
  resolveInputLabel: { ja: '解決内容 (依頼者にも表示されます)', en: 'Resolution note (the requester sees it too)' },
  resolveSend: { ja: '解決済みにする', en: 'Resolve' },
  historyCreated: { ja: '{at} {name} さんからエスカレーション', en: '{at} escalated by {name}' },
  historyTaken: { ja: '{at} {name} さんが担当しました', en: '{at} taken by {name}' },
  historyReplied: { ja: '{at} {name} さんが回答しました: {note}', en: '{at} {name} replied: {note}' },
  historyResolved: { ja: '{at} {name} さんが解決済みにしました: {note}', en: '{at} resolved by {name}: {note}' },

  // ---- answers to the engineers' buttons -----------------------------------------------------
  noticeAlreadyTaken: { ja: 'この件はすでに {name} さんが担当しています。', en: '{name} already has this one.' },
  noticeAlreadyResolved: { ja: 'この件は {name} さんが解決済みにしています。', en: '{name} has already resolved this one.' },
  noticeTaken: { ja: '担当者になりました。依頼者のカードにも表示されます。', en: 'You have it now; the requester\u2019s card shows it.' },
  noticeReplySent: { ja: '回答を依頼者のスレッドに送信します。', en: 'Your answer is on its way to the requester\u2019s thread.' },
  noticeResolved: { ja: '解決済みにしました。依頼者にもお知らせします。', en: 'Resolved. The requester is told as well.' },
  needReplyText: { ja: '回答の内容をご記入ください。', en: 'Please write the answer first.' },
  needResolveNote: { ja: '解決内容をご記入ください。', en: 'Please write a resolution note first.' },
  notEngineersChannel: {
    ja: 'この操作は、エスカレーション先のエンジニア チャネルからのみ行えます。',
    en: 'This can only be done from the engineers\u2019 escalation channel.',
  },
  escalationNotFound: { ja: 'このエスカレーションは見つかりません。', en: 'This escalation cannot be found.' },

  // ---- messages in the requester's thread ----------------------------------------------------
  replyHeader: { ja: '{engineer} さんからの回答 ({id})', en: 'Answer from {engineer} ({id})' },
  resolvedHeader: { ja: '{engineer} さんがエスカレーション {id} を解決済みにしました', en: '{engineer} resolved escalation {id}' },

  // ---- setup and commands --------------------------------------------------------------------
  setupTitle: { ja: 'エスカレーション先が設定されていません', en: 'No escalation channel yet' },
  setupText: {
    ja: 'エンジニアへのエスカレーションを使うには、エンジニアのチーム (このボットを追加済みのチーム) のチャネルで、ボットをメンションして「エスカレーション先 ここ」と送信してください。管理者が環境変数 ESCALATION_TEAM_ID と ESCALATION_CHANNEL_ID で指定することもできます。',
    en: 'To escalate to engineers, someone in the engineers\u2019 team (with this bot added) mentions the bot with "escalation here" in their channel. An administrator can also set ESCALATION_TEAM_ID and ESCALATION_CHANNEL_ID.',
  },
  hereConfirm: {
    ja: 'このチャネルをエスカレーション先に設定しました。今後のエスカレーションは、ここに新しいスレッドとして投稿されます。',
    en: 'This channel is now the escalation target. Escalations arrive here as new threads.',
  },
  hereReplaced: { ja: '(以前のエスカレーション先の設定は置き換えられました。)', en: '(This replaces the previous target.)' },
  hereNotChannel: {
    ja: 'エスカレーション先に設定できるのはチームのチャネルだけです。エンジニアのチャネルでボットをメンションして「エスカレーション先 ここ」と送信してください。',
    en: 'The escalation target must be a team channel: mention me with "escalation here" in the engineers\u2019 channel.',
  },
  hereEnvFixed: {
    ja: 'エスカレーション先は環境変数 ESCALATION_TEAM_ID / ESCALATION_CHANNEL_ID で固定されているため、チャットからは変更できません。',
    en: 'The escalation target is fixed by ESCALATION_TEAM_ID / ESCALATION_CHANNEL_ID and cannot be changed from chat.',
  },
  listTitle: { ja: 'オープン中のエスカレーション ({count} 件)', en: 'Open escalations ({count})' },
  listEmpty: { ja: 'オープン中のエスカレーションはありません。', en: 'There are no open escalations.' },
  listNotHere: {
    ja: 'エスカレーションの一覧は、エスカレーション先のチャネルでのみ表示できます。',
    en: 'The list of escalations is only shown in the escalation channel.',
  },
  listRow: { ja: '{id} / {state} / {age} / 担当: {owner}', en: '{id} · {state} · {age} · owner: {owner}' },
  listRowDetail: { ja: '{requester} さん / {file}', en: '{requester} · {file}' },
  ageMinutes: { ja: '{n} 分前', en: '{n} min ago' },
  ageHours: { ja: '{n} 時間前', en: '{n} h ago' },
  ageDays: { ja: '{n} 日前', en: '{n} d ago' },
  reportGone: {
    ja: 'この解析結果は見つかりません (保存期間を過ぎた可能性があります)。お手数ですが、ログをもう一度お送りください。',
    en: 'This analysis can no longer be found (it may have expired). Please send the log again.',
  },
  reportNotHere: { ja: 'このカードはこの会話では使えません。', en: 'This card is not valid in this conversation.' },
  unknownFile: { ja: '(ファイル名なし)', en: '(no file name)' },

  // ---- help entries --------------------------------------------------------------------------
  hereCommandTitle: { ja: 'エスカレーション先の設定', en: 'Set the escalation channel' },
  // what to type, shown in help (as "リージョン <名前>" for the region command)
  hereCommandUsage: { ja: 'エスカレーション先 ここ', en: 'escalation here' },
  // descriptions are help-card / command-list lines: no full stop, as the bot's other commands
  hereCommandDescription: {
    ja: 'このチャネルを、エンジニアへのエスカレーションの投稿先にします (エンジニアのチャネルで入力します)',
    en: 'Make this channel the place escalations to engineers are posted (type it in the engineers’ channel)',
  },
  listCommandTitle: { ja: 'エスカレーション一覧', en: 'Open escalations' },
  listCommandUsage: { ja: 'エスカレーション一覧', en: 'escalations' },
  listCommandDescription: {
    ja: 'オープン中のエスカレーションを、経過時間と担当者つきで表示します (エスカレーション先のチャネルのみ)',
    en: 'List the open escalations with their age and owner (in the escalation channel only)',
  },
});
