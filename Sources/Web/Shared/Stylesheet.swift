import AirQuality

/// The one stylesheet: plain, dense and printable, for people who read these tables all day.
enum Stylesheet {
    static let css = base + aqiBadges

    /// One badge class a category, `aqi-1` … `aqi-6`, in HJ 633's colours.
    private static let aqiBadges = AQICategory.allCases.map {
        ".aqi-\($0.rawValue) { background:\($0.colour); color:\($0.rawValue >= 4 ? "#fff" : "#000"); }\n"
    }.joined()

    private static let base = """
        :root { --blue:#1d4f91; --line:#d5dbe3; --muted:#5b6675; --bg:#f3f5f8; }
        * { box-sizing: border-box; }
        body { margin:0; font: 14px/1.55 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
               color:#1c2430; background:var(--bg); }
        a { color:var(--blue); text-decoration:none; } a:hover { text-decoration:underline; }
        header.top { display:flex; justify-content:space-between; align-items:center; background:var(--blue);
                     color:#fff; padding:10px 24px; }
        header.top .brand { color:#fff; font-size:17px; font-weight:600; letter-spacing:1px; }
        header.top .who { display:flex; gap:12px; align-items:center; font-size:13px; }
        header.top .who a { color:#fff; }
        header.top button.link { color:#fff; }
        nav.menu { background:#fff; border-bottom:1px solid var(--line); padding:0 24px; display:flex; gap:4px; }
        nav.menu a { padding:10px 14px; color:#1c2430; border-bottom:3px solid transparent; }
        nav.menu a.active { border-bottom-color:var(--blue); color:var(--blue); font-weight:600; }
        main { padding:16px 24px 40px; max-width:1400px; }
        h1 { font-size:20px; margin:4px 0 14px; }
        h2 { font-size:16px; margin:22px 0 8px; border-left:4px solid var(--blue); padding-left:8px; }
        footer { color:var(--muted); font-size:12px; padding:12px 24px; border-top:1px solid var(--line); }
        .notice { background:#e8f3e8; border:1px solid #9ccc9c; padding:8px 12px; margin-bottom:12px; }
        .errors { background:#fdeceb; border:1px solid #e3a19c; padding:8px 12px; margin-bottom:12px; }
        .carried { background:#fff8e1; border:1px solid #e6c767; padding:6px 12px; }
        .warnings { background:#fff8d6; border:1px solid #e8d27a; padding:8px 12px 8px 28px; margin-bottom:12px; }
        .errors li { margin:2px 0; }
        .warn { background:#fff8d6; border-left:3px solid #d9a400; padding:2px 6px; margin-top:4px; }
        td.over { background:#fdeceb; color:#a1221a; font-weight:bold; }
        .panel { background:#fff; border:1px solid var(--line); padding:12px 16px; margin-bottom:14px; }
        .cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(150px,1fr)); gap:10px; margin-bottom:14px; }
        .card { background:#fff; border:1px solid var(--line); padding:10px 14px; }
        .card .n { font-size:26px; font-weight:700; } .card .l { color:var(--muted); font-size:13px; }
        .card.s-overdue .n { color:#b3261e; } .card.s-notReported .n { color:#8a5a00; }
        .card.s-lagging .n { color:#c25e00; } .card.s-done .n { color:#2e7d32; } .card.s-onTrack .n { color:#1d4f91; }
        table { border-collapse:collapse; width:100%; background:#fff; }
        th, td { border:1px solid var(--line); padding:5px 8px; text-align:left; vertical-align:top; }
        th { background:#eef2f7; font-weight:600; white-space:nowrap; }
        td:first-child { white-space:nowrap; }
        td.num, th.num { text-align:right; white-space:nowrap; font-variant-numeric:tabular-nums; }
        tr:nth-child(even) td { background:#fafbfd; }
        .badge { display:inline-block; padding:0 7px; border-radius:3px; font-size:12px; white-space:nowrap;
                 border:1px solid transparent; }
        .level-blue { background:#1e6fd9; color:#fff; } .level-yellow { background:#e6b800; color:#222; }
        .level-orange { background:#ef7d00; color:#fff; } .level-red { background:#d62828; color:#fff; }
        .level-none { background:#e0e0e0; color:#333; }
        .s-done { background:#e6f4e7; color:#1b5e20; border-color:#a5d6a7; }
        .s-onTrack { background:#e8effa; color:#1d4f91; border-color:#b3c7e6; }
        .s-lagging { background:#fff1e0; color:#a64b00; border-color:#f5c48a; }
        .s-overdue { background:#fdeceb; color:#a1221a; border-color:#eca29c; }
        .s-notReported { background:#fff8d6; color:#7a5a00; border-color:#e8d27a; }
        .r-draft,.r-pendingApproval { background:#f1f1f1; color:#444; } .r-submitted { background:#e8effa; color:#1d4f91; }
        .r-returned { background:#fdeceb; color:#a1221a; } .r-accepted { background:#e6f4e7; color:#1b5e20; }
        .late { color:#a1221a; font-weight:600; }
        .muted { color:var(--muted); } .small { font-size:12px; }
        .bar { display:inline-block; width:90px; height:9px; background:#e3e8ef; vertical-align:middle; margin-right:6px; }
        .bar .fill { fill:#3a74c4; }
        form.filters { display:flex; flex-wrap:wrap; gap:10px; align-items:flex-end; background:#fff;
                       border:1px solid var(--line); padding:10px 12px; margin-bottom:12px; }
        form.filters label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); }
        form.inline { display:inline; }
        input, select, textarea { font:inherit; padding:4px 6px; border:1px solid #b8c1cc; border-radius:2px; background:#fff; }
        textarea { width:100%; min-height:110px; }
        button, .button { font:inherit; padding:5px 14px; border:1px solid var(--blue); background:var(--blue); color:#fff;
                 border-radius:2px; cursor:pointer; display:inline-block; }
        button.secondary, .button.secondary { background:#fff; color:var(--blue); }
        button.danger { background:#a1221a; border-color:#a1221a; }
        button.link { background:none; border:none; padding:0; color:var(--blue); cursor:pointer; }
        .form-grid { display:grid; grid-template-columns:180px 1fr; gap:8px 14px; align-items:start; }
        .form-grid > label { font-weight:600; padding-top:4px; }
        .field-error { color:#a1221a; font-size:12px; display:block; }
        .actions { display:flex; gap:10px; margin-top:12px; flex-wrap:wrap; }
        dl.facts { display:grid; grid-template-columns:130px 1fr; gap:4px 12px; margin:0; }
        dl.facts dt { color:var(--muted); } dl.facts dd { margin:0; }
        .two { display:grid; grid-template-columns:1fr 1fr; gap:14px; }
        .login { max-width:380px; margin:60px auto; }
        .login .panel { padding:20px 24px; } .login label { display:block; margin:10px 0 4px; }
        .login input { width:100%; }
        pre.measures { white-space:pre-wrap; font:inherit; margin:0; }
        .default-submit { position:absolute; left:-10000px; width:1px; height:1px; overflow:hidden; }
        table.monthly td.task { white-space:normal; min-width:190px; max-width:260px; }
        table.monthly textarea { min-height:64px; min-width:220px; }
        table.monthly td.values .value { margin-bottom:6px; white-space:nowrap; }
        table.standards td:nth-child(3), table.standards td:nth-child(4), table.standards td:nth-child(5) { white-space:nowrap; }
        svg.trace-graph { display:block; max-width:100%; height:auto; margin:8px 0; }
        pre.document { max-height:480px; overflow:auto; background:#fff; border:1px solid var(--line); padding:8px; }
        table.monthly td.values label { display:block; font-size:12px; color:var(--muted); }
        table.monthly tr.sent-back td { background:#fff6f5; }
        table.monthly tr.not-asked td { color:var(--muted); }
        table.monthly .row-actions button, table.monthly .row-actions label { display:block; margin:0 0 6px; }
        table.monthly .row-actions textarea { min-width:140px; min-height:44px; }
        table.monthly .row-actions .pair { display:flex; gap:6px; }
        table.monthly .row-actions .pair button { margin:0; }
        .returned { color:#a1221a; } .unsaved { color:#a64b00; font-weight:600; } .read-as { color:#1b5e20; }
        ul.files { margin:0 0 4px; padding-left:16px; } ul.errors.small { margin:4px 0; padding:4px 8px 4px 22px; }
        .chart { background:#fff; border:1px solid var(--line); padding:8px; margin-bottom:14px; overflow-x:auto; }
        .chart svg { max-width:100%; height:auto; display:block; } .chart.wide svg { width:100%; }
        .charts { display:flex; flex-wrap:wrap; gap:14px; } .charts .chart { flex:1 1 480px; }
        .order { background:#fff; border:1px solid var(--line); padding:16px 24px; margin-bottom:14px; }
        .order p { line-height:1.8; }
        @media print { nav.menu, header.top .who, form.filters, .actions, footer, .noprint { display:none; }
                       .chart { break-inside:avoid; border:none; }
                       .order { border:none; break-after:page; font-family:"FangSong", "仿宋", serif; }
                       body { background:#fff; } header.top { background:#fff; color:#000; } header.top .brand { color:#000; } }
        """
}
