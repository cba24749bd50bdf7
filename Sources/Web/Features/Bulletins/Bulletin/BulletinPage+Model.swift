import Assessment
import Foundation
import LantianCore
import Persistence
import Services

/// A month's bulletin page: the bulletin as the reader may see it; for the office the draft's editor or the
/// finalised copy's controls; what later corrections changed in a final copy.
enum BulletinPage {
    struct Model {
        var bulletin: Bulletin
        var isFinal: Bool
        var isPublic: Bool
        var version: Int
        /// The office edits drafts, finalises and publishes.
        var mayEdit: Bool
        var changes: [BulletinChange]
        /// Finalised by whom and when (`大气办管理员 2022-02-03 10:00`).
        var finalisedText: String?
        /// What the finalise form holds: as typed after a refusal, else a suggestion.
        var number: String
        var issuedOn: String
        var errors: [String]
        var libreOffice: Bool

        init(
            view: Services.Bulletins.View, mayEdit: Bool, suggestedNumber: String, today: CivilDate,
            zone: TimeZone, typed: (number: String, issuedOn: String)? = nil, errors: [String] = [],
            libreOffice: Bool
        ) {
            bulletin = view.bulletin
            isFinal = view.isFinal
            isPublic = view.stored?.isPublic ?? false
            version = view.version
            self.mayEdit = mayEdit
            changes = view.changes
            finalisedText = view.stored.flatMap { stored in
                guard let by = stored.finalisedBy, let at = stored.finalisedAt else { return nil }
                return "\(by) 于 \(UI.dateTime(at, in: zone)) 定稿"
            }
            number = typed?.number ?? suggestedNumber
            issuedOn = typed?.issuedOn ?? today.description
            self.errors = errors
            self.libreOffice = libreOffice
        }

        var month: ReportMonth { bulletin.month }
    }
}
