import Foundation
import Persistence
import Plot
import Vapor

extension UI {
    /// A document's saved versions (the standards library, the emergency measures), newest first, each linked.
    static func versionHistory(
        _ versions: [(version: Int, note: String, by: String, at: String)], link: (Int) -> SiteURL, empty: String
    ) -> BodyNode {
        .group(
            .if(versions.isEmpty, .p(.class("muted"), .text(empty))),
            .if(
                !versions.isEmpty,
                .table(
                    .tr(.th("版本"), .th("说明"), .th("保存人"), .th("时间")),
                    .forEach(versions) { v in
                        .tr(
                            .td(.a(.attr("href", link(v.version).path), .text("第 \(v.version) 版"))), .td(.text(v.note)),
                            .td(.text(v.by)), .td(.text(v.at)))
                    })))
    }

    /// The editor of a whole document (checked before it is saved as the next version), or its text read-only.
    static func documentEditor(
        _ document: String, note: String, editable: Bool, action: SiteURL, csrf: String
    ) -> BodyNode {
        .group(
            .if(
                editable,
                .form(
                    .method(.post), .attr("action", action.path), Layout.csrfField(csrf),
                    .textarea(.name("document"), .attr("rows", "30"), .attr("cols", "120"), .text(document)),
                    .label(.text("修订说明（必填）"), .input(.type(.text), .name("note"), .attr("value", note))),
                    .button(.type(.submit), .text("检查并保存为新版本")))),
            .if(!editable, .element(named: "pre", nodes: [.class("document"), .text(document)])))
    }

    /// The text a versioned document's page shows: the version asked for (404 when there is none), else the draft
    /// being corrected, else the version in force, else the shipped document.
    static func shownDocument(
        _ versions: [DocumentVersions.Version], shown: Int?, draft: String?, shipped: () throws -> String
    ) throws -> String {
        if let shown {
            guard let version = versions.first(where: { $0.version == shown }) else {
                throw Abort(.notFound, reason: "没有第 \(shown) 版")
            }
            return version.document
        }
        return try draft ?? versions.first?.document ?? shipped()
    }
}
