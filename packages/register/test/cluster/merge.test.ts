import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeExpositions } from '../../src/cluster/merge';

const worker = (value: number) =>
  [
    '# HELP app_started_total Starts.',
    '# TYPE app_started_total counter',
    `app_started_total ${value}`,
    '# TYPE app_queue gauge',
    `app_queue{} ${value}`,
    '# TYPE app_handled_total counter',
    `app_handled_total{kind="startup"} ${value}`,
    '',
  ].join('\n');

describe('mergeExpositions', () => {
  it('gives every sample, with labels, empty braces or none, the cluster_worker label of its process', () => {
    const merged = mergeExpositions([
      { id: '1', text: worker(1) },
      { id: '2', text: worker(2) },
    ]);
    assert.equal(
      merged,
      [
        '# HELP app_started_total Starts.',
        '# TYPE app_started_total counter',
        'app_started_total{cluster_worker="1"} 1',
        'app_started_total{cluster_worker="2"} 2',
        '# TYPE app_queue gauge',
        'app_queue{cluster_worker="1"} 1',
        'app_queue{cluster_worker="2"} 2',
        '# TYPE app_handled_total counter',
        'app_handled_total{cluster_worker="1",kind="startup"} 1',
        'app_handled_total{cluster_worker="2",kind="startup"} 2',
        '',
      ].join('\n'),
    );
  });
});
