// Typed failures of card building. They are programming or data-contract errors (a template
// asks for a field the builder did not supply, a card outgrew the Teams limit even after every
// list was cut), never user errors: the bot logs `logMessage` and answers with a generic notice.

export type CardErrorCode = 'unknown-template' | 'unresolved-binding' | 'invalid-template' | 'too-large';

export class CardError extends Error {
  readonly code: CardErrorCode;
  /** key of the user-facing message in the cards catalogue */
  readonly userMessageKey = 'cardFailed' as const;
  constructor(code: CardErrorCode, logMessage: string) {
    super(logMessage);
    this.name = 'CardError';
    this.code = code;
  }
  get logMessage(): string {
    return this.message;
  }
}

/** A `${...}` binding survived expansion: the builder did not supply a field the template uses. */
export class UnresolvedBindingError extends CardError {
  readonly template: string;
  readonly leftovers: string[];
  constructor(template: string, leftovers: string[]) {
    super('unresolved-binding', `card template "${template}" left unresolved bindings: ${leftovers.join(', ')}`);
    this.name = 'UnresolvedBindingError';
    this.template = template;
    this.leftovers = leftovers;
  }
}

export class CardTooLargeError extends CardError {
  readonly bytes: number;
  readonly limit: number;
  constructor(template: string, bytes: number, limit: number) {
    super('too-large', `card "${template}" is ${bytes} bytes after every cut, over the ${limit}-byte budget`);
    this.name = 'CardTooLargeError';
    this.bytes = bytes;
    this.limit = limit;
  }
}
