/** Inline styles of the page's overview, charts and Tempo calendar (appended to style.ts's). */
export const CHART_STYLE = `
html{scroll-padding-top:80px}
.top-right{display:flex;align-items:center;gap:8px;flex-wrap:wrap;justify-content:flex-end}
header.top{flex-wrap:wrap}
button.ghost{background:transparent;color:var(--accent);border:1px solid var(--line);padding:5px 12px;font-size:13px}
h3{font-size:13px;margin:14px 0 8px;font-weight:650;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.overview-row h3{margin-top:10px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:10px}
.tile{border:1px solid var(--line);border-radius:12px;padding:10px 14px;background:color-mix(in srgb,var(--idle-bg) 45%,var(--card))}
.tile-label{font-size:13px;color:var(--muted);font-weight:600}.tile-label small{font-weight:400}
.tile-value{font-size:24px;font-weight:700;letter-spacing:-.01em;margin:2px 0}
.tile-cost{font-weight:600;color:var(--accent)}
.tile-compare,.tile-note{font-size:13px;color:var(--muted)}.tile-compare.worse{color:var(--bad)}.tile-compare.better{color:var(--ok)}
.tile-note::before{content:"⚠ "}
.controls{display:flex;flex-wrap:wrap;gap:8px}
.seg{display:inline-flex;border:1px solid var(--line);border-radius:10px;overflow:hidden}
.seg-btn{background:transparent;color:var(--text);border-radius:0;padding:6px 12px;font-weight:500;font-size:14px}
.seg-btn+.seg-btn{border-left:1px solid var(--line)}
.seg-btn[aria-pressed="true"]{background:var(--accent);color:#fff}
.seg-btn:focus-visible{outline-offset:-3px}
.day-shown{display:flex;align-items:center;padding:0 10px;font-size:14px;white-space:nowrap;border-left:1px solid var(--line);border-right:1px solid var(--line)}
.seg-btn:disabled{opacity:.4;cursor:default}
.chart{margin-top:12px}.chart svg{width:100%;height:220px;display:block}
.chart-head{display:flex;justify-content:space-between;align-items:baseline;gap:10px;margin-top:10px}
.chart-head h3{margin:8px 0 0}.chart-head span{white-space:nowrap}
svg .axis{font-size:10px;fill:var(--muted)}svg .grid{stroke:var(--line);stroke-width:1}
svg .compare{stroke:var(--text);stroke-width:2;opacity:.75}
svg .threshold{stroke:var(--bad);stroke-dasharray:6 4;stroke-width:1.5}
svg .hatch{stroke:var(--line);stroke-width:2}svg .bar:hover rect{opacity:.85}
svg .bar{outline:none}svg .bar:focus-visible rect{stroke:var(--text);stroke-width:2;opacity:.85}
.readout{min-height:1.3em;margin:4px 0 0;font-size:13px;color:var(--text)}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px;margin:8px 0 0;padding:0;list-style:none;color:var(--muted)}
.legend i{display:inline-block;width:11px;height:11px;border-radius:3px;margin-right:5px;vertical-align:-1px}
.legend i.tick{height:3px;vertical-align:3px;background:var(--text);border-radius:0}
.legend i.hatched{background:repeating-linear-gradient(45deg,var(--line) 0 2px,transparent 2px 5px)}
.values{margin-top:6px;font-size:13px}.values summary{cursor:pointer;color:var(--accent);width:max-content}
.values summary:focus-visible{outline:3px solid var(--busy);outline-offset:2px}
#config-card summary{cursor:pointer}#config-card summary h2{display:inline;margin:0}
#config-card summary:focus-visible{outline:3px solid var(--busy);outline-offset:2px}#config-card code{font-size:13px}.values .table{max-height:260px;overflow:auto}
.csv-links{display:flex;flex-wrap:wrap;gap:8px;margin:14px 0 0}
a.csv{font-size:13px;color:var(--accent);border:1px solid var(--line);border-radius:8px;padding:4px 10px;text-decoration:none}
a.csv::before{content:"↓ "}a.csv:hover{background:var(--idle-bg)}a.csv.failed{color:var(--bad)}
a:focus-visible{outline:3px solid var(--busy);outline-offset:2px}
table.tempo{width:auto;border-collapse:separate;border-spacing:3px;font-size:12px}
table.tempo th{padding:0 8px 0 0;border:0;text-align:right;text-transform:none;letter-spacing:0;vertical-align:middle}
table.tempo td{padding:0;border:0;width:16px;height:16px;border-radius:4px}
.d.BLUE{background:#1e88e5}.d.WHITE{background:#f1f3f5;box-shadow:inset 0 0 0 1px #b8c0c8}.d.RED{background:#e53935}
.d.none{background:var(--idle-bg)}td.void{background:transparent}
.d.today{outline:2px solid var(--text);outline-offset:1px}
.tempo-counts i.d{border-radius:50%}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.section-title{margin:10px 4px -4px;font-size:14px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
@media (max-width:560px){.tile-value{font-size:20px}.sub{display:none}.brand{gap:8px}.logo{width:32px;height:32px}table.tempo td{width:8px;height:12px;border-radius:2px}
table.tempo{border-spacing:1px}.seg-btn{padding:6px 9px}}
`;
