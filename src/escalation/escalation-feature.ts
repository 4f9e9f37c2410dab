// Escalation as one pluggable feature: a BotPlugin for createBotApp (registers the buttons and
// commands on the bot's storage and clock) and start/stop for the outbox drainer, which needs the
// bot's CloudAdapter to send proactively. See docs/escalation.md "Integration".
import type { BotPlugin } from '../bot/create-bot-app';
import type { BotServices } from '../bot/bot-services';
import type { EscalationConfig } from './escalation-config';
import { EscalationDeliveries, type EscalationTransport } from './escalation-deliveries';
import { registerEscalation } from './escalation-handlers';
import type { EscalationLogger } from './escalation-logger';
import { EscalationService } from './escalation-service';
import { EscalationStore } from './escalation-store';
import { OutboxDrainer } from './outbox-drainer';
import { createTeamsTransport, type ProactiveAdapter } from './teams-transport';

export interface EscalationFeatureOptions {
  config: EscalationConfig;
  /** fetch for the webhook (default: global fetch) */
  fetch?: typeof fetch;
  /** replaces the Teams transport (tests) */
  transport?: EscalationTransport;
  /** an index entry whose record never appeared is dropped after this long (default 5 min) */
  missingGraceMs?: number;
  /** the bot's per-conversation send lane: `(id, call) => pacer.run(id, call)` (see teams-transport) */
  pace?: <T>(conversationId: string, call: () => Promise<T>) => Promise<T>;
}

export interface EscalationFeature {
  /** pass in createBotApp({ plugins: [feature.plugin] }) */
  readonly plugin: BotPlugin;
  /** starts the outbox drainer: drains now, after each change, and every drainIntervalMs */
  start(adapter: ProactiveAdapter, appId: string): void;
  /** stops the drainer (pending deliveries stay stored and resume on the next start) */
  stop(): Promise<void>;
  /** readiness / metrics: pending deliveries, oldest wait (degrade readiness past ~5 min), dead letters */
  status(): Promise<{ pendingEscalations: number; pendingDeliveries: number; oldestPendingMs?: number; deadLetters: number }>;
  /** available once the plugin ran */
  readonly service: EscalationService | undefined;
  readonly drainer: OutboxDrainer | undefined;
}

export function createEscalationFeature(options: EscalationFeatureOptions): EscalationFeature {
  const { config } = options;
  let services: BotServices | undefined;
  let store: EscalationStore | undefined;
  let service: EscalationService | undefined;
  let drainer: OutboxDrainer | undefined;
  let logger: EscalationLogger | undefined;

  const plugin: BotPlugin = (registry, botServices) => {
    services = botServices;
    logger = botServices.log.child({ component: 'escalation' });
    const now = () => botServices.clock.now().getTime();
    store = new EscalationStore(botServices.storage);
    service = new EscalationService({ store, config, now, onEnqueued: () => drainer?.kick() });
    registerEscalation(registry, { service, now });
  };

  return {
    plugin,
    get service() {
      return service;
    },
    get drainer() {
      return drainer;
    },
    start(adapter, appId) {
      if (!services || !store || !logger) throw new Error('escalation: start() before the plugin was registered with createBotApp');
      if (drainer) return;
      const clock = services.clock;
      const now = () => clock.now().getTime();
      const transport =
        options.transport ?? createTeamsTransport({ adapter, appId, timeoutMs: config.sendTimeoutMs, logger, ...(options.pace ? { pace: options.pace } : {}) });
      const deliveries = new EscalationDeliveries({ transport, store, config, now, ...(options.fetch ? { fetch: options.fetch } : {}) });
      drainer = new OutboxDrainer(store, deliveries, {
        policy: config.retry,
        leaseMs: config.leaseMs,
        intervalMs: config.drainIntervalMs,
        minIntervalMs: Math.min(250, config.drainIntervalMs),
        missingGraceMs: options.missingGraceMs ?? 5 * 60_000,
        now,
        logger,
      });
      drainer.start();
    },
    async status() {
      if (!service) throw new Error('escalation: status() before the plugin was registered with createBotApp');
      return service.outboxStatus();
    },
    async stop() {
      const running = drainer;
      drainer = undefined;
      await running?.stop();
    },
  };
}
