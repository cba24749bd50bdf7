import Emergency
import Foundation
import LantianCore
import Plot

/// 钢铁错峰生产方案核查: pick a works and the units its plan stops; the page gives each kind's share stopped and
/// whether the plan keeps seed §(二)'s rule (named blast furnaces; sinter, pellet, lime kilns at least their share).
enum StaggeringPage {
    struct Model {
        var works: [(id: String, name: String)]
        var selected: Enterprise?
        var stopped: Set<String>
        var plan: StaggeringPlan?
    }

    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "钢铁错峰生产方案核查", context,
            .p(
                .class("muted"),
                .text(
                    "依据方案（二）：错峰生产实施方案要按具体高炉设备停产为基础，不得以减负荷生产方式代替；与高炉配套的烧结、球团、石灰窑等"
                        + "生产设备错峰生产比例不得低于高炉错峰生产比例。比例按登记的规模数值计，缺规模时按台数计。")),
            .if(model.works.isEmpty, .p(.text("企业名录中没有登记高炉的企业。"))),
            .form(
                .method(.get), .action(SiteURL.emergencyStaggering),
                UI.select(
                    "enterprise", model.works.map { ($0.id, "\($0.id) \($0.name)") }, selected: model.selected?.id,
                    label: "企业"),
                .unwrap(model.selected) { works in
                    .group(
                        .label(.text("错峰期间停产的设备：")),
                        .forEach(works.equipment) { unit in
                            .label(
                                .element(
                                    named: "input",
                                    nodes: [
                                        .attribute(named: "type", value: "checkbox"),
                                        .attribute(named: "name", value: "stop"), .attr("value", unit.id),
                                        .if(
                                            model.stopped.contains(unit.id),
                                            .attribute(named: "checked", value: "checked")),
                                    ]),
                                .text(
                                    " \(unit.kindName) \(unit.name)\(unit.capacity.isEmpty ? "" : "（\(unit.capacity)）")　"
                                ))
                        })
                },
                .button(.type(.submit), .text("核查"))),
            .unwrap(model.plan) { plan in
                .group(
                    .table(
                        .tr(
                            .th("设备类型"), .th(.class("num"), .text("停产")), .th(.class("num"), .text("合计")),
                            .th(.class("num"), .text("比例")), .th("计算")),
                        .forEach(plan.shares) { share in
                            .tr(
                                .td(.text(Equipment.knownKinds[share.kind] ?? share.kind)),
                                .td(.class("num"), .text(NumberText.display(share.stopped))),
                                .td(.class("num"), .text(NumberText.display(share.total))),
                                .td(.class("num"), .text(NumberText.csv(share.share * 100) + "%")),
                                .td(.text(share.byCapacity ? "按规模" : "按台数")))
                        }),
                    .if(plan.problems.isEmpty, .p(.class("notice"), .text("方案符合要求。"))),
                    .if(!plan.problems.isEmpty, .ul(.class("errors"), .forEach(plan.problems) { .li(.text($0)) })))
            }
        )
    }
}
