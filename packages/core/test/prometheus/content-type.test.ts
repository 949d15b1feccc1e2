import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  contentTypeFor,
  negotiateFormat,
  OPENMETRICS_CONTENT_TYPE,
  PROMETHEUS_CONTENT_TYPE,
} from '../../src/prometheus/content-type';

const PROMETHEUS_SCRAPER_ACCEPT =
  'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,' +
  'text/plain;version=0.0.4;q=0.5,*/*;q=0.1';

describe('negotiateFormat', () => {
  it('picks OpenMetrics for the Accept header the Prometheus scraper sends', () => {
    assert.equal(negotiateFormat(PROMETHEUS_SCRAPER_ACCEPT), 'openmetrics');
  });

  it('picks the Prometheus text format without an Accept header, for */* and for text/plain', () => {
    assert.equal(negotiateFormat(undefined), 'prometheus');
    assert.equal(negotiateFormat('*/*'), 'prometheus');
    assert.equal(negotiateFormat('text/plain;version=0.0.4'), 'prometheus');
  });

  it('picks the Prometheus text format when OpenMetrics is refused or ranked lower', () => {
    assert.equal(negotiateFormat('application/openmetrics-text;q=0,text/plain'), 'prometheus');
    assert.equal(negotiateFormat('text/plain;q=1,application/openmetrics-text;q=0.5'), 'prometheus');
  });

  it('does not pick OpenMetrics for a version it does not write', () => {
    assert.equal(negotiateFormat('application/openmetrics-text;version=2.0.0'), 'prometheus');
  });

  it('picks OpenMetrics for a bare application/openmetrics-text', () => {
    assert.equal(negotiateFormat('application/openmetrics-text'), 'openmetrics');
  });

  it('reads the first 4 KiB of a longer Accept header only (a hostile one costs no more)', () => {
    const padding = `${'x'.repeat(5_000)},`;
    assert.equal(negotiateFormat(`text/plain;q=0.1,${padding}application/openmetrics-text`), 'prometheus');
    assert.equal(negotiateFormat(`application/openmetrics-text,${padding}text/plain`), 'openmetrics');
  });
});

describe('contentTypeFor', () => {
  it('returns the content type of each format', () => {
    assert.equal(contentTypeFor('prometheus'), 'text/plain; version=0.0.4; charset=utf-8');
    assert.equal(contentTypeFor('openmetrics'), 'application/openmetrics-text; version=1.0.0; charset=utf-8');
    assert.equal(PROMETHEUS_CONTENT_TYPE, contentTypeFor('prometheus'));
    assert.equal(OPENMETRICS_CONTENT_TYPE, contentTypeFor('openmetrics'));
  });
});
