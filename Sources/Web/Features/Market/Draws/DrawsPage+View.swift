import Foundation
import Plot

/// 双随机抽取: the draws and, for the city bureau, the form that fixes a new draw's inputs before its seed is known.
enum DrawsPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "双随机抽取", context,
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .p(
                .class("muted"),
                .text(
                    "先固定检查对象名录、执法检查人员名录和抽取规则，公布两份名录的 SHA-256 摘要；再以事先指定、事后公布的数值（如某日福利彩票开奖号码）作随机数抽取。"
                        + "任何人都可以用公布的名录和随机数重新抽取，得到相同结果（lantian market draw）。结果应于抽取后 20 个工作日内公开。")),
            .if(model.lines.isEmpty, .p(.class("muted"), .text("尚无抽取。"))),
            .if(
                !model.lines.isEmpty,
                .table(
                    .tr(.th("抽取"), .th("对象"), .th("状态")),
                    .forEach(model.lines) { line in
                        .tr(
                            .td(.a(.href(SiteURL.marketDraw(id: line.id)), .text(line.title))), .td(.text(line.kind)),
                            .td(.attr("class", line.late ? "late" : ""), .text(line.state)))
                    })),
            .if(model.mayManage, form(model, context))
        )
    }

    private static func form(_ model: Model, _ context: PageContext) -> BodyNode {
        .group(
            .h2(.text("新建抽取")),
            .form(
                .method(.post), .action(SiteURL.marketDraws), .enctype(.multipartData),
                Layout.csrfField(context.csrf),
                .div(
                    .class("grid"),
                    field("title", "名称", model, placeholder: "如：2021年第四季度加油站双随机检查"),
                    UI.select(
                        "kind", model.kinds, selected: model.values["kind"] ?? "fillingStation", label: "检查对象（名录）"),
                    field("count", "抽取数量", model, placeholder: "如 10"),
                    field("ratio", "或抽取比例（0–1）", model, placeholder: "如 0.1"),
                    field("perObject", "每个对象的检查人员数", model, placeholder: "2"),
                    UI.select(
                        "stratify", [("", "全市统一抽取"), ("county", "按县区分层抽取"), ("class", "按风险等级分层抽取")],
                        selected: model.values["stratify"] ?? "",
                        label: "分层"),
                    field("seedSource", "随机数来源（事先确定）", model, placeholder: "如：2021年12月10日福彩3D开奖号码"),
                    .label(
                        .text("检查事项清单（每行一项）"),
                        .textarea(
                            .name("items"), .attr("rows", "4"),
                            .text(model.values["items"] ?? "经营资质\n油品进货查验和台账\n油品质量（现场快检）\n计量器具"))),
                    .label(
                        .text("执法检查人员名录（CSV 或 .xlsx：编号、姓名、单位、回避对象）"),
                        .element(
                            named: "input",
                            nodes: [
                                .attribute(named: "type", value: "file"),
                                .attribute(named: "name", value: "inspectors"),
                                .attribute(named: "accept", value: ".csv,.txt,.xlsx"),
                                .attribute(named: "required", value: "required"),
                            ]))),
                .button(.type(.submit), .text("固定名录并生成摘要"))))
    }

    private static func field(_ name: String, _ label: String, _ model: Model, placeholder: String)
        -> Node<HTML.FormContext>
    {
        .label(
            .text(label),
            .input(
                .type(.text), .attr("name", name), .attr("value", model.values[name] ?? ""),
                .attr("placeholder", placeholder)))
    }
}
