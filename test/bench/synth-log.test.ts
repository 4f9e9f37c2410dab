import { strict as assert } from 'node:assert';
import { analyzerFigures, measureAnalyzer } from '../../src/bench/analyzer-bench';
import { judgeFigure } from '../../src/bench/bench-section';
import { formatBenchTable, runBench } from '../../src/bench/run-bench';
import { synthLog, synthLogBytes, synthLogOfSize } from '../../src/bench/synth-log';
import { stubAnalyze } from '../analyzer/input/zip-helpers';

describe('synthLog (the bench’s own generator)', () => {
  it('is deterministic by seed and differs across seeds', () => {
    assert.equal(synthLog({ endpoints: 30, seed: 3 }).text, synthLog({ endpoints: 30, seed: 3 }).text);
    assert.notEqual(synthLog({ endpoints: 30, seed: 3 }).text, synthLog({ endpoints: 30, seed: 4 }).text);
  });

  it('writes one block per endpoint, each host + port once, with the requested failures', () => {
    const log = synthLog({ endpoints: 40, failEvery: 4 });
    assert.equal(log.endpoints.length, 40);
    assert.equal(new Set(log.endpoints.map((e) => `${e.host}:${e.port}`)).size, 40);
    assert.equal(log.endpoints.filter((e) => e.failure).length, 10);
    assert.equal(log.text.split('#TRY!! Test-NetConnection').length - 1, 40);
    assert.ok(log.text.includes('-----Script Completed-----'));
    assert.ok(!/\r(?!\n)|[^\r]\n/.test(log.text), 'CRLF only');
  });

  it('writes Japanese Windows labels with --lang ja, and UTF-8 with BOM as bytes', () => {
    const ja = synthLog({ endpoints: 20, lang: 'ja', failEvery: 2 }).text;
    assert.ok(ja.includes('Windows PowerShell トランスクリプト開始'));
    assert.ok(ja.includes('警告: '));
    assert.deepEqual([...synthLogBytes({ endpoints: 1 }).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it('hits a requested size within a few hundred bytes', () => {
    for (const size of [30 * 1024, 2 * 1024 * 1024]) assert.ok(Math.abs(synthLogOfSize(size).length - size) <= 600);
  });
});

describe('analyzer bench plumbing', () => {
  it('judges figures: ok, missed by less than 2×, failed by 2× or more', () => {
    const fig = (value: number) => ({ id: 'r', label: 'r', unit: '×', value, target: { op: '<=' as const, value: 3 } });
    assert.deepEqual([2, 3, 5.9, 6.1].map((v) => judgeFigure(fig(v))), ['ok', 'ok', 'missed', 'failed']);
    assert.equal(judgeFigure({ id: 'x', label: 'x', unit: 'MB', value: 1 }), 'info');
    assert.equal(judgeFigure({ id: 'x', label: 'x', unit: 'MB/s', value: 4, target: { op: '>=', value: 10 } }), 'failed');
  });

  it('measures and records a section (stub analyzer, small sizes)', async () => {
    const result = await measureAnalyzer({ analyze: stubAnalyze, typicalIterations: 5, bigBytes: 512 * 1024, bigIterations: 1 });
    assert.ok(result.typicalMedianMs > 0 && result.ratio > 0 && result.peakRssMB > 0);
    const figures = analyzerFigures(result);
    assert.deepEqual(figures.map((f) => f.id), ['typical-median-ms', 'big-median-ms', 'analyzer-mbps', 'baseline-mbps', 'ratio', 'wall-ratio', 'peak-rss-mb']);
    const record = await runBench([{ id: 's', title: 'S', run: () => Promise.resolve(figures) }], new Date(0));
    assert.equal(record.date, '1970-01-01T00:00:00.000Z');
    assert.match(formatBenchTable(record), /analyzer \/ baseline time/);
  });
});
