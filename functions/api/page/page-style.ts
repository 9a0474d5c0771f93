/**
 * The page's whole stylesheet, inlined (one request per page, allowed by a CSP hash). Colour pairs
 * are chosen for at least 4.5:1 contrast; the browser test measures every text element.
 */
export const PAGE_STYLE = `
:root{--ink:#1b1f24;--muted:#4f5861;--line:#d0d7de;--bg:#fff;--soft:#f4f6f8;--link:#0a58a8;--band:#10263d;--up:#8ee6b0;--down:#ffc2b8;--focus:#b93d00;--ok:#0f5c2e;--okbg:#e6f4ea;--bad:#8a1c1c;--badbg:#fdecea;--warn:#5a4300;--warnbg:#fff4d1}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg);line-height:1.45}
body{margin:0}
a{color:var(--link)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.ticker :focus-visible{outline-color:#ffd08a}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem;z-index:2}
.skip:focus{left:1rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{border-bottom:1px solid var(--line)}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.5rem;padding-top:.6rem;padding-bottom:.6rem}
.brand{font-size:1.5rem;font-weight:700;margin:0;letter-spacing:.02em}
.brand a{color:var(--ink);text-decoration:none}
.tagline{margin:0;color:var(--muted);flex:1 1 20rem}
.langs ul{display:flex;gap:.25rem;list-style:none;margin:0;padding:0}
.langs a{display:inline-block;padding:.2rem .5rem;border-radius:4px;text-decoration:none}
.langs a[aria-current]{background:var(--ink);color:#fff}
.ticker{background:var(--band);color:#fff}
.ticker .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.5rem;padding-top:.6rem;padding-bottom:.6rem}
.ticker h2{font-size:.95rem;font-weight:600;margin:0}
.ticker h2 span{font-weight:400}
.rates{display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;list-style:none;margin:0;padding:0}
.rate{display:flex;gap:.45rem;align-items:baseline;white-space:nowrap}
.rate .pair{font-weight:600}
.rate .value{font-variant-numeric:tabular-nums;font-size:1.1rem}
.rate.up .move{color:var(--up)}
.rate.down .move{color:var(--down)}
.rate .date,.rate .why{font-size:.85rem}
.badge{display:inline-block;background:var(--warnbg);color:var(--warn);border-radius:4px;padding:.1rem .45rem;font-size:.85rem}
.layout{display:grid;gap:2rem;padding-top:1.25rem;padding-bottom:2rem}
@media (min-width:60rem){.layout{grid-template-columns:minmax(0,1fr) 22rem}}
h2.section{font-size:1.35rem;margin:0 0 .75rem}
form.search{display:grid;gap:.5rem;background:var(--soft);padding:.75rem;border-radius:6px;margin-bottom:1rem}
form.search .row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
label{font-weight:600;font-size:.95rem}
.field{display:flex;flex-direction:column;gap:.2rem}
.grow{flex:1 1 14rem}
input[type=text],input[type=search],input[type=email],input[type=tel],select{font:inherit;padding:.4rem .5rem;border:1px solid #6b747d;border-radius:4px;background:#fff;color:var(--ink);min-width:0}
button{font:inherit;padding:.45rem 1rem;border-radius:4px;border:1px solid var(--link);background:var(--link);color:#fff;cursor:pointer}
button:disabled{opacity:.7;cursor:progress}
button.secondary{background:#fff;color:var(--link)}
.verify{margin:.5rem 0}
.hint{font-size:.85rem;color:var(--muted);margin:0}
.notice{border-radius:6px;padding:.6rem .8rem;margin:0 0 1rem}
.notice.error{background:var(--badbg);color:var(--bad)}
.notice.ok{background:var(--okbg);color:var(--ok)}
.notice.warn{background:var(--warnbg);color:var(--warn)}
.notice p{margin:.25rem 0}
.notice code{background:#fff;color:var(--ink);padding:.05rem .3rem;border-radius:3px;word-break:break-all}
.headlines{list-style:none;margin:0;padding:0}
.headlines>li{padding:.75rem 0;border-bottom:1px solid var(--line)}
.headlines h3{font-size:1.08rem;margin:0 0 .2rem;font-weight:600;overflow-wrap:break-word}
.headlines h3 a{color:var(--ink);text-decoration:none}
.headlines h3 a:hover{text-decoration:underline}
.meta{font-size:.85rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.2rem .6rem}
.tag{border:1px solid #6b747d;border-radius:3px;padding:0 .3rem;text-transform:uppercase;font-size:.75rem;color:var(--ink)}
.summary{margin:.3rem 0 0}
.more{margin-top:1rem}
.alerts{background:var(--soft);border-radius:6px;padding:1rem;align-self:start}
.alerts form{display:grid;gap:.8rem}
fieldset{border:1px solid var(--line);border-radius:6px;margin:0;padding:.5rem .75rem .75rem;display:grid;gap:.5rem;background:#fff}
legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;gap:1rem;flex-wrap:wrap}
.choice label{font-weight:400}
#alert-preview h3{font-size:1rem;margin:.25rem 0}
#alert-preview ol{margin:.25rem 0;padding-left:1.25rem;font-size:.9rem}
#alert-outcome:focus,#alerts:focus,main:focus{outline:none}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
footer.site .wrap{padding-top:1rem;padding-bottom:1.5rem}
footer.site p{margin:.25rem 0}
`;
