/** The status page's stylesheet (inlined; no external assets). */
export const PAGE_STYLE = `
:root{--bg:#f6f7f9;--card:#fff;--fg:#1d2330;--muted:#667085;--line:#e4e7ec;--pass:#12b76a;--warn:#f79009;--fail:#f04438;--accent:#2e90fa;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0f1218;--card:#171b24;--fg:#e6e9ef;--muted:#98a2b3;--line:#283040;--accent:#53b1fd}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{display:flex;flex-wrap:wrap;align-items:center;gap:12px 20px;padding:16px 24px;background:var(--card);border-bottom:1px solid var(--line)}
header h1{margin:0;font-size:20px;font-weight:650}
.meta{display:flex;flex-wrap:wrap;gap:6px 16px;color:var(--muted);font-size:13px}
.meta b{color:var(--fg);font-weight:550}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:16px;padding:16px 24px;max-width:1500px}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;min-width:0}
section.wide{grid-column:1/-1}
h2{margin:0 0 10px;font-size:13px;font-weight:650;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
table{width:100%;border-collapse:collapse;font-size:13px}
th{text-align:left;font-weight:550;color:var(--muted);border-bottom:1px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid var(--line);padding:6px 8px;vertical-align:top;overflow-wrap:anywhere}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr:last-child td{border-bottom:0}
.badge{display:inline-block;min-width:44px;text-align:center;padding:2px 8px;border-radius:999px;font-size:12px;font-weight:650;color:#fff;text-transform:uppercase}
.badge.pass,.badge.closed{background:var(--pass)}.badge.warn,.badge.half_open,.badge.half-open{background:var(--warn)}.badge.fail,.badge.open{background:var(--fail)}
.badge.big{font-size:14px;padding:4px 14px}
.badge.other{background:var(--muted)}
.muted{color:var(--muted)}
.empty{color:var(--muted);font-style:italic;padding:6px 0}
.kv{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
.kv div{border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.kv span{display:block;color:var(--muted);font-size:12px}.kv b{font-size:18px;font-variant-numeric:tabular-nums}
.bar{height:6px;background:var(--line);border-radius:3px;margin-top:6px;overflow:hidden}.bar i{display:block;height:100%;background:var(--accent)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px}
.chart{border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.chart .head{display:flex;justify-content:space-between;font-size:12px;color:var(--muted)}
.chart .head b{color:var(--fg);font-variant-numeric:tabular-nums}
.chart svg{display:block;width:100%;height:70px;margin-top:4px}
.chart .axis{display:flex;justify-content:space-between;font-size:11px;color:var(--muted)}
.breakers{display:flex;flex-wrap:wrap;gap:8px}
.breaker{display:flex;align-items:center;gap:8px;border:1px solid var(--line);border-radius:8px;padding:6px 10px}
[hidden]{display:none!important}
#error{margin:12px 24px 0;padding:10px 14px;border-radius:8px;background:var(--fail);color:#fff}
footer{padding:4px 24px 20px;color:var(--muted);font-size:12px}
`;
