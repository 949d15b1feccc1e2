import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashboards } from '../../src/generate/files';
import { serviceDashboard } from '../../src/generate/grafana/service';
import { withDefaults } from '../../src/generate/options';

describe('serviceDashboard (--panel)', () => {
  it('is not written without panels', () => {
    const o = withDefaults({ service: 'data-sync' });
    assert.equal(serviceDashboard(o), undefined);
    assert.equal(dashboards(o)['service.json'], undefined);
  });

  it('has one panel per entry, in order, timeseries unless stat, with the job and instance variables', () => {
    const o = withDefaults({
      service: 'data-sync',
      panels: [
        {
          title: 'Conflicts',
          expr: 'sum by (resolution) (rate(data_sync_conflicts_total[$__rate_interval]))',
        },
        { title: 'Cache hit rate', expr: 'sum(x)', type: 'stat', unit: 'percentunit', legend: 'hits' },
      ],
    });
    const board = dashboards(o)['service.json']!;
    assert.equal(board.uid, 'otelkit-data-sync-service');
    assert.deepEqual(
      board.panels.map((p) => [p.id, p.type, p.title, p.targets[0]!.expr]),
      [
        [
          1,
          'timeseries',
          'Conflicts',
          'sum by (resolution) (rate(data_sync_conflicts_total[$__rate_interval]))',
        ],
        [2, 'stat', 'Cache hit rate', 'sum(x)'],
      ],
    );
    assert.equal(board.panels[1]!.fieldConfig.defaults.unit, 'percentunit');
    assert.equal(board.panels[1]!.targets[0]!.legendFormat, 'hits');
    assert.equal(board.panels[0]!.fieldConfig.defaults.unit, 'short');
    assert.deepEqual(
      board.templating.list.map((v) => v.name),
      ['datasource', 'job', 'instance'],
    );
  });
});
