import Campaign
import Foundation
import Plot
import Services

/// 方案导入
enum PlanImportPage {
    static func render(_ model: Model, _ context: PageContext) -> HTML {
        Layout.page(
            "方案导入", context,
            .p(.text("上传 lantian-plan/1 格式的方案文件（YAML 或 JSON，格式见 docs/PLAN-FORMAT.md）。文件整体校验，任何一处错误都不会导入。")),
            .unwrap(model.imported) { .div(.class("notice"), .text($0)) },
            .if(
                !model.errors.isEmpty,
                .div(
                    .class("errors"), .attribute(named: "role", value: "alert"),
                    .p(.text("文件未导入，共 \(model.errors.count) 处问题：")),
                    .ul(.forEach(model.errors) { .li(.text($0)) })
                )),
            .form(
                .class("panel"), .method(.post), .action(SiteURL.planImport), .enctype(.multipartData),
                Layout.csrfField(context.csrf),
                .element(
                    named: "input",
                    nodes: [
                        .attribute(named: "type", value: "file"), .attribute(named: "name", value: "file"),
                        .attribute(named: "accept", value: ".yaml,.yml,.json"),
                        .attribute(named: "required", value: "required"),
                    ]),
                .div(.class("actions"), .button(.type(.submit), .text("校验并导入")))
            ),
            .h2(.text("已导入的方案")),
            .table(
                .tr(.th("代码"), .th("名称"), .th("导入时间"), .th("导入人")),
                .forEach(model.plans) { p in
                    .tr(.td(.text(p.code)), .td(.text(p.title)), .td(.text(p.importedAt)), .td(.text(p.by)))
                }
            )
        )
    }
}
