/// The report's stylesheet, inlined into `<style>`: screen layout, the evidence panel and article
/// drawer (shown by `:target`, so they work without script), the marks in articles, charts, and a
/// print layout that keeps tables and charts and drops the interactive parts.
enum ReportStyle {
    static let css = #"""
:root{color-scheme:light;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--accent:#0b5cad;--hl:#fde047}
*{box-sizing:border-box}
html{scroll-padding-top:72px}
body{margin:0;color:var(--fg);background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans","Helvetica Neue",Arial,sans-serif}
a{color:var(--accent)}
header.top{position:sticky;top:0;z-index:10;display:flex;align-items:baseline;gap:18px;flex-wrap:wrap;padding:10px 24px;background:rgba(255,255,255,.96);border-bottom:1px solid var(--line)}
header.top .brand{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
header.top h1{font-size:18px;margin:0;flex:1 1 auto}
header.top nav a{margin-left:14px;text-decoration:none;font-weight:600}
main{max-width:1180px;margin:0 auto;padding:8px 24px 48px}
h2{font-size:22px;margin:32px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:17px;margin:22px 0 6px}
.muted,.note,.table-id,.intro{color:var(--muted)}
.table-id{font-size:12.5px;margin:0 0 10px}
.note{font-size:13px}
dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:10px;margin:0 0 8px}
dl.facts div{border:1px solid var(--line);border-radius:8px;padding:8px 12px;background:var(--soft)}
dl.facts dt{font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
dl.facts dd{margin:2px 0 0;font-weight:600}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:36px}
ul.run-notes{padding-left:18px;margin:6px 0}
ul.run-notes li{margin:4px 0}
ul.sides{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 16px}
ol.toc{padding-left:20px}
ol.toc ol{padding-left:20px;margin:2px 0 8px}
.chip{display:inline-block;width:11px;height:11px;border-radius:3px;margin-right:6px;vertical-align:-1px;background:#999}
.step-title{font-size:19px;margin-top:26px;color:var(--muted)}
.table-section h4{font-size:17px;margin:18px 0 4px}
.table-section{margin:18px 0 34px}
.table-wrap{overflow-x:auto;max-width:100%}
table.data{border-collapse:collapse;font-size:13.5px;min-width:40%}
table.data th,table.data td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
table.data thead th{background:var(--soft);border-bottom:2px solid var(--line);white-space:nowrap}
table.data .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.data td:first-child{min-width:12em}
table.article-index td:nth-child(3){white-space:nowrap}
table.data th button{all:unset;cursor:pointer;display:inline-flex;gap:4px;align-items:center;font-weight:600}
table.data th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
th .arrow::after{content:"\2195";color:#b0b8c1;font-size:11px}
th[aria-sort=ascending] .arrow::after{content:"\25B2";color:var(--accent)}
th[aria-sort=descending] .arrow::after{content:"\25BC";color:var(--accent)}
table.data tbody tr:hover{background:#f8fafc}
tr:target{background:#fff7d1}
td.ev{cursor:pointer}
.nw,a.evlink{white-space:nowrap}
a.evlink{color:inherit;text-decoration:underline dotted #8aa4c2;text-underline-offset:3px}
.evn{display:inline-block;margin-left:5px;padding:0 6px;border-radius:9px;background:#e3eefb;color:var(--accent);font-size:11px;font-weight:600;line-height:17px;vertical-align:1px}
ul.notes{margin:8px 0 0;padding-left:18px;color:var(--muted);font-size:13px}
.charts{display:flex;flex-wrap:wrap;gap:14px;margin:6px 0 12px}
figure.chart-figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:10px 12px 6px;background:#fff;max-width:100%;overflow-x:auto}
figcaption{font-weight:600;font-size:14px;margin-bottom:4px}
svg.chart{display:block;max-width:100%;height:auto;font:12px system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;fill:#24292f}
svg.chart .tick{fill:var(--muted);font-size:11px}
svg.chart .axis-title{fill:var(--muted);font-size:11.5px}
svg.chart .seg,svg.chart .val{font-size:11px;font-variant-numeric:tabular-nums}
svg.chart .total{fill:var(--muted);font-size:11px}
svg.chart .grid line{stroke:#e4e8ec}
svg.chart .guide{stroke:#cfd6dd;stroke-dasharray:2 3}
svg.chart .stripe{fill:#f7f9fb}
svg.chart .dot{stroke:#fff;stroke-width:1.2}
svg.chart .cell{stroke:#fff;stroke-width:1}
svg.chart .none{fill:#8c959f;font-style:italic}
.chart-note{font-size:12.5px;color:#9a3412;margin:4px 0}
.ev-panel{display:none;position:fixed;right:16px;top:70px;max-height:calc(100vh - 86px);width:min(540px,calc(100vw - 32px));overflow:auto;z-index:20;background:#fff;border:1px solid var(--line);border-radius:10px;box-shadow:0 12px 32px rgba(15,23,42,.22);padding:0 18px 14px}
.ev-panel:target{display:block}
.evp-head{position:sticky;top:0;background:#fff;padding:12px 0 6px;border-bottom:1px solid var(--line)}
.evp-head h4{margin:2px 0;font-size:15px}
.evp-where,.evp-count{margin:0;font-size:12.5px;color:var(--muted)}
ol.evp-list{padding-left:22px;margin:10px 0}
ol.evp-list li{margin:0 0 12px}
.evq{display:block;color:var(--fg);text-decoration:none;line-height:1.45}
a.evq:hover mark{box-shadow:0 0 0 2px #eab308}
.evq mark{background:#fdeb8a;padding:0 1px;border-radius:2px}
.evs{display:block;font-size:12px;color:var(--muted);margin-top:2px}
.evp-more{font-size:12.5px;color:var(--muted)}
a.close{float:right;position:sticky;top:8px;margin:6px 0 0 12px;font-size:24px;line-height:1;text-decoration:none;color:var(--muted);padding:2px 8px;border-radius:6px}
a.close:hover{background:var(--soft);color:var(--fg)}
.article-view{display:none}
.article-view:target,.article-view:has(.anchor:target){display:block;position:fixed;top:0;right:0;bottom:0;width:min(1000px,100vw);overflow:auto;z-index:30;background:#fff;box-shadow:-10px 0 28px rgba(15,23,42,.25);padding:4px 30px 48px}
.article-views:has(:target)::before{content:"";position:fixed;inset:0;background:rgba(15,23,42,.32);z-index:25}
.av-meta{margin:14px 0 2px;font-size:13px;color:var(--muted)}
.av-title{font-size:24px;line-height:1.3;margin:4px 0 10px;border:0;padding:0}
.av-note{background:#fff4e5;border-left:3px solid #f59e0b;padding:6px 10px;font-size:13.5px}
.av-body{display:grid;grid-template-columns:minmax(0,1fr) 270px;gap:30px}
.av-text p{font:17px/1.7 Georgia,"DejaVu Serif","Times New Roman",serif;white-space:pre-wrap;margin:0 0 14px}
.av-side{font-size:13.5px;border-left:1px solid var(--line);padding-left:18px}
.av-side h4{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:14px 0 4px}
.av-side p,.av-side ul{margin:0}
.av-side ul{padding-left:0;list-style:none}
.av-side li{margin:3px 0}
ul.frames li{position:relative;padding:1px 40px 1px 6px}
ul.frames .bar{position:absolute;left:0;top:2px;bottom:2px;background:#e3eefb;border-radius:3px;z-index:0}
ul.frames .label{position:relative}
ul.frames .n{position:absolute;right:0;color:var(--muted)}
ul.frames li.dominant .label{font-weight:700}
ul.frames li.dominant .label::after{content:" \2605";color:#b7791f}
.st{border-radius:2px;padding:1px 0;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.sp{font-weight:600;border-bottom:2px solid #999}
.ca{color:#b42318;font-weight:700}
.tm{text-decoration:underline wavy #c2410c;text-decoration-thickness:1.5px;text-underline-offset:3px;text-decoration-skip-ink:none}
.ed{font-style:italic;border-bottom:2px dotted #7c3aed}
.hl,.hl-sample{background:var(--hl)!important;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.ev-panel:focus,.article-view:focus,.anchor:focus{outline:none}
.anchor{scroll-margin-top:120px}
footer{max-width:1180px;margin:0 auto;padding:16px 24px 40px;color:var(--muted);font-size:12.5px;border-top:1px solid var(--line)}
@media (max-width:820px){.cols,.av-body{grid-template-columns:minmax(0,1fr)}.av-side{border-left:0;padding-left:0}}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-size:10.5pt}
header.top{position:static;border:0}
header.top nav,.ev-panel,.article-views,a.close,.arrow,.evn,.intro{display:none!important}
main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
h2{break-after:avoid}
h3{break-after:avoid}
figure.chart-figure{break-inside:avoid;border:0;padding:0}
.table-wrap{overflow:visible}
table.data tr{break-inside:avoid}
table.data{font-size:8pt}
table.data th,table.data td{padding:2px 5px}
table.data thead th{white-space:normal}
table.data td:first-child{min-width:0}
tr:target{background:none}
}
"""#
}
