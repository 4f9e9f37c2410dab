// The logging the escalation code needs: pino's Logger satisfies it, a test can pass a recorder.
export interface EscalationLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: EscalationLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
