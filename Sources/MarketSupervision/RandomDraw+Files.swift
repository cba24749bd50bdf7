import Foundation
import LantianCore

extension RandomDraw {
    /// The object database as a CSV file with a header row: `id,name,county[,class]`.
    public static func objects(_ text: String) -> Result<[Object], ImportIssue> {
        var objects: [Object] = []
        let problem = CSVTable.read(text, required: ["id", "name", "county"], optional: ["class"]) { field, line in
            guard !field("id").isEmpty else { return ImportIssue(line: line, field: "id", reason: "empty") }
            let riskClass = field("class")
            objects.append(
                Object(
                    id: field("id"), name: field("name"), county: field("county"),
                    riskClass: riskClass.isEmpty ? nil : riskClass))
            return nil
        }
        return problem.map { .failure($0) } ?? .success(objects)
    }

    /// The inspector database as a CSV file with a header row: `id,name,unit[,conflicts]`, conflicts the ids of
    /// objects the inspector may not inspect, separated by `;`.
    public static func inspectors(_ text: String) -> Result<[Inspector], ImportIssue> {
        var inspectors: [Inspector] = []
        let problem = CSVTable.read(text, required: ["id", "name", "unit"], optional: ["conflicts"]) { field, line in
            guard !field("id").isEmpty else { return ImportIssue(line: line, field: "id", reason: "empty") }
            guard !field("unit").isEmpty else {
                return ImportIssue(
                    line: line, field: "unit", reason: "empty: inspectors are drawn from different units where possible"
                )
            }
            let conflicts = field("conflicts").split(separator: ";").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            inspectors.append(
                Inspector(id: field("id"), name: field("name"), unit: field("unit"), conflicts: Set(conflicts)))
            return nil
        }
        return problem.map { .failure($0) } ?? .success(inspectors)
    }
}

extension RandomDraw {
    /// The columns of an inspector table uploaded in the browser (CSV or .xlsx): English keys or Chinese headings.
    public static let inspectorColumns: [SheetTable.Column] = [
        .init("id", ["编号", "执法证号"], required: true), .init("name", ["姓名"], required: true),
        .init("unit", ["单位", "所在单位"], required: true), .init("conflicts", ["回避对象", "回避"]),
    ]

    /// Inspectors from an uploaded table; every problem by line and field.
    public static func inspectors(rows: [SheetRow]) -> Registry.Read<Inspector> {
        var read = Registry.Read<Inspector>(records: [], problems: [], warnings: [])
        let table: SheetTable
        switch SheetTable.read(rows, columns: inspectorColumns) {
        case .failure(let issue): return Registry.Read(records: [], problems: [issue], warnings: [])
        case .success(let t): table = t
        }
        var seen: Set<String> = []
        for row in table.rows {
            let id = table.value("id", in: row)
            let unit = table.value("unit", in: row)
            if id.isEmpty {
                read.problems.append(ImportIssue(line: row.line, field: "id", reason: "编号为空"))
                continue
            }
            if !seen.insert(id).inserted {
                read.problems.append(ImportIssue(line: row.line, field: "id", reason: "编号 \(id) 重复"))
                continue
            }
            if unit.isEmpty {
                read.problems.append(
                    ImportIssue(line: row.line, field: "unit", reason: "单位为空：同一对象的检查人员尽量来自不同单位"))
                continue
            }
            let conflicts = table.value("conflicts", in: row).split(whereSeparator: { ";；,，、".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            read.records.append(
                Inspector(id: id, name: table.value("name", in: row), unit: unit, conflicts: Set(conflicts)))
        }
        if table.rows.isEmpty {
            read.problems.append(ImportIssue(line: table.headerLine, field: "rows", reason: "表头之后没有数据行"))
        }
        return read
    }

    /// The object database as `lantian market draw --objects` reads it (`id,name,county,class`), in id order:
    /// the file a draw publishes so that anyone can re-run it.
    public static func objectsCSV(_ objects: [Object]) -> String {
        "id,name,county,class\n"
            + objects.sorted { $0.id < $1.id }.map {
                CSVWriter.record([$0.id, $0.name, $0.county, $0.riskClass ?? ""]) + "\n"
            }.joined()
    }

    /// The inspector database as `lantian market draw --inspectors` reads it (`id,name,unit,conflicts`).
    public static func inspectorsCSV(_ inspectors: [Inspector]) -> String {
        "id,name,unit,conflicts\n"
            + inspectors.sorted { $0.id < $1.id }.map {
                CSVWriter.record([$0.id, $0.name, $0.unit, $0.conflicts.sorted().joined(separator: ";")]) + "\n"
            }.joined()
    }
}
