import Campaign
import Foundation
import LantianCore
import Plot

/// 本单位任务: the tasks a unit reports on, with this month's report, and the forwarded tasks it oversees.
enum MyTasksPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "本单位任务", context,
            .p(.text("\(model.unitName)：共 \(model.lines.count) 项任务。本期应报 \(model.month.chinese)进展，截止 \(model.due)。")),
            .p(.class("due"), .text(model.counts.sentence(model.month.chinese))),
            .p(
                .class("small"),
                .a(.href(SiteURL.dossier(unit: model.unitCode, task: nil)), .text("下载本单位考核资料（ZIP）")),
                .text("：报送大气办的每一版报告及其证据文件（含 SHA-256）、报告经过、各月末任务状态、通报提及、现场检查和案件。")),
            .unwrap(model.monthlyLink) { link in
                .p(
                    .a(.class("button"), .attr("href", link), .text("月度报送：在一页上填报\(model.month.chinese)全部任务")))
            },
            table(model.lines, month: model.month),
            .if(
                !model.supervised.isEmpty,
                .group(
                    .h2(.text("本单位转发、由下级单位落实的任务")),
                    table(model.supervised, month: model.month)
                ))
        )
    }

    private static func table(_ lines: [Line], month: ReportMonth) -> BodyNode {
        .table(
            .tr(.th("编号"), .th("任务"), .th("职责"), .th("完成时限"), .th("任务状态"), .th("\(month.chinese)报告"), .th("")),
            .forEach(lines) { line in
                .tr(
                    .td(.a(.href(SiteURL.task(code: line.code)), .text(line.code))),
                    .td(
                        .a(.href(SiteURL.task(code: line.code)), .text(line.title)),
                        .unwrap(line.returnedWith) { comment in
                            .div(.class("returned small"), .text("退回意见：" + comment))
                        }
                    ),
                    .td(.class("small"), .text(line.role)),
                    .td(.text(line.deadline)),
                    .td(UI.statusBadge(line.status)),
                    .td(
                        .unwrap(line.reportState) { UI.stateBadge($0) },
                        .if(line.reportState == nil && line.isAsked, .span(.class("muted"), .text("未填写"))),
                        .unwrap(UI.demandNote(line.demand)) { .span(.class("muted small"), .text(" " + $0)) },
                        .if(line.late, .span(.class("late small"), .text(" 迟报")))
                    ),
                    .td(
                        .a(
                            .class("button secondary"), .attr("href", line.reportLink),
                            .text(line.reportLink.isEmpty ? "" : "填报 / 查看")))
                )
            }
        )
    }
}
