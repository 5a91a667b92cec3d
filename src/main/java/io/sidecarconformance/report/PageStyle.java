package io.sidecarconformance.report;

/** The page's stylesheet, inline so the file works offline. Verdict colours come from {@link VerdictLook}. */
final class PageStyle {

    private PageStyle() {
    }

    static final String CSS = """
            :root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;font-size:14px;color:#1b1f24;background:#fff}
            body{margin:0;padding:12px 16px}
            h1{font-size:20px;margin:0 0 4px}
            h2{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#555;margin:0 0 4px}
            code,.mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px}
            .meta{margin:0 0 10px;color:#333}
            .panels{display:flex;flex-wrap:wrap;gap:12px 36px;align-items:flex-start}
            table.small{border-collapse:collapse;font-size:12px}
            table.small th,table.small td{text-align:left;padding:2px 10px 2px 0;vertical-align:top}
            table.small th{font-weight:600}
            .legend{list-style:none;margin:0;padding:0;font-size:12px;display:grid;grid-template-columns:repeat(2,minmax(0,500px));gap:3px 28px}
            .legend li{display:grid;grid-template-columns:74px 132px minmax(0,1fr);align-items:start;gap:0 6px}
            .sw{display:inline-block;min-width:66px;text-align:center;font-size:11px;font-weight:700;padding:1px 4px;border-radius:2px}
            .legend b{font-size:11px;padding-top:1px}
            .howto{font-size:12px;color:#444;margin:8px 0 4px}
            .tools{position:sticky;top:0;z-index:3;background:#fff;padding:6px 0;display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;border-bottom:1px solid #d8dbe0}
            #filter{width:300px;padding:3px 6px;font:inherit;margin-left:6px}
            #counts{font-size:12px;display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center}
            #counts .sw{min-width:0;margin-right:3px}
            #counts .count{white-space:nowrap}
            #script-errors{background:#fee;color:#900;border:1px solid #c00;padding:6px;margin-bottom:8px;white-space:pre-wrap;font-family:monospace}
            #script-errors:empty{display:none}
            table.grid{border-collapse:separate;border-spacing:2px;margin-top:8px}
            .grid thead th{background:#eef0f3;font-size:12px;padding:3px 6px;white-space:nowrap}
            .grid th.fault{font-size:13px;font-family:ui-monospace,"DejaVu Sans Mono",monospace}
            .grid th.cluster{font-weight:normal;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:10.5px;white-space:normal;max-width:80px;line-height:1.25}
            .grid th.corner{text-align:left;vertical-align:bottom;font-weight:normal;color:#555}
            .grid .fstart{border-left:2px solid #8d939c}
            .grid tr.group th{text-align:left;background:#dfe3e9;font-size:13px;padding:4px 8px;font-family:ui-monospace,"DejaVu Sans Mono",monospace}
            .grid tr.group th span{position:sticky;left:8px}
            .grid th.rowname{text-align:left;font-weight:normal;white-space:nowrap;padding:2px 10px 2px 18px;font-size:12px;font-family:ui-monospace,"DejaVu Sans Mono",monospace}
            .grid th.rowname,.grid th.corner{position:sticky;left:0;z-index:1;background:#fff}
            .grid th.corner{background:#eef0f3}
            .grid th.rowname .sep{color:#999}
            td.cell,td.empty{width:80px;min-width:80px;max-width:80px;height:36px;text-align:center;vertical-align:middle;font-size:11px;padding:2px 4px;line-height:1.2}
            td.cell{cursor:pointer;position:relative}
            td.cell .lbl{display:block;font-weight:700;letter-spacing:.02em;white-space:nowrap}
            td.cell .fig{display:block;font-variant-numeric:tabular-nums}
            td.cell .job{display:block;font-size:10px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;opacity:.9}
            td.cell .mark{position:absolute;top:1px;right:3px;font-size:11px}
            td.cell:hover,td.cell:focus{outline:2px solid #1b1f24;outline-offset:-2px}
            td.cell.selected{outline:3px solid #0b57d0;outline-offset:-3px}
            td.empty{color:#b0b4ba;background:#fafbfc;border:1px dashed #cfd3d8}
            td.empty.fstart{border-left:2px solid #8d939c}
            #drill{position:fixed;top:0;right:0;bottom:0;width:min(820px,64vw);background:#fff;box-shadow:-4px 0 18px rgba(0,0,0,.28);overflow:auto;padding:10px 18px 24px;z-index:10;box-sizing:border-box}
            #drill[hidden]{display:none}
            #drill-close{float:right;font-size:22px;line-height:1;border:1px solid #ccc;background:#f6f6f6;cursor:pointer;padding:2px 9px;border-radius:3px}
            #drill h2.title{font-size:15px;text-transform:none;letter-spacing:0;color:#1b1f24;margin:2px 40px 8px 0;font-family:ui-monospace,"DejaVu Sans Mono",monospace}
            #drill h3{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#555;margin:14px 0 4px}
            .facts{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;font-size:13px;margin:0}
            .facts dt{color:#555}
            .facts dd{margin:0;word-break:break-word}
            .badge{display:inline-block;padding:1px 7px;font-weight:700;font-size:12px;border-radius:2px}
            .muted{color:#888}
            .figures{display:flex;flex-wrap:wrap;gap:8px 28px;align-items:flex-start}
            svg.gantt{display:block;background:#fcfcfd;border:1px solid #e3e5e8}
            svg.gantt text{font-family:system-ui,"DejaVu Sans",Arial,sans-serif;font-size:10px;fill:#222}
            svg.gantt text.lane-name{font-size:11px;font-family:ui-monospace,"DejaVu Sans Mono",monospace}
            .gantt-key{font-size:11px;color:#444;margin:4px 0 0}
            .gantt-key span{display:inline-block;margin-right:12px}
            table.timeline{border-collapse:collapse;font-size:12px;width:100%}
            table.timeline th,table.timeline td{border-bottom:1px solid #eceef1;padding:2px 6px;text-align:left;vertical-align:top}
            table.timeline td.t{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            table.timeline td.detail{word-break:break-word;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:11px}
            table.timeline tr.k-EVENT td{background:#fff6dc}
            table.timeline tr.k-TERMINATED td{background:#fbeceb}
            """;
}
