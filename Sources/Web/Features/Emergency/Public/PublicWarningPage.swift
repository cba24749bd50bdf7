import Emergency
import Foundation
import Persistence
import Plot

/// 重污染天气预警（公开）: the warning in force, in its colour, since when, what residents should do, and the
/// history — no sign-in.
enum PublicWarningPage {
    struct Model {
        var current: EmergencyPage.Model.WarningRow?
        var history: [EmergencyPage.Model.WarningRow]
    }

    /// What residents should do: the health advice of HJ 633-2012 Table 2 for 重度污染 (yellow, orange) and 严重污染
    /// (red), which is what a warning forecasts.
    static func advice(_ level: WarningLevel) -> String {
        switch level {
        case .red:
            "儿童、老年人和病人应当留在室内，避免体力消耗；一般人群应避免户外活动。"
        case .yellow, .orange, .blue:
            "儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动；一般人群减少户外运动。"
        case .none: ""
        }
    }

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "重污染天气预警", context,
            .unwrap(
                model.current,
                { warning in
                    .div(
                        .class("panel"),
                        .p(EmergencyPage.levelBadge(warning.level), .text(" 自 \(warning.starts)起执行，\(warning.end)。")),
                        .p(.text("文号：\(warning.document)")),
                        .p(.text("健康提示：\(advice(warning.level))")))
                }, else: .p(.text("当前没有执行中的重污染天气预警。"))),
            .h2(.text("历史预警")),
            .if(model.history.isEmpty, .p(.class("muted"), .text("尚无。"))),
            .if(
                !model.history.isEmpty,
                .table(
                    .tr(.th("级别"), .th("开始"), .th("结束"), .th("文号")),
                    .forEach(model.history) { row in
                        .tr(
                            .td(EmergencyPage.levelBadge(row.level)), .td(.text(row.starts)), .td(.text(row.end)),
                            .td(.text(row.document)))
                    }))
        )
    }
}
