import Assessment
import Campaign
import Foundation
import LantianCore
import MarketSupervision
import Persistence

/// Gathers a ``Dossier`` for a scope from the stores.
public struct Dossiers: Sendable {
    public let campaigns: Campaigns

    public init(campaigns: Campaigns) {
        self.campaigns = campaigns
    }

    /// The dossier of `scope` as of `now`. `byOffice`: the office asks, and the county's inspections during
    /// warnings and the cases in it are included; a unit asking for its own gets the cases it handles only (the
    /// inspections are 市生态环境局's and the office's records).
    public func build(_ scope: Dossier.Scope, byOffice: Bool, now: Date) async throws -> Dossier {
        let db = campaigns.db
        let snapshot = try await campaigns.snapshot(now: now)
        let loaded = snapshot.loaded
        let plan = loaded.plan
        let zone = TimeZone(identifier: plan.timeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let stamp = Self.formatter(zone)
        let tasks: [PlanTask]
        let unitCode: String?
        let title: String
        switch scope {
        case .campaign:
            tasks = plan.tasks
            unitCode = nil
            title = "\(plan.title) 考核资料"
        case .unit(let code):
            guard let unit = loaded.unit(code: code) else { throw ServiceError.notFound("没有这个单位：\(code)") }
            tasks = plan.tasks.filter { ($0.lead + $0.responsible + $0.reportingUnits).contains(code) }
            unitCode = code
            title = "\(unit.name) 考核资料"
        case .task(let code):
            guard let task = plan.tasks.first(where: { $0.code == code }) else {
                throw ServiceError.notFound("没有这项任务：\(code)")
            }
            tasks = [task]
            unitCode = nil
            title = "\(task.code) \(task.title) 考核资料"
        }
        let taskIDs = tasks.compactMap { loaded.ids.tasks[$0.code] }
        let unitIDs = unitCode.flatMap { loaded.ids.units[$0] }.map { [$0] }
        let store = DossierStore(database: db)
        let steps =
            scope == .campaign
            ? try await store.steps(taskIDs: nil, unitIDs: nil)
            : try await store.steps(taskIDs: taskIDs, unitIDs: unitIDs)
        let fileIDs = steps.flatMap { $0.snapshot?.evidence.map(\.id) ?? [] }
        let stored = try await store.files(ids: Array(Set(fileIDs)))

        var reports: [Dossier.Report] = []
        for (_, group) in Dictionary(grouping: steps, by: \.reportID).sorted(by: {
            $0.value[0].month < $1.value[0].month
        }) {
            let first = group[0]
            guard let code = loaded.taskCode(id: first.taskID), let task = loaded.task(code: code),
                let unit = loaded.unitCode(id: first.unitID)
            else { continue }
            let folder = "\(task.code)/\(unit)/\(first.month)"
            let versions = group.compactMap { step -> Dossier.Version? in
                guard let content = step.snapshot else { return nil }
                return Dossier.Version(
                    number: step.number, at: stamp.string(from: step.at), author: step.author,
                    status: content.reportedStatus.chinese, narrative: content.narrative,
                    values: task.indicators.compactMap { indicator in
                        content.values[indicator.code].map {
                            "\(indicator.name) \(NumberText.display($0))\(indicator.unit)"
                        }
                    }.joined(separator: "；"),
                    files: content.evidence.map { ref in
                        let file = stored[ref.id]
                        return Dossier.File(
                            path: Dossier.path(folder: folder, sha256: ref.sha256, fileName: ref.fileName),
                            fileName: ref.fileName, size: file?.size ?? 0, sha256: ref.sha256,
                            storageKey: file?.storageKey)
                    })
            }
            reports.append(
                Dossier.Report(
                    task: task.code, taskTitle: task.title, unit: unit, unitName: snapshot.unitName(unit),
                    month: first.month, state: group.last?.state.chinese ?? "", versions: versions,
                    history: group.map {
                        Dossier.Step(
                            at: stamp.string(from: $0.at), action: $0.action.chinese, state: $0.state.chinese,
                            author: $0.author, comment: $0.comment ?? "")
                    }))
        }
        reports.sort { ($0.task, $0.unit, $0.month) < ($1.task, $1.unit, $1.month) }

        // The tasks' status at the end of each month so far.
        let today = snapshot.calendar.civilDate(of: now)
        var monthEnds: [(String, CivilDate)] = []
        var month = ReportMonth(year: plan.start.year, month: plan.start.month)!
        while month.firstDay <= min(today, plan.end) {
            monthEnds.append((month.chinese, min(month.lastDay, today, plan.end)))
            month = month.next
        }
        var statuses: [String: [(String, String)]] = [:]
        for (label, day) in monthEnds {
            let then = try await campaigns.snapshot(now: now, asOf: day.description)
            for task in tasks {
                guard let assessment = then.assessments[task.code] else { continue }
                let status = unitCode.map { assessment.status(for: $0) } ?? assessment.status
                statuses[task.code, default: []].append((label, status.chinese))
            }
        }
        let taskStatus = tasks.map {
            Dossier.TaskStatus(code: $0.code, title: $0.title, months: (statuses[$0.code] ?? []).map { ($0.0, $0.1) })
        }

        // Finalised bulletins that name the task or the unit.
        let needles: [String]
        switch scope {
        case .campaign: needles = []
        case .unit(let code): needles = [snapshot.unitName(code)] + (loaded.unit(code: code)?.aliases ?? [])
        case .task(let code): needles = [code]
        }
        var mentions: [Dossier.Mention] = []
        for bulletin in try await BulletinStore(database: db).all() where bulletin.state == .final {
            guard let content = bulletin.content else { continue }
            let sections = content.sections.filter { section in
                needles.isEmpty || section.texts.contains { text in needles.contains { text.contains($0) } }
            }.map(\.heading)
            guard !sections.isEmpty else { continue }
            mentions.append(
                Dossier.Mention(
                    month: bulletin.month.chinese, number: bulletin.number?.description ?? "", title: content.title,
                    sections: sections))
        }

        // Inspections during warnings and cases, for a county or the campaign.
        var inspections: [Dossier.Inspection] = []
        var cases: [Dossier.Case] = []
        if case .task = scope {
        } else {
            let emergency = EmergencyStore(database: db)
            let enterprises = Dictionary(
                try await emergency.enterprises().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let warnings = Dictionary(
                try await emergency.warnings().map { ($0.id, $0.document) }, uniquingKeysWith: { a, _ in a })
            for inspection in try await emergency.inspections() {
                let county = enterprises[inspection.enterprise]?.county ?? ""
                guard byOffice, unitCode == nil || unitCode == county else { continue }
                inspections.append(
                    Dossier.Inspection(
                        warning: warnings[inspection.warningID] ?? "",
                        enterprise: enterprises[inspection.enterprise]?.name ?? inspection.enterprise,
                        county: snapshot.unitName(county), hour: inspection.hour, method: inspection.method.chinese,
                        result: inspection.complied ? "落实" : "未落实", note: inspection.note,
                        files: inspection.files.map {
                            Dossier.File(
                                path: Dossier.path(
                                    folder: "inspections/\(inspection.hour.prefix(10))", sha256: $0.sha256,
                                    fileName: $0.fileName),
                                fileName: $0.fileName, size: $0.size, sha256: $0.sha256, storageKey: $0.storageKey)
                        }))
            }
            for file in try await MarketStore(database: db).cases() {
                guard unitCode == nil || unitCode == file.unit || (byOffice && unitCode == file.county) else {
                    continue
                }
                cases.append(
                    Dossier.Case(
                        title: file.title, kind: file.kind.chinese, unit: snapshot.unitName(file.unit),
                        county: snapshot.unitName(file.county), stage: file.stage.chinese,
                        opened: file.openedOn.description, closed: file.closedOn?.description ?? "",
                        steps: file.steps.map { "\($0.day) \($0.stage.chinese) \($0.note)" }.joined(separator: "；")))
            }
        }
        return Dossier(
            scope: scope, title: title, generated: stamp.string(from: now), reports: reports, taskStatus: taskStatus,
            mentions: mentions, inspections: inspections, cases: cases)
    }

    static func formatter(_ zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }
}
