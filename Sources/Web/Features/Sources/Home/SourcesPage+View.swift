import Foundation
import Plot

/// 污染源监控: coverage against the floor, the fewest additions, key polluters, outlets, imports, uploads.
enum SourcesPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "污染源监控", context,
            .unwrap(model.outcome) { UI.importOutcome($0, kind: model.outcomeKind) },
            .unwrap(model.summary) { .p(.class("notice"), .text($0)) },
            .if(
                model.mayInspect,
                .p(
                    .a(.href(SiteURL.sourcesSuspects(week: nil)), .text("本周可疑排放口")), .text("　"),
                    .a(.href(SiteURL.sourcesCases), .text("执法清单（设备故障与数据造假）")), .text("　"),
                    .a(.href(SiteURL.publicMonitoring), .text("公开名单")))),
            .h2(.id("coverage"), .text("重点排污单位名录覆盖率（方案（十三）：不低于工业源排放量的 \(model.floor)）")),
            .if(!model.hasRegistry, .p(.class("muted"), .text("尚未导入企业名录（重污染应急 › 企业名录）：覆盖率以名录中企业的排放量为分母。"))),
            .if(
                model.hasRegistry,
                .group(
                    .table(
                        .tr(.th("污染物"), .th(.class("num"), .text("名录覆盖")), .th(.class("num"), .text("要求"))),
                        .tr(
                            .td("挥发性有机物（VOCs）"), .td(.class("num"), .text(model.vocsShare)),
                            .td(.class("num"), .text("≥ \(model.floor)"))),
                        .tr(
                            .td("氮氧化物"), .td(.class("num"), .text(model.noxShare)),
                            .td(.class("num"), .text("≥ \(model.floor)")))),
                    .if(model.meetsFloor, .p(.class("ok"), .text("两项均已达到要求。"))),
                    .if(!model.meetsFloor, .p(.class("errors"), .text("未达到要求。"))),
                    .if(
                        !model.meetsFloor && !model.reachable,
                        .p(.class("errors"), .text("即使将名录中全部企业纳入也达不到要求：请核对企业名录和排放量。"))),
                    .if(
                        !model.additions.isEmpty,
                        .group(
                            .p(
                                .text(
                                    "最少再纳入 \(model.additions.count) 家即可达到要求（纳入后 \(model.afterAdditions)）"
                                        + (model.proven ? "，已证明不能更少：" : "（搜索未穷尽，可能还有更少的组合）："))),
                            .ul(
                                .forEach(model.additions) {
                                    .li(.text("\($0.name)（\($0.id)）：VOCs \($0.vocs) 吨/年，氮氧化物 \($0.nox) 吨/年"))
                                }))),
                    .table(
                        .tr(
                            .th("编号"), .th("企业"), .th(.class("num"), .text("VOCs（吨/年）")),
                            .th(.class("num"), .text("氮氧化物（吨/年）")), .th("重点排污单位"), .if(model.mayKeep, .th(""))),
                        .forEach(model.emitters) { row in
                            .tr(
                                .td(.text(row.id)), .td(.text(row.name)), .td(.class("num"), .text(row.vocs)),
                                .td(.class("num"), .text(row.nox)),
                                .td(.text(row.listed ? "已纳入" : row.suggested ? "建议纳入" : "")),
                                .if(
                                    model.mayKeep,
                                    .td(
                                        .form(
                                            .method(.post), .action(SiteURL.sourcesKeyPolluters),
                                            Layout.csrfField(context.csrf), UI.hidden("enterprise", row.id),
                                            UI.hidden("listed", row.listed ? "0" : "1"),
                                            .button(.type(.submit), .text(row.listed ? "移出名录" : "纳入名录"))))))
                        }))),
            .h2(.text("排放口与自动监控")),
            .if(model.outlets.isEmpty, .p(.class("muted"), .text("尚未导入排放口名录。"))),
            .if(
                !model.outlets.isEmpty,
                .table(
                    .tr(
                        .th("企业"), .th("排放口"), .th("设备编号（MN）"), .th("监测因子"), .th("排放限值（mg/m³）"), .th("安装"),
                        .th("联网")),
                    .forEach(model.outlets) { row in
                        .tr(
                            .td(.text(row.enterprise)),
                            .td(
                                model.mayInspect && row.networked
                                    ? .a(.attr("href", SiteURL.sourcesOutlet(mn: row.mn).path), .text(row.name))
                                    : .text(row.name)), .td(.text(row.mn)), .td(.class("small"), .text(row.factors)),
                            .td(.class("small"), .text(row.limits)), .td(.text(row.installed ? "已安装" : "未安装")),
                            .td(.text(row.networked ? "已联网 \(row.networkedOn)" : "未联网")))
                    })),
            .if(
                !model.notNetworked.isEmpty,
                .group(
                    .h3(.text("未联网的排放口（\(model.notNetworked.count) 个）")),
                    .ul(
                        .forEach(model.notNetworked) {
                            .li(
                                .text("\($0.enterprise) \($0.name)（\($0.mn)）：\($0.installed ? "已安装，未联网" : "未安装自动监控设施")")
                            )
                        }))),
            .if(
                model.mayInspect && !model.imports.isEmpty,
                .group(
                    .h2(.text("最近导入的在线监测数据")),
                    .table(
                        .tr(.th("文件"), .th("时间"), .th("导入人"), .th("内容")),
                        .forEach(model.imports) {
                            .tr(.td(.text($0.file)), .td(.text($0.when)), .td(.text($0.by)), .td(.text($0.figures)))
                        }))),
            .if(
                model.mayKeep,
                .group(
                    .h2(.text("导入")),
                    .p(
                        .class("muted"),
                        .text(
                            "排放口名录（CSV 或 .xlsx）的列：企业编号、排放口、MN、监测因子（用分号分隔，如 a21026;a21002）、安装、联网（是/否）、联网日期；导入后替换整个名录。"
                                + "排放限值的列：MN、因子、限值（mg/m³）、基准含氧量（%，按标准折算时填写）、标准（标准号、版本和条款）。"
                                + "在线监测数据：以 HJ 212 字段编码为列名的 CSV（MN,DataTime,a21026-Avg,a21026-Flag,…），或 HJ 212 原始报文（每行一条），"
                                + "不超过 \(model.maxMegabytes) MB；同一文件重复导入不改变数据，与已存数值不同的记为更正；任何一行有错误时整个文件不导入（docs/SOURCES.md）。"
                        )),
                    UI.uploadForm(.sources, kind: "outlets", label: "导入排放口名录", csrf: context.csrf),
                    UI.uploadForm(.sources, kind: "limits", label: "导入排放限值", csrf: context.csrf),
                    UI.uploadForm(.sources, kind: "data", label: "导入在线监测数据", csrf: context.csrf)))
        )
    }
}
