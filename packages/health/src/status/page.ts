import { createHash } from 'node:crypto';
import { PAGE_SCRIPT } from './page-script';
import { PAGE_STYLE } from './page-style';

const BODY = `<header>
<h1 id="service">otelkit</h1><span id="overall"></span>
<div class="meta" id="meta"></div>
</header>
<div id="error" role="alert" hidden></div>
<main>
<section class="wide"><h2>Health checks</h2>
<table><thead><tr><th>Status</th><th>Check</th><th>Kind</th><th class="num">Observed</th><th>Message</th><th class="num">Took</th></tr></thead>
<tbody id="checks"></tbody></table><div class="empty" id="checks-empty">No checks registered.</div></section>
<section class="wide" id="breakers-section" hidden><h2>Circuit breakers</h2><div class="breakers" id="breakers"></div></section>
<section class="wide"><h2>Operations <span class="muted" id="window"></span></h2>
<table><thead><tr><th>Operation</th><th>Namespace</th><th class="num">Throughput</th><th class="num">Errors</th><th class="num">p50</th><th class="num">p95</th><th class="num">p99</th><th class="num">Total</th></tr></thead>
<tbody id="operations"></tbody></table><div class="empty" id="operations-empty">No operations recorded yet.</div></section>
<section class="wide"><h2>Runtime</h2><div class="kv">
<div><span>Event loop delay p99</span><b id="el-p99">–</b></div>
<div><span>Event loop delay mean</span><b id="el-mean">–</b></div>
<div><span>Heap used <em id="heap-limit"></em></span><b id="heap">–</b><div class="bar"><i id="heap-bar"></i></div></div>
<div><span>Resident set</span><b id="rss">–</b></div>
</div></section>
<section class="wide"><h2>Last 15 minutes</h2><div class="charts" id="charts"></div></section>
</main>
<footer>Updated <span id="updated">never</span>, every <span id="every">–</span>. Served by otelkit.</footer>`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** The whole status page: one self-contained HTML document (no external assets, works offline). */
export const STATUS_PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Service status</title><link rel="icon" href="data:,"><style>${PAGE_STYLE}</style></head>
<body>${BODY}<script>${PAGE_SCRIPT}</script></body></html>
`;

/**
 * Content-Security-Policy of the page: only its own inline script and style (by hash), fetches to
 * the same origin, nothing else.
 */
export const STATUS_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(PAGE_SCRIPT)}`,
  `style-src ${sha256(PAGE_STYLE)}`,
  "connect-src 'self'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
