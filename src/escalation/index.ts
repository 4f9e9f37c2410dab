// Public API of the escalation feature: the composition root needs createEscalationFeature and
// loadEscalationConfig; the rest is exported for tools and tests.
export { createEscalationFeature } from './escalation-feature';
export type { EscalationFeature, EscalationFeatureOptions } from './escalation-feature';
export { loadEscalationConfig, parseMention } from './escalation-config';
export type { EscalationConfig, MentionTarget } from './escalation-config';
export { EscalationService } from './escalation-service';
export { EscalationStore } from './escalation-store';
export type { ClaimStorage, DeadLetter } from './escalation-store';
export { OutboxDrainer } from './outbox-drainer';
export { createTeamsTransport, disableSdkRetries } from './teams-transport';
export { signWebhookBody, verifyWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, DELIVERY_HEADER, EVENT_HEADER } from './webhook';
export { ESCALATION_MESSAGES } from './messages';
export type { EscalationRecord, EscalationState, EscalationTarget, OutboxItem, Person } from './escalation';
