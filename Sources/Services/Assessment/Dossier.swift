import Foundation

/// An assessment dossier (迎接上级考核): for a unit, a task or the whole campaign, every report version sent to the
/// office with its evidence (name, size, SHA-256), each report's history, the tasks' status month by month, the
/// finalised bulletins that mention the scope, and the inspections and cases of the scope. Plain values: the web
/// writes them as a ZIP with an HTML index, streaming the files from disk.
public struct Dossier: Sendable {
    public enum Scope: Sendable, Equatable {
        case campaign
        case unit(String)
        case task(String)
    }

    /// A file the dossier carries: `path` in the archive, `storageKey` on disk (nil when the file is gone).
    public struct File: Sendable {
        public var path: String
        public var fileName: String
        public var size: Int
        public var sha256: String
        public var storageKey: String?
    }

    public struct Version: Sendable {
        public var number: Int
        public var at: String
        public var author: String
        public var status: String
        public var narrative: String
        public var values: String
        public var files: [File]
    }

    public struct Step: Sendable {
        public var at: String
        public var action: String
        public var state: String
        public var author: String
        public var comment: String
    }

    public struct Report: Sendable {
        public var task: String
        public var taskTitle: String
        public var unit: String
        public var unitName: String
        public var month: String
        public var state: String
        public var versions: [Version]
        public var history: [Step]
    }

    public struct TaskStatus: Sendable {
        public var code: String
        public var title: String
        /// The status at each month's end so far, `(YYYY年M月, 状态)`.
        public var months: [(month: String, status: String)]
    }

    public struct Mention: Sendable {
        public var month: String
        public var number: String
        public var title: String
        public var sections: [String]
    }

    public struct Inspection: Sendable {
        public var warning: String
        public var enterprise: String
        public var county: String
        public var hour: String
        public var method: String
        public var result: String
        public var note: String
        public var files: [File]
    }

    public struct Case: Sendable {
        public var title: String
        public var kind: String
        public var unit: String
        public var county: String
        public var stage: String
        public var opened: String
        public var closed: String
        public var steps: String
    }

    public var scope: Scope
    public var title: String
    public var generated: String
    public var reports: [Report]
    public var taskStatus: [TaskStatus]
    public var mentions: [Mention]
    public var inspections: [Inspection]
    public var cases: [Case]

    /// Every file the dossier carries, each once, in the order the index lists them.
    public var files: [File] {
        var seen = Set<String>()
        return (reports.flatMap { $0.versions.flatMap(\.files) } + inspections.flatMap(\.files)).filter {
            seen.insert($0.path).inserted
        }
    }

    /// A file's path in the archive: `evidence/<folder>/<sha256 prefix>-<name>`, characters that could climb out
    /// of the folder or trouble a file system replaced.
    public static func path(folder: String, sha256: String, fileName: String) -> String {
        func safe(_ text: String) -> String {
            String(text.map { "/\\:*?\"<>|\u{0}".contains($0) ? "_" : $0 }).replacingOccurrences(of: "..", with: "_")
        }
        let folders = folder.split(separator: "/").map { safe(String($0)) }
        return (["evidence"] + folders + ["\(sha256.prefix(12))-\(safe(fileName))"]).joined(separator: "/")
    }
}
