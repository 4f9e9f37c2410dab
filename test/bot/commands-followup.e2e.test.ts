/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- activities recorded at the fake connector are untyped JSON */
// Text commands (help, sample, language, region; ja and en aliases) and follow-up questions
// about the last report in a conversation, answered in the language they were asked in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeConnector, type FakeConnector } from '../support/fake-connector';
import { fakeFileHost, type FakeFileHost } from '../support/fake-file-host';
import { BOT_ID, cardText, executeActions, fileAttachment, makeBot, messageActivity, type TestBot } from '../support/make-bot';

const FIXTURES = join(__dirname, '..', 'fixtures', 'logs');
const JA = /[ぁ-んァ-ン]/;

describe('bot e2e: commands and follow-up questions', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let files: FakeFileHost;
  let bot: TestBot;
  let conv = 0;

  before(async () => {
    connector = await fakeConnector();
    files = await fakeFileHost();
    bot = await makeBot();
  });
  after(async () => {
    await bot.dispose();
    await connector.close();
    await files.close();
  });
  beforeEach(() => {
    connector.requests.length = 0;
    conv++;
  });

  const say = async (text: string, o: { locale?: string; conversationId?: string; userId?: string; aadObjectId?: string } = {}) => {
    const before = connector.sent().length;
    const res = await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, conversationId: o.conversationId ?? `a:conv-${conv}`, text, locale: o.locale ?? 'en-US', ...(o.aadObjectId ? { aadObjectId: o.aadObjectId } : {}) }));
    assert.equal(res.status, 200);
    const sent = await connector.waitForMessages(before + 1);
    await bot.app.jobs.whenIdle();
    return connector.sent().slice(before).concat().at(0) ?? sent.at(-1);
  };

  async function uploadReport(fixture: string, conversationId: string): Promise<void> {
    const url = files.serve(`/personal/u/${conversationId}.log`, { body: readFileSync(join(FIXTURES, fixture)) });
    const before = connector.sent().length;
    await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, conversationId, attachments: [fileAttachment(`${fixture}`, url)] }));
    await connector.waitForMessages(before + 1);
    await bot.app.jobs.whenIdle();
  }

  it('help / ヘルプ list every command, in the alias language', async () => {
    const en = await say('help');
    const enText = cardText(en.attachments[0].content);
    for (const word of ['sample', 'language', 'region']) assert.ok(enText.includes(word), `${word} in help: ${enText}`);
    const ja = await say('ヘルプ');
    assert.ok(JA.test(cardText(ja.attachments[0].content)));
  });

  it('sample / サンプル analyze the built-in log through the job pipeline (note + summary card with buttons)', async () => {
    const msg = await say('sample');
    assert.match(String(msg.text), /sample log/);
    const card = msg.attachments[0].content;
    assert.ok(cardText(card).includes('APPSV02'), 'the sample machine');
    assert.ok(executeActions(card).some((a) => a.verb === 'explain'));
    const ja = await say('サンプル');
    assert.match(String(ja.text), /サンプル/);
  });

  it('language ja / 言語 英語 set the user language, kept across conversations', async () => {
    const user = 'aad-language-user';
    const set = await say('language ja', { aadObjectId: user });
    assert.match(String(set.text), /日本語/);
    const help = await say('help', { aadObjectId: user, conversationId: 'a:other-conv-of-user' });
    assert.ok(JA.test(cardText(help.attachments[0].content)), 'English alias, Japanese answer: the user chose ja');
    const back = await say('言語 英語', { aadObjectId: user });
    assert.match(String(back.text), /English/);
    const help2 = await say('help', { aadObjectId: user, locale: 'ja-JP' });
    assert.ok(!JA.test(cardText(help2.attachments[0].content)), 'the choice beats the ja-JP locale');
    const usage = await say('language', { aadObjectId: user });
    assert.match(String(usage.text), /language ja/);
    const wrong = await say('language klingon', { aadObjectId: user });
    assert.match(String(wrong.text), /klingon/);
  });

  it('region japaneast / リージョン 東日本 list the FQDNs to test', async () => {
    const en = await say('region japaneast');
    const text = cardText(en.attachments[0].content);
    assert.ok(text.includes('jpe'), text);
    const ja = await say('リージョン 東日本');
    assert.ok(cardText(ja.attachments[0].content).includes('jpe'));
    assert.ok(JA.test(cardText(ja.attachments[0].content)), 'Japanese alias → Japanese card');
    const unknown = await say('region atlantis');
    assert.match(String(unknown.text), /atlantis/);
    const usage = await say('region');
    assert.match(String(usage.text), /region/);
  });

  it('a question naming a region gets that region\'s card, also right after a report; "region tokyo" knows the city', async () => {
    const ja = await say('東日本リージョンで必要な通信要件は?', { locale: 'ja-JP' });
    const jaText = cardText(ja.attachments[0].content);
    assert.ok(jaText.includes('pod01-manag1.jpe.backup.windowsazure.com'), jaText);
    assert.ok(JA.test(jaText), 'asked in Japanese → Japanese card');
    const noRegion = await say('東日本のバックアップが失敗します', { locale: 'ja-JP' });
    assert.ok(!cardText(noRegion.attachments[0].content).includes('pod01-manag1.jpe'), 'a region named without asking about regions is not a region question');
    await uploadReport('win-en-2019-healthy.log', `a:conv-${conv}`);
    const en = await say('which endpoints does Japan West need?');
    assert.ok(cardText(en.attachments[0].content).includes('jpw'), 'the region card, not an answer about the report');
    const city = await say('region tokyo');
    assert.ok(cardText(city.attachments[0].content).includes('jpe'));
  });

  it('a plain thank-you gets a short answer in its language, not the findings again', async () => {
    await uploadReport('win-en-2019-healthy.log', `a:conv-${conv}`);
    const ja = await say('ありがとうございます！', { locale: 'en-US' });
    assert.equal(ja.attachments?.length ?? 0, 0);
    assert.match(String(ja.text), /どういたしまして/);
    const en = await say('Thanks a lot!');
    assert.match(String(en.text), /welcome/);
    const question = await say('thanks, but why did the storage check fail?');
    assert.ok(question.attachments?.length > 0, 'a question with a thank-you in it is still a question');
  });

  it('commands in a channel need an @mention; unaddressed chatter gets no answer', async () => {
    const channel = '19:ch@thread.tacv2;messageid=55';
    await bot.post(messageActivity({ serviceUrl: connector.serviceUrl, conversationId: channel, conversationType: 'channel', text: 'help' }));
    await bot.app.jobs.whenIdle();
    assert.equal(connector.sent().length, 0);
    await bot.post(
      messageActivity({
        serviceUrl: connector.serviceUrl,
        conversationId: channel,
        conversationType: 'channel',
        text: '<at>nwcheck</at> help',
        entities: [{ type: 'mention', mentioned: { id: BOT_ID, name: 'nwcheck' }, text: '<at>nwcheck</at>' }],
      }),
    );
    const [msg] = await connector.waitForMessages(1);
    assert.ok(cardText(msg.attachments[0].content).includes('sample'));
  });

  describe('follow-up questions about the last report', () => {
    const cases: { fixture: string; question: string; lang: 'ja' | 'en'; expect: RegExp }[] = [
      { fixture: 'win-ja-user-proxy-only.log', question: 'なぜ login.microsoft.com に接続できないの?', lang: 'ja', expect: /SYSTEM/ },
      { fixture: 'win-ja-user-proxy-only.log', question: 'what about the proxy?', lang: 'en', expect: /proxy/i },
      { fixture: 'win-ja-user-proxy-only.log', question: 'TLS は大丈夫?', lang: 'ja', expect: /TLS 1\.2/ },
      { fixture: 'win-ja-2022-storage-blocked.log', question: 'how do I fix the storage one?', lang: 'en', expect: /jpewatcab01\.blob\.core\.windows\.net/ },
      { fixture: 'win-ja-2022-storage-blocked.log', question: 'ストレージの直し方は?', lang: 'ja', expect: /jpewatcab01\.blob\.core\.windows\.net/ },
      { fixture: 'win-en-dns-failure.log', question: 'why does name resolution fail?', lang: 'en', expect: /pod01-manag1\.jpe\.backup\.windowsazure\.com/ },
      { fixture: 'win-en-dns-failure.log', question: '名前解決の対処方法を教えて', lang: 'ja', expect: /pod01/ },
      { fixture: 'win-ja-2022-storage-blocked.log', question: 'login.microsoft.com はどう?', lang: 'ja', expect: /login\.microsoft\.com:443/ },
      { fixture: 'win-en-2012r2-tls12-disabled.log', question: 'is TLS ok?', lang: 'en', expect: /TLS/ },
    ];
    for (const c of cases) {
      it(`"${c.question}" → the matching explanation, in ${c.lang}`, async () => {
        const id = `a:followup-${conv}`;
        await uploadReport(c.fixture, id);
        const answer = await say(c.question, { conversationId: id, locale: c.lang === 'ja' ? 'en-US' : 'ja-JP' });
        const text = answer.attachments.map((a: any) => cardText(a.content)).join('\n');
        assert.match(text, c.expect);
        // the user's locale is the other language on purpose: the question's language wins.
        // (English answers may still quote Japanese log lines as evidence.)
        if (c.lang === 'en') assert.ok(!/この結果の意味|対処方法|について|確認結果/.test(text), `English answer: ${text.slice(0, 300)}`);
        else assert.ok(/この結果の意味|について|確認結果/.test(text), `Japanese answer: ${text.slice(0, 300)}`);
      });
    }

    it('a question it cannot match → what it can explain + the escalate button', async () => {
      const id = `a:followup-none-${conv}`;
      await uploadReport('win-ja-user-proxy-only.log', id);
      const answer = await say('what is the weather tomorrow?', { conversationId: id });
      const card = answer.attachments[0].content;
      const verbs = executeActions(card).map((a) => a.verb);
      assert.ok(verbs.includes('escalate'), verbs.join());
      assert.ok(verbs.includes('explain'), 'each finding can be opened');
    });

    it('questions go to the last report of this conversation only', async () => {
      await uploadReport('win-en-dns-failure.log', 'a:conv-with-dns');
      const answer = await say('what about the proxy?', { conversationId: 'a:conv-without-report' });
      assert.ok(cardText(answer.attachments[0].content).includes('AzureBackup_Check_NW'), 'no report here: "send me a log"');
    });
  });
});
