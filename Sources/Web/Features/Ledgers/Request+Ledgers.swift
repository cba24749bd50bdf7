import Campaign
import Ledger
import Persistence
import Services
import Vapor

extension Request {
    func ledgers() -> Ledgers { Ledgers(db: db, cache: application.campaignCaches.ledgerRows) }
}

/// Who may do what with ledgers, checked on the server: everyone signed in reads every ledger (the rows behind the
/// plan's numbers); the office imports and edits any rows; a unit's writers import and edit only their own rows — a
/// county its county's rows of a county-owned ledger, a unit its unit's rows of a unit-owned one.
struct LedgerAccess {
    let user: CurrentUser
    let units: [OrgUnit]

    /// Whose rows the user may import into or edit in `type`: nil for any (the office), the user's unit, or
    /// refused.
    func writeOwner(_ type: LedgerType) throws -> String? {
        if user.isOffice { return nil }
        let unit = user.unitCode
        guard user.canWriteReports, let own = units.first(where: { $0.code == unit }),
            type.owner == .unit || own.kind == .county
        else { throw Abort(.forbidden, reason: "台账由大气办或负责该行的单位导入和编辑") }
        return unit
    }

    func mayWrite(_ type: LedgerType) -> Bool { scope(type) != .none }

    /// Whether the user may edit this row: the office any, a writer of its owner.
    func mayEdit(_ type: LedgerType, owner: String) -> Bool { scope(type).allows(owner) }

    func scope(_ type: LedgerType) -> LedgerRowsPage.EditScope {
        if user.isOffice { return .any }
        do {
            if let owner = try writeOwner(type) { return .only(owner) }
            return .any
        } catch {
            return .none
        }
    }
}
