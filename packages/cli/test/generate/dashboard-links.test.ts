import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashboards } from '../../src/generate/files';
import { withDefaults } from '../../src/generate/options';

describe('dashboard links', () => {
  it('link every dashboard to Alertmanager’s alerts for its job, and to the other otelkit dashboards', () => {
    const o = withDefaults({
      service: 'sync',
      alertmanager: 'alertmanager.example:9093',
      panels: [{ title: 'x', expr: 'up' }],
    });
    const boards = Object.entries(dashboards(o));
    assert.ok(boards.length >= 6);
    for (const [file, board] of boards) {
      const links = (board as unknown as { links: Array<Record<string, unknown>> }).links;
      const alerts = links.find((l) => l.type === 'link');
      assert.equal(
        alerts?.url,
        `http://alertmanager.example:9093/#/alerts?filter=${encodeURIComponent('{job="$job"}')}`,
        file,
      );
      assert.ok(
        links.some((l) => l.type === 'dashboards' && (l.tags as string[]).includes('otelkit')),
        file,
      );
    }
  });
});
