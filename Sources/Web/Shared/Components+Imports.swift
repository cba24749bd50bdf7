import Foundation
import Plot
import Services

extension UI {
    /// What an upload did: stored (with the warnings to check) or refused whole, every problem with its line.
    static func importOutcome(_ outcome: TableImportOutcome, kind: String) -> BodyNode {
        .div(
            .class("panel"),
            .h2(.text("导入结果：\(outcome.file)（\(kind)）")),
            .if(
                outcome.problems.isEmpty,
                .p(.text("已导入 \(outcome.rows) 行，其中新增 \(outcome.added) 条。"))),
            .if(
                !outcome.problems.isEmpty,
                .group(
                    .p(.class("errors"), .text("文件有 \(outcome.problems.count) 处错误，未导入任何数据。请改正后重新上传：")),
                    .ul(
                        .class("errors"),
                        .forEach(outcome.problems.prefix(200)) {
                            .li(.text("\(outcome.file)：第 \($0.line) 行，\($0.field)：\($0.reason)"))
                        }))),
            .if(
                !outcome.warnings.isEmpty,
                .group(
                    .p(.class("small"), .text("请核对：")),
                    .ul(
                        .class("warnings"),
                        .forEach(outcome.warnings.prefix(200)) {
                            .li(.text("第 \($0.line) 行，\($0.field)：\($0.reason)"))
                        }))))
    }

    /// A one-file upload form posting the table to `action` (CSV or .xlsx), with `kind` as a hidden field when
    /// given.
    static func uploadForm(_ action: SiteURL, kind: String? = nil, label: String, csrf: String) -> BodyNode {
        .form(
            .class("filters"), .method(.post), .attr("action", action.path), .enctype(.multipartData),
            Layout.csrfField(csrf), .unwrap(kind) { UI.hidden("kind", $0) },
            .element(
                named: "input",
                nodes: [
                    .attribute(named: "type", value: "file"), .attribute(named: "name", value: "file"),
                    .attribute(named: "accept", value: ".csv,.txt,.xlsx"),
                    .attribute(named: "required", value: "required"), .attr("aria-label", label),
                ]),
            .button(.type(.submit), .text(label)))
    }
}
