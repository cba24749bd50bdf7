import Foundation
import LantianCore
import Plot

/// 录入抽检: choose the product (its standard's items become the result inputs), then the record as the bureau
/// keeps it and the lab's results; Lantian judges the verdict on saving.
enum SpotCheckFormPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "录入抽检", context,
            .if(!model.errors.isEmpty, .ul(.class("errors"), .forEach(model.errors) { .li(.text($0)) })),
            .form(
                .class("filters"), .method(.get), .action(SiteURL.marketNewCheck(product: nil)),
                UI.select(
                    "product", [("", "请选择")] + model.products.map { ($0.code, $0.label) },
                    selected: model.product ?? "",
                    label: "产品"),
                .button(.type(.submit), .text("选择产品"))),
            .unwrap(model.product) { product in
                .form(
                    .method(.post), .action(SiteURL.marketChecks),
                    Layout.csrfField(context.csrf), UI.hidden("product", product),
                    .unwrap(model.standard) { .p(.class("muted"), .text("判定依据：\($0)；\(model.method ?? "")。")) },
                    .div(
                        .class("fieldset"), .h3(.text("样品与抽样")),
                        .div(
                            .class("grid"),
                            field("batch", "批号/生产日期（必填）", model),
                            field("brand", "商标/品牌", model),
                            field("specification", "规格型号/牌号", model),
                            field("producedOn", "生产日期（YYYY-MM-DD）", model),
                            field("manufacturer", "标称生产企业", model),
                            UI.select(
                                "site", [("", "未登记的被抽样单位（在下方填写）")] + model.sites.map { ($0.code, $0.label) },
                                selected: model.values["site"] ?? "", label: "被抽样单位（名录）"),
                            field("siteName", "被抽样单位名称（未登记时）", model),
                            field("address", "地址", model),
                            UI.select(
                                "county", [("", "随名录")] + model.counties.map { ($0.code, $0.name) },
                                selected: model.values["county"] ?? "", label: "县区（未登记时）"),
                            field("sampledOn", "抽样日期（必填）", model),
                            field("testingBody", "检验机构", model))),
                    .div(
                        .class("fieldset"), .h3(.text("检验结果（按检验报告原样填写，保留报告的小数位；未检项目留空）")),
                        .table(
                            .tr(.th("项目"), .th("单位"), .th("标准限值"), .th("检验结果")),
                            .forEach(model.items) { item in
                                .tr(
                                    .td(.text(item.name + (item.verified ? "" : "（限值待核实）"))), .td(.text(item.unit)),
                                    .td(.text(item.limit)),
                                    .td(
                                        .input(
                                            .type(.text), .attr("name", "result-\(item.code)"),
                                            .attr("value", model.values["result-\(item.code)"] ?? ""),
                                            .attr("inputmode", "decimal"), .attr("aria-label", item.name))))
                            })),
                    .button(.type(.submit), .text("保存并判定")))
            }
        )
    }

    private static func field(_ name: String, _ label: String, _ model: Model) -> Node<HTML.FormContext> {
        .label(
            .text(label),
            .input(.type(.text), .attr("name", name), .attr("value", model.values[name] ?? "")))
    }
}
