import assert from 'node:assert/strict';
import { addAddress, addAlias, EndpointTable } from '../../../src/analyzer/parse/model';

describe('EndpointTable', () => {
  it('keys endpoints by host and port, in order of first appearance, with one or more ports per host', () => {
    const t = new EndpointTable();
    const a = t.get('a.example.com', 443, 1);
    const b = t.get('b.example.com', 443, 2);
    const a3260 = t.get('a.example.com', 3260, 3);
    const a80 = t.get('a.example.com', 80, 4);
    assert.equal(t.get('a.example.com', 443, 9), a);
    assert.equal(t.get('b.example.com', 443, 9), b);
    assert.equal(t.get('a.example.com', 3260, 9), a3260);
    assert.equal(t.get('a.example.com', 80, 9), a80);
    assert.deepEqual(t.list.map((e) => [e.host, e.port, e.firstLine]), [['a.example.com', 443, 1], ['b.example.com', 443, 2], ['a.example.com', 3260, 3], ['a.example.com', 80, 4]]);
    assert.equal(t.find('a.example.com', 3260), a3260);
    assert.equal(t.find('b.example.com', 443), b);
    assert.equal(t.find('b.example.com', 80), undefined);
    assert.equal(t.find('c.example.com', 443), undefined);
    assert.notEqual(a, a3260);
  });

  it('an address or alias added to one endpoint is in no other (the empty lists they start with are shared)', () => {
    const t = new EndpointTable();
    const a = t.get('a.example.com', 443, 1);
    const b = t.get('b.example.com', 443, 2);
    addAddress(a, '10.0.0.1');
    addAlias(a, 'a.privatelink.blob.core.windows.net');
    for (let i = 0; i < 20; i++) addAddress(b, `10.0.1.${i}`);
    const c = t.get('c.example.com', 443, 3);
    assert.deepEqual(a.addresses, ['10.0.0.1']);
    assert.deepEqual(a.aliases, ['a.privatelink.blob.core.windows.net']);
    assert.equal(b.addresses.length, 16);
    assert.deepEqual(b.aliases, []);
    assert.deepEqual(c.addresses, []);
    assert.deepEqual(c.aliases, []);
  });
});
