import { strict as assert } from 'node:assert';
import { alignColumns, displayWidth, padDisplay } from '../../src/cli/display-width';

describe('display width (monospace cells)', () => {
  it('counts Japanese full-width characters as two cells, ASCII and half-width kana as one', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('接続先'), 6);
    assert.equal(displayWidth('プロキシ サーバー'), 17);
    assert.equal(displayWidth('ｱｲｳ'), 3);
    assert.equal(displayWidth('ＡＢ（）'), 8);
    assert.equal(displayWidth('e\u0301'), 1);
  });

  it('pads by cells and never truncates', () => {
    assert.equal(padDisplay('名前', 6), '名前  ');
    assert.equal(padDisplay('名前解決', 3), '名前解決');
  });

  it('aligns columns of mixed Japanese and ASCII so the next column starts at the same cell', () => {
    const lines = alignColumns(
      [
        ['接続先', 'ポート', '判定'],
        ['login.microsoft.com', '443', '通信可能'],
        ['pod01-rec2.jpe.backup.windowsazure.com', '3260', '通信不可'],
      ],
      '  ',
    );
    const startOfThird = lines.map((line) => {
      const cells = line.trimStart().split(/ {2,}/);
      return displayWidth(line.slice(0, line.lastIndexOf(cells[2]!)));
    });
    assert.equal(new Set(startOfThird).size, 1, lines.join('\n'));
    assert.ok(lines.every((l) => l === l.trimEnd()));
  });
});
