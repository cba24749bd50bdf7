import LantianCore

/// The heavy-pollution warnings in force during the month and how their emission-reduction lists were kept:
/// the inspections recorded during each warning, complied or violated.
public struct WarningFacts: Sendable {
    public struct Warning: Sendable {
        public var id: String
        /// 橙色预警.
        public var level: String
        /// Beijing hours, `YYYY-MM-DDTHH:00`.
        public var starts: String
        public var ends: String?
        public var document: String
        public var inspected: Int
        public var complied: Int

        public init(
            id: String, level: String, starts: String, ends: String?, document: String, inspected: Int, complied: Int
        ) {
            self.id = id
            self.level = level
            self.starts = starts
            self.ends = ends
            self.document = document
            self.inspected = inspected
            self.complied = complied
        }
    }

    public var warnings: [Warning]

    public init(warnings: [Warning]) {
        self.warnings = warnings
    }
}

extension BulletinSection {
    /// 重污染天气应对: the warnings in force during the month, and the share of inspected enterprises that kept
    /// their list's measures.
    public static func warnings(_ facts: WarningFacts) -> BulletinSection {
        let inspected = facts.warnings.reduce(0) { $0 + $1.inspected }
        let complied = facts.warnings.reduce(0) { $0 + $1.complied }
        var text: String
        if facts.warnings.isEmpty {
            text = "本月未启动重污染天气预警。"
        } else {
            text =
                "本月启动（或延续）重污染天气预警\(facts.warnings.count)次："
                + facts.warnings.map { "\($0.level)（\(hour($0.starts))起，\($0.ends.map(hour) ?? "仍在执行")止）" }
                .joined(separator: "、") + "。"
            text +=
                inspected == 0
                ? "预警期间未记录对减排清单企业的检查。"
                : "预警期间检查清单企业\(inspected)家次，落实减排措施\(complied)家次，未落实\(inspected - complied)家次，落实率\(rate(complied, inspected))。"
        }
        let table = BulletinTable(
            key: "warnings", caption: "本月预警及减排清单落实情况", columns: ["预警", "起止", "文号", "检查", "落实", "落实率"],
            rows: facts.warnings.map {
                BulletinTable.Row(
                    key: $0.id,
                    cells: [
                        $0.level, "\(hour($0.starts)) 至 \($0.ends.map(hour) ?? "仍在执行")", $0.document, "\($0.inspected)",
                        "\($0.complied)", $0.inspected == 0 ? "—" : rate($0.complied, $0.inspected),
                    ])
            }, empty: "本月无预警")
        return BulletinSection(
            key: "warnings", heading: "重污染天气应对",
            blocks: [
                .paragraph(text),
                .figures([
                    BulletinFigure(key: "warnings-count", label: "预警次数", text: "\(facts.warnings.count)次"),
                    BulletinFigure(key: "warnings-inspected", label: "检查清单企业", text: "\(inspected)家次"),
                    BulletinFigure(key: "warnings-complied", label: "落实减排措施", text: "\(complied)家次"),
                ]),
                .table(table),
            ])
    }

    /// `2022-01-12T20:00` → `1月12日20时`.
    static func hour(_ stamp: String) -> String {
        let parts = stamp.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" }).compactMap { Int($0) }
        guard parts.count >= 4 else { return stamp }
        return "\(parts[1])月\(parts[2])日\(parts[3])时"
    }

    /// `9 / 10` → `90.0%`.
    static func rate(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "—" : NumberText.fixed(Double(part) / Double(whole) * 100, places: 1) + "%"
    }
}
