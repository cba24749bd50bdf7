import Campaign
import FluentKit
import Foundation
import LantianCore
import Ledger
import Persistence

/// Editing rows: one row's values from the browser form, checked field by field exactly as an imported line is;
/// and one status for many rows at once, with a date and evidence files. Key fields identify a row and are not
/// edited; a status moves only as the type's workflow allows; a county edits only its own rows.
extension Ledgers {
    public enum EditOutcome: Sendable {
        case saved
        /// Field → reason; nothing was written.
        case refused([(field: String, reason: String)])
    }

    /// Saves `values` (field key → text as typed) over the row `id`, if it is still at `version`.
    public func editRow(
        _ id: UUID, version: Int, values: [String: String], type: LedgerType, plan: Plan, onlyOwner: String?,
        actor: AuditLog.Actor, at now: Date, today: CivilDate
    ) async throws -> EditOutcome {
        let stored = try await row(id, type: type, onlyOwner: onlyOwner)
        var typed = values
        for key in type.key { typed[key] = stored.row[key] }
        let lookup = Self.lookup(plan: plan, enterprises: Set(try await emergency.enterprises().map(\.id)))
        let sheet = [
            SheetRow(line: 1, cells: type.fields.map(\.key)),
            SheetRow(line: 2, cells: type.fields.map { typed[$0.key] ?? "" }),
        ]
        let read = LedgerRows.read(sheet, type: type, lookup: lookup, onlyOwner: onlyOwner)
        var refused = read.problems.map { (field: $0.field, reason: $0.reason) }
        if let field = type.statusField, let wanted = typed[field.key], !wanted.isEmpty,
            type.statuses.contains(wanted), !type.allows(from: stored.row[field.key], to: wanted)
        {
            refused.append((field.name, "状态不能从“\(stored.row[field.key])”改为“\(wanted)”"))
        }
        guard refused.isEmpty, let row = read.records.first else { return .refused(refused) }
        do {
            try await store.edit(
                [LedgerStore.Edit(id: id, version: version, row: row)], type: type, source: "网页编辑", files: [],
                actor: actor, action: "ledger.edit", at: now, today: today)
        } catch is LedgerStore.Conflict {
            throw ServiceError.conflict("此行已被他人修改，请刷新后重新编辑")
        }
        return .saved
    }

    /// Moves the rows `ids` to `status`, sets the date field `dateField` to `date` when given, with `files` as
    /// the evidence: all or nothing — every row must be the editor's and allowed the move.
    public func changeStatus(
        _ ids: [UUID], to status: String, dateField: String?, date: CivilDate?, type: LedgerType, onlyOwner: String?,
        files: [LedgerStore.EvidenceFile], actor: AuditLog.Actor, at now: Date, today: CivilDate
    ) async throws -> EditOutcome {
        guard let statusKey = type.statusField?.key else { return .refused([("状态", "本台账没有状态")]) }
        guard !ids.isEmpty else { return .refused([("行", "请勾选要变更状态的行")]) }
        guard type.statuses.contains(status) else {
            return .refused([("状态", "“\(status)”不是 \(type.statuses.joined(separator: "、")) 之一")])
        }
        if let dateField, type.field(dateField)?.kind != .date {
            return .refused([("日期", "“\(dateField)”不是本台账的日期字段")])
        }
        let rows = try await store.rows(ledger: type.code, ids: ids)
        guard rows.count == Set(ids).count else { throw ServiceError.notFound("有的行已不存在，请刷新") }
        var refused: [(field: String, reason: String)] = []
        var edits: [LedgerStore.Edit] = []
        for stored in rows {
            let label = type.key.map { stored.row[$0] }.joined(separator: " ")
            if let onlyOwner, stored.owner != onlyOwner {
                throw ServiceError.forbidden("只能变更本单位的行（\(label) 不是）")
            }
            guard type.allows(from: stored.row[statusKey], to: status) else {
                refused.append((label, "状态不能从“\(stored.row[statusKey])”改为“\(status)”"))
                continue
            }
            var row = stored.row
            row.values[statusKey] = status
            if let dateField, let date { row.values[dateField] = date.description }
            edits.append(LedgerStore.Edit(id: stored.id, version: stored.version, row: row))
        }
        guard refused.isEmpty else { return .refused(refused) }
        do {
            try await store.edit(
                edits, type: type, source: "批量变更为“\(status)”", files: files, actor: actor,
                action: "ledger.status", at: now, today: today)
        } catch is LedgerStore.Conflict {
            throw ServiceError.conflict("有的行刚被他人修改，请刷新后重试")
        }
        return .saved
    }

    /// The row `id` of `type`, if the editor may see it to edit.
    public func row(_ id: UUID, type: LedgerType, onlyOwner: String?) async throws -> LedgerStore.StoredRow {
        guard let stored = try await store.rows(ledger: type.code, ids: [id]).first else {
            throw ServiceError.notFound("没有这一行")
        }
        if let onlyOwner, stored.owner != onlyOwner { throw ServiceError.forbidden("只能编辑本单位的行") }
        return stored
    }
}
