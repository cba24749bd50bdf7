import Foundation
import Plot

/// An outlet: its device, limits, valid days, hits with charts, checks and the check form.
enum OutletPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            model.title, context,
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .p(.text("设备编号（MN）\(model.mn)　\(model.networked)")),
            .p(.class("small"), .text("监测因子：\(model.factors)")),
            .h2(.text("排放限值")),
            .if(model.limits.isEmpty, .p(.class("muted"), .text("尚未导入限值：不判断超标和折算值。"))),
            .if(
                !model.limits.isEmpty,
                .table(
                    .tr(.th("因子"), .th(.class("num"), .text("限值（mg/m³）")), .th("基准含氧量"), .th("依据")),
                    .forEach(model.limits) {
                        .tr(
                            .td(.text($0.factor)), .td(.class("num"), .text($0.limit)), .td(.text($0.o2)),
                            .td(.class("small"), .text($0.standard)))
                    })),
            .form(
                .class("filters"), .method(.get), .attr("action", SiteURL.sourcesOutlet(mn: model.mn).path),
                .label(.text("从 "), .input(.type(.date), .name("from"), .attr("value", model.from))),
                .label(.text(" 至 "), .input(.type(.date), .name("to"), .attr("value", model.to))),
                .button(.type(.submit), .text("查看"))),
            .h2(.text("有效天数（每天至少 20 个有效小时，HJ 75/76-2017）")),
            .p(.forEach(model.validDays) { .span(.text("\($0.factor) \($0.text)　")) }),
            .h2(.text("异常（\(model.hits.count) 处）")),
            .if(model.hits.isEmpty, .p(.class("muted"), .text("这段时间没有命中异常规则。"))),
            .if(
                !model.hits.isEmpty,
                .table(
                    .tr(.th("规则"), .th("因子"), .th("时段"), .th("说明"), .th("")),
                    .forEach(model.hits) { hit in
                        .tr(
                            .td(.text(hit.rule)), .td(.text(hit.factor)), .td(.class("small"), .text(hit.span)),
                            .td(.class("small"), .text(hit.detail)), .td(.a(.attr("href", hit.chart), .text("曲线"))))
                    })),
            .h2(.text("现场检查")),
            .if(model.checks.isEmpty, .p(.class("muted"), .text("尚无检查记录。"))),
            .if(
                !model.checks.isEmpty,
                .table(
                    .tr(.th("检查时间"), .th("结果"), .th("发现"), .th("运维机构与责任人"), .th("证据"), .th("记录")),
                    .forEach(model.checks) { check in
                        .tr(
                            .td(.text(check.when)), .td(.text(check.result)), .td(.class("small"), .text(check.note)),
                            .td(.class("small"), .text(check.agency)),
                            .td(.forEach(check.files) { .div(.a(.attr("href", $0.path), .text($0.name))) }),
                            .td(.class("small"), .text(check.by)))
                    })),
            .if(
                model.mayKeep,
                .form(
                    .method(.post), .attr("action", SiteURL.sourcesChecks(mn: model.mn).path),
                    .enctype(.multipartData), Layout.csrfField(context.csrf),
                    .h3(.text("记录现场检查")),
                    .p(
                        .label(
                            .text("检查时间 "),
                            .input(.type(.text), .name("checkedAt"), .attr("placeholder", "2022-02-16T10:00")))),
                    .p(
                        UI.select(
                            "result", [("normal", "运行正常"), ("fault", "设备故障"), ("fraud", "确认数据造假")], selected: nil,
                            label: "检查结果")),
                    .p(.label(.text("检查发现 "), .textarea(.name("note"), .attr("rows", "3")))),
                    .p(.label(.text("运维机构 "), .input(.type(.text), .name("agency")))),
                    .p(.label(.text("责任人员 "), .input(.type(.text), .name("persons")))),
                    .p(
                        .label(
                            .text("证据（照片、笔录、数据记录，每个不超过 \(model.maxMegabytes) MB）"),
                            .element(
                                named: "input",
                                nodes: [
                                    .attribute(named: "type", value: "file"),
                                    .attribute(named: "name", value: "files[]"),
                                    .attribute(named: "multiple", value: "multiple"),
                                ]))),
                    .button(.type(.submit), .text("保存检查记录")))),
            .if(
                !model.corrections.isEmpty,
                .group(
                    .h2(.text("最近的数据更正")),
                    .ul(.class("small"), .forEach(model.corrections) { .li(.text($0)) })))
        )
    }
}
