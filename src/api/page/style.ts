/** Inline stylesheet of the status page: no external assets, light and dark, narrow screens first. */
export const STYLE = `
:root{--bg:#f4f6f8;--card:#fff;--text:#17212b;--muted:#5f6b76;--line:#e3e8ed;--accent:#0b7a63;--accent-2:#0e9f80;
--ok:#1a7f37;--ok-bg:#e6f4ea;--bad:#b42318;--bad-bg:#fdecea;--busy:#0b63c9;--busy-bg:#e7f0fc;--idle-bg:#eef1f4;
--shadow:0 1px 2px rgba(16,24,40,.06),0 1px 3px rgba(16,24,40,.1);color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#11161b;--card:#1a2129;--text:#e6ebf0;--muted:#9aa7b3;--line:#2a333d;
--accent:#2fbf9b;--accent-2:#45d3ae;--ok:#56d37a;--ok-bg:#173222;--bad:#ff8a7f;--bad-bg:#3a1d1b;--busy:#7db4ff;
--busy-bg:#182a40;--idle-bg:#232c35;--shadow:none}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,
Ubuntu,sans-serif;-webkit-font-smoothing:antialiased}
header.top{display:flex;align-items:center;justify-content:space-between;gap:12px;padding:14px 20px;
background:var(--card);border-bottom:1px solid var(--line);position:sticky;top:0;z-index:1}
.brand{display:flex;align-items:center;gap:12px}
.logo{display:grid;place-items:center;width:38px;height:38px;border-radius:10px;color:#fff;font-size:20px;
background:linear-gradient(135deg,var(--accent),var(--accent-2))}
h1{font-size:17px;margin:0;font-weight:650}
.sub{margin:0;color:var(--muted);font-size:13px}
h2{font-size:16px;margin:0;font-weight:650}
main{max-width:1120px;margin:0 auto;padding:18px 16px 8px;display:grid;gap:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:16px 18px;box-shadow:var(--shadow)}
.card-head{display:flex;align-items:center;justify-content:space-between;gap:12px;flex-wrap:wrap}
.pill{display:inline-flex;align-items:center;gap:6px;padding:4px 12px;border-radius:999px;font-size:13px;
font-weight:600;background:var(--idle-bg);color:var(--muted);white-space:nowrap}
.pill::before{content:"";width:8px;height:8px;border-radius:50%;background:currentColor}
.pill.ok{background:var(--ok-bg);color:var(--ok)}.pill.bad{background:var(--bad-bg);color:var(--bad)}
.pill.busy{background:var(--busy-bg);color:var(--busy)}
.pill.busy::before{animation:pulse 1.2s ease-in-out infinite}
@keyframes pulse{50%{opacity:.25}}
button{font:inherit;font-weight:600;border:0;border-radius:10px;padding:9px 18px;cursor:pointer;color:#fff;
background:var(--accent);transition:filter .15s,opacity .15s}
button:hover:not(:disabled){filter:brightness(1.1)}button:disabled{opacity:.55;cursor:default}
button:focus-visible{outline:3px solid var(--busy);outline-offset:2px}
.state{margin:10px 0 0;color:var(--muted)}
.progress{margin-top:12px}
.bar{height:10px;border-radius:999px;background:var(--idle-bg);overflow:hidden}
.bar span{display:block;height:100%;width:0;border-radius:inherit;transition:width .4s;
background:repeating-linear-gradient(45deg,var(--accent) 0 12px,var(--accent-2) 12px 24px);
background-size:34px 34px;animation:stripes 1s linear infinite}
@keyframes stripes{to{background-position:34px 0}}
.progress p{margin:6px 0 0;font-size:13px;color:var(--muted)}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px 20px;margin:16px 0 0;
padding-top:14px;border-top:1px solid var(--line)}
.facts div{min-width:0}.facts dt{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.facts dd{margin:3px 0 0;font-weight:500;overflow-wrap:anywhere}.facts small,td small,.muted{color:var(--muted)}
.facts small,.nowrap{white-space:nowrap}
#notice{margin:10px 0 0;font-size:14px;min-height:1px}#notice:empty{display:none}
.errors{border-color:color-mix(in srgb,var(--bad) 35%,var(--line));background:var(--bad-bg)}
.errors h2{color:var(--bad)}.errors ul{margin:8px 0 0;padding-left:18px}.errors li{margin:4px 0;overflow-wrap:anywhere}
.errors small{color:var(--muted)}
.pdls{display:grid;gap:16px}
.none{color:var(--muted);margin:10px 0 0}
.pdl-id{font:13px/1.2 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}
.meta{margin:6px 0 10px;color:var(--muted);font-size:13px}
.badges{display:flex;gap:6px;flex-wrap:wrap}
.badge{font-size:12px;padding:2px 8px;border-radius:6px;background:var(--idle-bg);color:var(--muted)}
.badge.on{background:var(--ok-bg);color:var(--ok)}
.table{overflow-x:auto}
table{width:100%;border-collapse:collapse;font-size:14px}
th{text-align:left;font-size:12px;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
th,td{padding:7px 8px;border-bottom:1px solid var(--line);vertical-align:top}
tr:last-child td{border-bottom:0}
td.err{color:var(--bad);overflow-wrap:anywhere;min-width:140px}td.good{color:var(--ok);white-space:nowrap}
td small{display:block;color:var(--muted)}
.empty{color:var(--muted);text-align:center;padding:28px}
footer{max-width:1120px;margin:0 auto;padding:10px 16px 24px;color:var(--muted);font-size:13px}
footer a{color:var(--accent)}
@media (max-width:560px){header.top{padding:10px 12px}main{padding:12px 10px}.card{padding:14px}
.facts{grid-template-columns:1fr 1fr}
th:nth-child(3),td:nth-child(3){display:none}}
`;
