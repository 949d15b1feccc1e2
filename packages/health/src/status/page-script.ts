/**
 * The status page's script (inlined). It polls `health/status.json` (relative to the page) and
 * renders with `textContent` and `createElement` only, so no string from the service ever becomes
 * markup. Charts are inline SVG built from the history ring buffer.
 */
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var WINDOW_MS = 15 * 60 * 1000;
  var refreshMs = 5000;
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function badge(status, big) {
    var known = /^(pass|warn|fail|open|closed|half_open|half-open)$/.test(status);
    return el('span', 'badge ' + (known ? status : 'other') + (big ? ' big' : ''), status);
  }
  function num(v, digits) {
    if (v === undefined || v === null || !isFinite(v)) return '–';
    return Number(v).toLocaleString(undefined, { maximumFractionDigits: digits === undefined ? 1 : digits });
  }
  function ms(v) { return v === undefined || v === null ? '–' : (v >= 1000 ? num(v / 1000, 2) + ' s' : num(v, v < 10 ? 2 : 1) + ' ms'); }
  function pct(v) { return v === undefined || v === null ? '–' : num(v * 100, 2) + ' %'; }
  function bytes(v) {
    if (v === undefined || v === null) return '–';
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    var i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return num(v, i === 0 ? 0 : 1) + ' ' + units[i];
  }
  function duration(s) {
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), r = Math.floor(s % 60);
    if (d > 0) return d + 'd ' + h + 'h ' + m + 'm';
    if (h > 0) return h + 'h ' + m + 'm ' + r + 's';
    if (m > 0) return m + 'm ' + r + 's';
    return r + 's';
  }
  function td(text, cls) { return el('td', cls, text); }

  function renderHeader(m) {
    var s = m.service;
    document.title = s.name + ' · ' + m.status;
    $('service').textContent = s.name;
    var overall = $('overall');
    clear(overall);
    overall.appendChild(badge(m.status, true));
    var meta = $('meta');
    clear(meta);
    var items = [['version', s.version], ['environment', s.environment], ['host', s.host], ['pid', s.pid],
      ['node', s.node], ['uptime', duration(s.uptimeSeconds)], ['state', m.lifecycle]];
    items.forEach(function (item) {
      if (item[1] === undefined) return;
      var span = el('span', '', item[0] + ' ');
      span.appendChild(el('b', '', item[1]));
      meta.appendChild(span);
    });
  }

  function renderChecks(m) {
    var body = $('checks');
    clear(body);
    $('checks-empty').hidden = m.checks.length > 0;
    m.checks.forEach(function (c) {
      var tr = el('tr');
      tr.setAttribute('data-check', c.name);
      tr.setAttribute('data-status', c.status);
      var st = td('');
      st.appendChild(badge(c.status));
      tr.appendChild(st);
      tr.appendChild(td(c.name));
      tr.appendChild(td(c.kind + (c.critical ? '' : ' · non-critical'), 'muted'));
      var observed = c.observedValue === undefined ? '' : String(typeof c.observedValue === 'number' ? num(c.observedValue, 2) : c.observedValue) + (c.observedUnit ? ' ' + c.observedUnit : '');
      tr.appendChild(td(observed, 'num'));
      tr.appendChild(td(c.output || ''));
      tr.appendChild(td(ms(c.durationMs), 'num muted'));
      body.appendChild(tr);
    });
  }

  function renderBreakers(m) {
    var section = $('breakers-section');
    section.hidden = m.breakers.length === 0;
    var list = $('breakers');
    clear(list);
    m.breakers.forEach(function (b) {
      var item = el('div', 'breaker');
      item.setAttribute('data-breaker', b.name);
      item.appendChild(badge(b.state));
      item.appendChild(el('span', '', b.name));
      list.appendChild(item);
    });
  }

  function renderOperations(m) {
    var body = $('operations');
    clear(body);
    $('window').textContent = 'last ' + duration(m.windowSeconds);
    $('operations-empty').hidden = m.operations.length > 0;
    m.operations.forEach(function (o) {
      var tr = el('tr');
      tr.setAttribute('data-operation', o.namespace + '/' + o.operation);
      tr.appendChild(td(o.operation));
      tr.appendChild(td(o.namespace, 'muted'));
      tr.appendChild(td(num(o.ratePerSecond, 2) + '/s', 'num'));
      tr.appendChild(td(pct(o.errorRatio), 'num'));
      tr.appendChild(td(ms(o.p50Ms), 'num'));
      tr.appendChild(td(ms(o.p95Ms), 'num'));
      tr.appendChild(td(ms(o.p99Ms), 'num'));
      tr.appendChild(td(num(o.total, 0), 'num muted'));
      body.appendChild(tr);
    });
  }

  function renderRuntime(m) {
    var r = m.runtime;
    $('el-p99').textContent = ms(r.eventLoopDelayP99Ms);
    $('el-mean').textContent = ms(r.eventLoopDelayMeanMs);
    $('heap').textContent = bytes(r.heapUsedBytes);
    $('heap-limit').textContent = 'of ' + bytes(r.heapLimitBytes);
    $('heap-bar').style.width = Math.min(100, 100 * r.heapUsedBytes / r.heapLimitBytes).toFixed(1) + '%';
    $('rss').textContent = bytes(r.rssBytes);
  }

  function chart(title, points, key, format, color, now) {
    var box = el('div', 'chart');
    var head = el('div', 'head');
    head.appendChild(el('span', '', title));
    var values = points.map(function (p) { return p[key]; }).filter(function (v) { return v !== undefined && v !== null; });
    head.appendChild(el('b', '', values.length ? format(values[values.length - 1]) : '–'));
    box.appendChild(head);
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 300 70');
    svg.setAttribute('preserveAspectRatio', 'none');
    var max = values.length ? Math.max.apply(null, values) : 0;
    var top = max > 0 ? max * 1.15 : 1;
    var x = function (t) { return 300 * (1 - (now - t) / WINDOW_MS); };
    var y = function (v) { return 68 - 64 * v / top; };
    var grid = document.createElementNS(SVG, 'line');
    grid.setAttribute('x1', '0'); grid.setAttribute('x2', '300'); grid.setAttribute('y1', '68'); grid.setAttribute('y2', '68');
    grid.setAttribute('stroke', 'currentColor'); grid.setAttribute('stroke-opacity', '0.2');
    svg.appendChild(grid);
    var d = '';
    var started = false;
    points.forEach(function (p) {
      var v = p[key];
      if (v === undefined || v === null || now - p.t > WINDOW_MS) { started = false; return; }
      d += (started ? 'L' : 'M') + x(p.t).toFixed(1) + ' ' + y(v).toFixed(1);
      started = true;
    });
    if (d) {
      var path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', d);
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', color);
      path.setAttribute('stroke-width', '1.6');
      path.setAttribute('vector-effect', 'non-scaling-stroke');
      svg.appendChild(path);
    }
    box.appendChild(svg);
    var axis = el('div', 'axis');
    axis.appendChild(el('span', '', '-15 min'));
    axis.appendChild(el('span', '', 'max ' + format(max)));
    axis.appendChild(el('span', '', 'now'));
    box.appendChild(axis);
    return box;
  }

  function renderCharts(m) {
    var box = $('charts');
    clear(box);
    var pts = m.history.points;
    var now = Date.parse(m.time);
    box.appendChild(chart('Throughput', pts, 'throughput', function (v) { return num(v, 2) + '/s'; }, '#2e90fa', now));
    box.appendChild(chart('Error rate', pts, 'errorRatio', pct, '#f04438', now));
    box.appendChild(chart('p95 latency', pts, 'p95Ms', ms, '#7a5af8', now));
    box.appendChild(chart('Event loop delay p99', pts, 'eventLoopDelayP99Ms', ms, '#f79009', now));
    box.appendChild(chart('Heap used', pts, 'heapUsedBytes', bytes, '#12b76a', now));
  }

  function render(m) {
    renderHeader(m);
    renderChecks(m);
    renderBreakers(m);
    renderOperations(m);
    renderRuntime(m);
    renderCharts(m);
    $('updated').textContent = new Date(m.time).toLocaleTimeString();
    $('every').textContent = num(m.refreshMs / 1000, 1) + ' s';
  }

  function setError(message) {
    var box = $('error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  function refresh() {
    fetch('health/status.json', { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) throw new Error('status endpoint answered HTTP ' + r.status);
        return r.json();
      })
      .then(function (m) {
        if (m.refreshMs > 0) refreshMs = m.refreshMs;
        render(m);
        setError();
      })
      .catch(function (e) { setError('Cannot reach the service: ' + (e && e.message ? e.message : e)); })
      .then(function () { setTimeout(refresh, refreshMs); });
  }
  refresh();
})();
`;
