import Foundation
import Plot

/// 监测数据弄虚作假名单: public, no sign-in.
enum PublicMonitoringPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "监测数据质量差及篡改、伪造监测数据的机构和人员名单", context,
            .p(.class("muted"), .text("依据晋城市 2021–2022 年秋冬季大气污染综合治理攻坚行动方案（十三），经现场检查确认后公开。")),
            .if(model.rows.isEmpty, .p(.text("暂无公开的名单。"))),
            .if(
                !model.rows.isEmpty,
                .table(
                    .tr(.th("确认日期"), .th("企业"), .th("排放口"), .th("运维机构"), .th("责任人员"), .th("问题")),
                    .forEach(model.rows) { row in
                        .tr(
                            .td(.text(row.when)), .td(.text(row.enterprise)), .td(.text(row.outlet)),
                            .td(.text(row.agency)), .td(.text(row.persons)), .td(.text(row.finding)))
                    }))
        )
    }
}
