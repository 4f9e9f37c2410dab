// The activity Teams posts when a user sends a file to the bot in a 1:1 chat: a message with a
// `file.download.info` attachment whose downloadUrl (pre-authenticated, short-lived) points at
// SharePoint — here at the bench file host. One conversation and user per request, as when
// many people send logs at once (and so no per-user rate limit is what gets measured).
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
export const BENCH_TENANT = 'bench-tenant';

export interface BenchActivityInput {
  serviceUrl: string;
  conversationId: string;
  activityId: string;
  userId: string;
  fileName: string;
  downloadUrl: string;
  locale?: string;
}

export function fileMessageActivity(o: BenchActivityInput): Record<string, unknown> {
  return {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    id: o.activityId,
    timestamp: new Date().toISOString(),
    locale: o.locale ?? 'en-US',
    text: '',
    from: { id: `29:${o.userId}`, name: 'Support Staff', aadObjectId: `aad-${o.userId}` },
    recipient: { id: '28:bench-bot', name: 'nwcheck' },
    conversation: { id: o.conversationId, conversationType: 'personal', tenantId: BENCH_TENANT },
    channelData: { tenant: { id: BENCH_TENANT } },
    attachments: [
      {
        contentType: FILE_DOWNLOAD_INFO,
        contentUrl: `https://contoso-my.sharepoint.com/personal/user/Documents/Microsoft%20Teams%20Chat%20Files/${encodeURIComponent(o.fileName)}`,
        name: o.fileName,
        content: { downloadUrl: o.downloadUrl, uniqueId: `${o.activityId}-file`, fileType: 'log' },
      },
    ],
  };
}
