// Small builders for escalation tests: people, targets, conversation references, records.
import type { ConversationRef, EscalationTarget, Person } from '../../../src/escalation/escalation';
import { createEscalation, type NewEscalationInput } from '../../../src/escalation/escalation-transitions';

export const REQUESTER: Person = { id: '29:requester', name: '山田 花子', aadObjectId: 'aad-requester' };
export const ENGINEER_A: Person = { id: '29:engineer-a', name: 'Sato Ken', aadObjectId: 'aad-a' };
export const ENGINEER_B: Person = { id: '29:engineer-b', name: 'Lee Min', aadObjectId: 'aad-b' };
export const TENANT = 'tenant-1';

export function target(overrides: Partial<EscalationTarget> = {}): EscalationTarget {
  return {
    tenantId: TENANT,
    teamId: '19:team@thread.tacv2',
    channelId: '19:engineers@thread.tacv2',
    serviceUrl: 'https://smba.trafficmanager.net/apac/',
    lang: 'ja',
    source: 'chat',
    ...overrides,
  };
}

export function requesterRef(overrides: Partial<ConversationRef> = {}): ConversationRef {
  return {
    serviceUrl: 'https://smba.trafficmanager.net/apac/',
    channelId: 'msteams',
    conversation: { id: '19:support@thread.tacv2;messageid=1700000000000', conversationType: 'channel', tenantId: TENANT, isGroup: true },
    bot: { id: '28:bot', name: 'nwcheck' },
    ...overrides,
  };
}

export function newInput(overrides: Partial<NewEscalationInput> = {}): NewEscalationInput {
  return {
    id: 'ESC-TEST0000001',
    tenantId: TENANT,
    reportId: 'report-000000001',
    fileName: 'AzureBackup_Check_NW_host.log',
    lang: 'ja',
    requester: REQUESTER,
    requesterRef: requesterRef(),
    requesterCardActivityId: '1700000000001',
    notes: { tried: 'プロキシを確認しました', urgency: 'high', caseNumber: '2401010010000001', contact: 'hanako@example.com' },
    target: target(),
    ...overrides,
  };
}

export function newRecord(now = Date.UTC(2026, 0, 5, 9, 0, 0), webhook = false, overrides: Partial<NewEscalationInput> = {}) {
  return createEscalation(newInput(overrides), { now, webhook });
}
