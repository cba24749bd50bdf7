import AirQuality
import Foundation
import LantianCore
import Persistence
import Plot

/// 监测数据导入: upload hourly station data; see what the last import did and which values were corrected.
enum AirImportPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "监测数据导入", context,
            .p(
                .class("muted"),
                .text(
                    "支持 CNEMC 小时数据（timepoint,stationcode,…）、按日宽表（date,hour,type,点位…）、长表（station,time,pollutant,value）"
                        + "和北京 PRSA 格式，按表头自动识别。同一数据重复导入不会改变任何数据；与已存数值不同的值将被更正并留下记录；"
                        + "空值不会覆盖已有数值。格式错误的行会列出行号和原因并跳过；表头错误或点位未登记时整个文件不导入。文件不超过 \(model.maxMegabytes) MB。")),
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .unwrap(model.summary) { summary in
                .div(
                    .class("panel"),
                    .h2(.text("导入结果：\(summary.file)")),
                    .p(
                        .text(
                            "格式 \(summary.summary.format)；共 \(summary.summary.stationHours) 个点位小时："
                                + "新增 \(summary.summary.inserted)，更正 \(summary.summary.updated)（\(summary.summary.correctedValues) 个数值），"
                                + "未变 \(summary.summary.unchanged)；跳过错误行 \(summary.summary.badLines)；重算点位日 \(summary.summary.stationDays)。"
                                + (summary.summary.registeredStations.isEmpty
                                    ? ""
                                    : "新登记点位 \(summary.summary.registeredStations.count) 个："
                                        + summary.summary.registeredStations.prefix(20).joined(separator: "、")
                                        + (summary.summary.registeredStations.count > 20 ? " 等" : "") + "。"))),
                    .if(
                        !summary.summary.ozone.isEmpty,
                        .p(
                            .attr("class", summary.summary.ozoneWarning ? "errors" : "muted small"),
                            .text("臭氧列：\(summary.summary.ozone)"))),
                    .if(
                        !summary.summary.warnings.isEmpty,
                        .div(
                            .p(.class("small"), .text("已导入，但以下数值请核对：")),
                            .ul(.class("warnings"), .forEach(summary.summary.warnings) { .li(.text($0)) }))),
                    .if(
                        !summary.summary.issues.isEmpty,
                        .ul(.class("errors"), .forEach(summary.summary.issues) { .li(.text($0)) }))
                )
            },
            .form(
                .class("filters"), .method(.post), .action(SiteURL.airImport), .enctype(.multipartData),
                Layout.csrfField(context.csrf),
                .element(
                    named: "input",
                    nodes: [
                        .attribute(named: "type", value: "file"), .attribute(named: "name", value: "file"),
                        .attribute(named: "accept", value: ".csv,.txt"),
                        .attribute(named: "required", value: "required"),
                    ]),
                UI.select(
                    "layout",
                    [
                        ("auto", "按表头自动识别"), ("cnemc", "CNEMC 小时数据（臭氧列按数据识别）"),
                        ("cnemc-national", "CNEMC 国家发布格式"), ("cnemc-archive", "CNEMC 公开存档（臭氧列互换）"),
                        ("wide", "按日宽表"), ("long", "长表"), ("prsa", "北京 PRSA"),
                    ], selected: "auto", label: "格式"),
                UI.select(
                    "register", [("", "不导入整个文件")] + Station.Kind.allCases.map { ($0.rawValue, "自动登记为\($0.chinese)") },
                    selected: "", label: "未登记点位"),
                .button(.type(.submit), .text("校验并导入"))
            ),
            .h2(.text("数值更正记录")),
            .if(model.corrections.isEmpty, .p(.class("muted"), .text("尚无更正。"))),
            .if(
                !model.corrections.isEmpty,
                .table(
                    .tr(
                        .th("点位"), .th("时间（小时末）"), .th("污染物"), .th(.class("num"), .text("原值")),
                        .th(.class("num"), .text("新值")), .th("来源文件"), .th("操作人"), .th("时间")),
                    .forEach(model.corrections) { c in
                        .tr(
                            .td(.text(c.stationCode)), .td(.text(HourStamp(value: c.hour).timepoint)),
                            .td(.text(Pollutant(rawValue: c.pollutant)?.symbol ?? c.pollutant)),
                            .td(.class("num"), .text(NumberText.csv(c.oldValue))),
                            .td(.class("num"), .text(NumberText.csv(c.newValue))), .td(.text(c.source)),
                            .td(.text(c.changedBy)),
                            .td(.text(UI.dateTime(c.changedAt, in: TimeZone(identifier: "Asia/Shanghai")!)))
                        )
                    }
                ))
        )
    }
}
