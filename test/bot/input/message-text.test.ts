import assert from 'node:assert/strict';
import { decodeEntities, htmlToText, mentionsAttachedFiles, messageText, removeMentions } from '../../../src/bot/input/message-text';
import { looksLikeLog } from '../../../src/bot/input/looks-like-log';
import { baseConversationId, findInputs, graphMessageRef, threadRootId } from '../../../src/bot/input/find-inputs';

describe('message text extraction', () => {
  it('turns Teams HTML into lines, drops mentions and attachment tags, decodes entities', () => {
    const html = '<p><at>nwcheck</at>&nbsp;check this</p><div>ProxyOverride: &lt;local&gt;<br>line 2</div><attachment id="1"></attachment>';
    assert.equal(htmlToText(html).trim(), 'check this\nProxyOverride: <local>\nline 2');
  });

  it('prefers the text/html attachment over activity.text', () => {
    const text = messageText({ text: '<at>bot</at> a b', attachments: [{ contentType: 'text/html', content: '<p>line1</p><p>line2</p>' }] });
    assert.equal(text, 'line1\nline2');
  });

  it('plain activity.text keeps angle brackets that are not HTML, removes <at> mentions', () => {
    assert.equal(messageText({ text: '<at>nwcheck</at> ProxyOverride: <local>' }), 'ProxyOverride: <local>');
    assert.equal(removeMentions('<at>A</at> x <at>B</at>y'), ' x y');
  });

  it('decodes numeric entities and leaves broken ones alone', () => {
    assert.equal(decodeEntities('&#x3042;&#12356; &amp; &bogus; & &#xD800;'), 'あい & &bogus; & &#xD800;');
  });

  it('is linear on pathological HTML (no catastrophic backtracking)', () => {
    const evil = '<'.repeat(50_000) + '&'.repeat(50_000);
    assert.ok(htmlToText(evil).length > 0);
  });

  it('detects files referenced in a channel message body', () => {
    assert.equal(mentionsAttachedFiles({ attachments: [{ contentType: 'text/html', content: '<p>x</p><attachment id="abc"></attachment>' }] }), true);
    assert.equal(mentionsAttachedFiles({ text: 'no files' }), false);
  });
});

describe('looksLikeLog', () => {
  it('accepts script output with several markers, refuses questions and chatter', () => {
    assert.equal(looksLikeLog('-----ScriptStart-----\nProxy check\nTcpTestSucceeded : False\n'), true);
    assert.equal(looksLikeLog('what about the proxy?'), false);
    assert.equal(looksLikeLog('Is login.microsoftonline.com blocked?\nthanks\nbye'), false);
    assert.equal(looksLikeLog('one line with nslookup and windowsazure.com'), false, 'a single line is a question');
  });
});

describe('findInputs / Graph addresses', () => {
  const fileInfo = (name: string, url: unknown) => ({ contentType: 'application/vnd.microsoft.teams.file.download.info', name, content: { downloadUrl: url, fileType: 'log' } });

  it('collects file.download.info attachments (max 10), ignores malformed ones', () => {
    const many = Array.from({ length: 12 }, (_, i) => fileInfo(`f${i}.log`, `https://x.sharepoint.com/${i}`));
    const inputs = findInputs({ attachments: [...many, fileInfo('bad.log', 42)] });
    assert.equal(inputs.kind, 'files');
    if (inputs.kind === 'files') {
      assert.equal(inputs.files.length, 10);
      assert.equal(inputs.skipped, 2);
    }
  });

  it('channel / group chat messages with <attachment> need Graph; 1:1 text does not', () => {
    const html = [{ contentType: 'text/html', content: '<attachment id="1"></attachment>' }];
    assert.deepEqual(findInputs({ conversation: { id: 'c', conversationType: 'channel', isGroup: true, name: '' }, attachments: html }), { kind: 'graph', conversationType: 'channel' });
    assert.deepEqual(findInputs({ conversation: { id: 'c', conversationType: 'personal', isGroup: false, name: '' }, attachments: html }), { kind: 'none' });
  });

  it('builds Graph message addresses for channel roots, replies and chats', () => {
    const conv = (id: string, conversationType: string) => ({ id, conversationType, isGroup: true, name: '' });
    const channelData = { channel: { id: '19:ch@thread.tacv2' } };
    assert.deepEqual(graphMessageRef({ id: '10', conversation: conv('19:ch@thread.tacv2;messageid=10', 'channel'), channelData }, 'team'), {
      kind: 'channel',
      teamId: 'team',
      channelId: '19:ch@thread.tacv2',
      messageId: '10',
    });
    assert.deepEqual(graphMessageRef({ id: '12', conversation: conv('19:ch@thread.tacv2;messageid=10', 'channel'), channelData }, 'team'), {
      kind: 'channel',
      teamId: 'team',
      channelId: '19:ch@thread.tacv2',
      messageId: '12',
      parentId: '10',
    });
    assert.equal(graphMessageRef({ id: '12', conversation: conv('19:ch@thread.tacv2;messageid=10', 'channel'), channelData }, undefined), undefined);
    assert.deepEqual(graphMessageRef({ id: '5', conversation: conv('19:g@thread.v2', 'groupChat') }, undefined), { kind: 'chat', chatId: '19:g@thread.v2', messageId: '5' });
    assert.equal(threadRootId('19:a@thread.tacv2;messageid=99'), '99');
    assert.equal(baseConversationId('19:a@thread.tacv2;messageid=99'), '19:a@thread.tacv2');
  });
});
