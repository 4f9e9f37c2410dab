import assert from 'node:assert/strict';
import { ActionRegistry, normalizeCommandText, RegistryError, type TextCommand } from '../../src/bot/action-registry';

function command(name: string, en: string[], ja: string[]): TextCommand {
  return { name, aliases: { en, ja }, title: { en: name, ja: name }, description: { en: name, ja: name }, run: () => Promise.resolve() };
}

describe('ActionRegistry', () => {
  const registry = new ActionRegistry();
  registry.registerCommand(command('language', ['language', 'lang'], ['言語']));
  registry.registerCommand(command('escalation-here', ['escalation here'], ['エスカレーション先']));
  registry.registerCommand(command('escalations', ['escalations'], []));
  registry.registerCommand(command('region', ['region'], ['リージョン']));

  it('matches aliases case-insensitively, full-width spaces included, with the rest as args', () => {
    assert.deepEqual(
      (({ command: c, args, alias }) => ({ name: c.name, args, alias }))(registry.matchCommand('  LANGUAGE\u3000ja ')!),
      { name: 'language', args: 'ja', alias: 'language' },
    );
    assert.equal(registry.matchCommand('lang en')!.command.name, 'language');
  });

  it('needs a word boundary for English aliases, takes the longest alias', () => {
    assert.equal(registry.matchCommand('languages'), undefined);
    assert.equal(registry.matchCommand('escalations')!.command.name, 'escalations');
    assert.equal(registry.matchCommand('escalation here')!.command.name, 'escalation-here');
    assert.equal(registry.matchCommand('escalation'), undefined);
  });

  it('Japanese aliases take an argument without a space, but not a particle', () => {
    assert.equal(registry.matchCommand('言語英語')!.args, '英語');
    assert.equal(registry.matchCommand('リージョン東日本')!.args, '東日本');
    assert.equal(registry.matchCommand('リージョンは東日本ですか?'), undefined);
  });

  it('refuses duplicate names and clashing aliases', () => {
    assert.throws(() => registry.registerCommand(command('language', ['x'], [])), RegistryError);
    assert.throws(() => registry.registerCommand(command('other', ['LANG'], [])), /already used by "language"/);
    assert.throws(() => registry.registerCommand(command('empty', ['  '], [])), /empty alias/);
  });

  it('one handler per verb unless replacing on purpose', () => {
    const r = new ActionRegistry();
    r.registerAction('escalate', () => Promise.resolve({ kind: 'message', text: 'a' }));
    assert.throws(() => r.registerAction('escalate', () => Promise.resolve({ kind: 'message', text: 'b' })), RegistryError);
    r.registerAction('escalate', () => Promise.resolve({ kind: 'message', text: 'c' }), { replace: true });
    assert.deepEqual(r.registeredVerbs(), ['escalate']);
    assert.equal(r.hasAction('explain'), false);
  });

  it('hidden commands are matched but not listed', () => {
    const r = new ActionRegistry();
    r.registerCommand({ ...command('secret', ['secret'], []), hidden: true });
    assert.equal(r.commands().length, 0);
    assert.equal(r.commands({ includeHidden: true }).length, 1);
    assert.equal(r.matchCommand('secret')!.command.name, 'secret');
  });

  it('normalizeCommandText folds width, case and whitespace', () => {
    assert.equal(normalizeCommandText('\u3000ＨＥＬＰ\t me \n'), 'help me');
  });
});
