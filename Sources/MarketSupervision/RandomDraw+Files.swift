import Foundation
import LantianCore

extension RandomDraw {
    /// The object database as a CSV file with a header row: `id,name,county[,class]`.
    public static func objects(_ text: String) -> Result<[Object], ImportIssue> {
        var objects: [Object] = []
        let problem = CSVTable.read(text, required: ["id", "name", "county"]) { field, line in
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
        let problem = CSVTable.read(text, required: ["id", "name", "unit"]) { field, line in
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
