// What a message offers to analyze: files Teams handed over (1:1 chats), files only Graph can
// read (channels, group chats), or nothing (then the text is a paste, a command or a question).
import type { Activity } from 'botbuilder';
import { mentionsAttachedFiles } from './message-text';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
/** more attachments than this in one message are ignored (with a note in the log) */
export const MAX_FILES_PER_MESSAGE = 10;

export interface FileInput {
  name: string;
  url: string;
}

/** Which Graph message holds the files (Graph ids, not Bot Framework ones). */
export type GraphMessageRef =
  | { kind: 'channel'; teamId: string; channelId: string; messageId: string; parentId?: string }
  | { kind: 'chat'; chatId: string; messageId: string };

export type MessageInputs =
  | { kind: 'files'; files: FileInput[]; skipped: number }
  | { kind: 'graph'; conversationType: 'channel' | 'groupChat' }
  | { kind: 'none' };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function findInputs(activity: Partial<Activity>): MessageInputs {
  const files: FileInput[] = [];
  let skipped = 0;
  for (const a of activity.attachments ?? []) {
    if (a.contentType !== FILE_DOWNLOAD_INFO || !isRecord(a.content)) continue;
    const url = a.content.downloadUrl;
    if (typeof url !== 'string' || url === '') continue;
    if (files.length >= MAX_FILES_PER_MESSAGE) {
      skipped++;
      continue;
    }
    const name = typeof a.name === 'string' && a.name.trim() !== '' ? a.name.trim().slice(0, 255) : 'attachment';
    files.push({ name, url });
  }
  if (files.length > 0) return { kind: 'files', files, skipped };
  const type = activity.conversation?.conversationType;
  if ((type === 'channel' || type === 'groupChat') && mentionsAttachedFiles(activity)) {
    return { kind: 'graph', conversationType: type };
  }
  return { kind: 'none' };
}

/** The `;messageid=` part of a channel conversation id: the thread's root message. */
export function threadRootId(conversationId: string): string | undefined {
  const marker = ';messageid=';
  const at = conversationId.indexOf(marker);
  return at < 0 ? undefined : conversationId.slice(at + marker.length);
}

/** Conversation id without the thread part (the channel or chat itself). */
export function baseConversationId(conversationId: string): string {
  const at = conversationId.indexOf(';messageid=');
  return at < 0 ? conversationId : conversationId.slice(0, at);
}

/**
 * The Graph address of this message. `teamAadGroupId` comes from channelData.team.aadGroupId (or
 * TeamsInfo.getTeamDetails when Teams left it out).
 */
export function graphMessageRef(activity: Partial<Activity>, teamAadGroupId: string | undefined): GraphMessageRef | undefined {
  const conversationId = activity.conversation?.id ?? '';
  const messageId = activity.id ?? '';
  if (messageId === '' || conversationId === '') return undefined;
  if (activity.conversation?.conversationType === 'channel') {
    const channelData = isRecord(activity.channelData) ? activity.channelData : {};
    const channel = isRecord(channelData.channel) ? channelData.channel : {};
    const channelId = typeof channel.id === 'string' ? channel.id : baseConversationId(conversationId);
    if (!teamAadGroupId) return undefined;
    const root = threadRootId(conversationId);
    const ref: GraphMessageRef = { kind: 'channel', teamId: teamAadGroupId, channelId, messageId };
    if (root && root !== messageId) ref.parentId = root;
    return ref;
  }
  return { kind: 'chat', chatId: baseConversationId(conversationId), messageId };
}

export function teamAadGroupIdOf(activity: Partial<Activity>): string | undefined {
  const channelData = isRecord(activity.channelData) ? activity.channelData : {};
  const team = isRecord(channelData.team) ? channelData.team : {};
  return typeof team.aadGroupId === 'string' && team.aadGroupId !== '' ? team.aadGroupId : undefined;
}
