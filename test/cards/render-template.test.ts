import assert from 'node:assert/strict';
import { CardError, UnresolvedBindingError, listTemplates, readTemplateJson, renderTemplate } from '../../src/cards';
import { allStrings, nodesOfType, visibleTexts } from './card-inspect';

describe('renderTemplate', () => {
  it('lists the templates in cards/', () => {
    const names = listTemplates();
    for (const n of ['summary', 'endpoints', 'explanation', 'help', 'refusal', 'region', 'unmatched', 'notice']) {
      assert.ok(names.includes(n), `cards/${n}.json missing`);
    }
  });

  it('expands a template with complete data', () => {
    const card = renderTemplate('notice', { lang: 'en', fallbackText: 'T', style: 'good', title: 'Title', paragraphs: [{ text: 'one' }, { text: 'two' }] });
    assert.equal(card.type, 'AdaptiveCard');
    assert.equal(card.version, '1.5');
    assert.deepEqual(visibleTexts(card), ['Title', 'one', 'two']);
  });

  it('throws UnresolvedBindingError when the data lacks a field the template uses', () => {
    assert.throws(
      () => renderTemplate('notice', { lang: 'en', fallbackText: 'T', style: 'good', paragraphs: [] }),
      (e: unknown) => e instanceof UnresolvedBindingError && e.leftovers.includes('${title}') && e.code === 'unresolved-binding',
    );
  });

  it('keeps ${...} from the data as literal text and evaluates nothing in it', () => {
    const card = renderTemplate('notice', {
      lang: 'en',
      fallbackText: 'T',
      style: 'good',
      title: '${secret} ${$root.secret} ${1+1} $data',
      paragraphs: [{ text: '${style}' }],
      secret: 'SECRET',
    });
    const texts = visibleTexts(card);
    assert.deepEqual(texts, ['${secret} ${$root.secret} ${1+1} $data', '${style}']);
    assert.ok(!JSON.stringify(card).includes('SECRET'));
  });

  it('keeps the private-use sentinel in data from turning into ${', () => {
    const card = renderTemplate('notice', { lang: 'en', fallbackText: 'T', style: 'good', title: '\uE000{x}', paragraphs: [] });
    assert.deepEqual(visibleTexts(card), ['\uFFFD{x}']);
  });

  it('rejects non-string text (a number or an object bound to a text field)', () => {
    assert.throws(
      () => renderTemplate('notice', { lang: 'en', fallbackText: 'T', style: 'good', title: 42, paragraphs: [] }),
      (e: unknown) => e instanceof CardError && e.code === 'invalid-template',
    );
    assert.throws(
      () => renderTemplate('notice', { lang: 'en', fallbackText: 'T', style: 'good', title: { a: 1 }, paragraphs: [] }),
      (e: unknown) => e instanceof CardError,
    );
  });

  it('refuses unknown or path-like template names', () => {
    for (const name of ['nope', '../package', 'Summary', 'a/b', '']) {
      assert.throws(() => renderTemplate(name, {}), (e: unknown) => e instanceof CardError && e.code === 'unknown-template');
    }
  });

  it('does not mutate the cached template between expansions', () => {
    const a = renderTemplate('notice', { lang: 'en', fallbackText: 'A', style: 'good', title: 'A', paragraphs: [{ text: 'a' }] });
    const b = renderTemplate('notice', { lang: 'ja', fallbackText: 'B', style: 'warning', title: 'B', paragraphs: [] });
    assert.deepEqual(visibleTexts(a), ['A', 'a']);
    assert.deepEqual(visibleTexts(b), ['B']);
  });
});

describe('card templates as written', () => {
  for (const name of listTemplates()) {
    describe(`cards/${name}.json`, () => {
      const template = readTemplateJson(name);

      it('is an Adaptive Card 1.5 with a $schema (openable in the Designer)', () => {
        assert.equal(template.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
        assert.equal(template.version, '1.5');
      });

      it('binds data only in TextRun (TextBlock and FactSet render markdown)', () => {
        for (const tb of nodesOfType(template, 'TextBlock')) {
          assert.ok(typeof tb.text !== 'string' || !tb.text.includes('${'), `TextBlock binds data: ${String(tb.text)}`);
        }
        assert.equal(nodesOfType(template, 'FactSet').length, 0, 'FactSet values render markdown in Teams');
      });

      it('uses only ${...} bindings (no other expression syntax) and static action verbs', () => {
        for (const s of allStrings(template)) {
          if (s.includes('${')) assert.match(s, /^(?:[^$]*\$\{[A-Za-z0-9_.]+\})+[^$]*$/, `unexpected binding: ${s}`);
        }
        for (const action of nodesOfType(template, 'Action.Execute')) {
          assert.equal(typeof action.verb, 'string');
          assert.ok(!String(action.verb).includes('${'), 'verbs are static so they can be checked against ACTION_VERBS');
        }
      });
    });
  }
});
