import Campaign
import Ledger
import Persistence
import Services
import Vapor

extension Request {
    func ledgers() -> Ledgers { Ledgers(db: db) }
}

/// Who may do what with ledgers, checked on the server: everyone signed in reads every ledger (the rows behind the
/// plan's numbers); the office imports any rows; a unit's writers import only their own rows — a county its county's
/// rows of a county-owned ledger, a unit its unit's rows of a unit-owned one.
struct LedgerAccess {
    let user: CurrentUser
    let units: [OrgUnit]

    /// Whose rows the user may import into `type`: nil for any (the office), the user's unit, or refused.
    func importOwner(_ type: LedgerType) throws -> String? {
        if user.isOffice { return nil }
        let unit = user.unitCode
        guard user.canWriteReports, let own = units.first(where: { $0.code == unit }),
            type.owner == .unit || own.kind == .county
        else { throw Abort(.forbidden, reason: "台账由大气办或负责该行的单位导入") }
        return unit
    }

    func mayImport(_ type: LedgerType) -> Bool { (try? importOwner(type)) != nil || user.isOffice }
}
