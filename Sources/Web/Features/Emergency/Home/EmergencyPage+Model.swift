import Emergency
import Foundation
import Persistence
import Services

/// What 重污染应急 shows: the warning in force, the latest forecast's episodes and the level Lantian proposes with
/// its reasons, the form to issue a warning, the rule edition in force, and every warning issued.
extension EmergencyPage {
    struct Model {
        struct EpisodeRow {
            var county: String
            var span: String
            var hoursAbove: Int
            var hoursAboveSevere: Int
            var maxAQI: Int
            var level: WarningLevel
            var reason: String
        }

        struct WarningRow {
            var id: UUID
            var level: WarningLevel
            var starts: String
            var end: String
            var document: String
            var state: String
        }

        var inForce: WarningRow?
        var rules: WarningRules
        var editions: [(code: String, title: String)]
        var forecast: String?
        var episodes: [EpisodeRow]
        var proposed: WarningLevel
        var proposedReason: String
        var defaultStart: String
        var defaultEnd: String
        var warnings: [WarningRow]
        var enterprises: Int
        var hasInventory: Bool
        var mayForecast: Bool
        var mayIssue: Bool
        var mayChooseRules: Bool
        var errors: [String]
        var outcome: TableImportOutcome?
        /// 执法清单: enterprises found not carrying out their measure during a warning.
        var violations: [(enterprise: String, warning: UUID, document: String, hour: String, note: String)] = []
    }
}

extension EmergencyPage.Model {
    static func row(_ warning: EmergencyStore.StoredWarning) -> WarningRow {
        WarningRow(
            id: warning.id, level: warning.level, starts: HourText.chinese(warning.starts),
            end: warning.lifted.map { "\(HourText.chinese($0)) 解除" } ?? "预计 \(HourText.chinese(warning.expectedEnd))",
            document: warning.document, state: warning.inForce ? "执行中" : "已解除")
    }

    init(
        warnings: [EmergencyStore.StoredWarning], rules: WarningRules,
        proposal: (forecast: EmergencyStore.StoredForecast, episodes: [Episode])?, countyName: (String) -> String,
        enterprises: Int, hasInventory: Bool, access: EmergencyAccess, now: String, errors: [String],
        outcome: TableImportOutcome?
    ) {
        inForce = warnings.first(where: \.inForce).map(Self.row)
        self.rules = rules
        editions = EmergencyResponse.shippedRules.values.sorted { $0.code > $1.code }.map {
            ($0.code, "\($0.title)（\($0.document)）")
        }
        forecast = proposal.map {
            "\($0.forecast.file)，\($0.forecast.enteredBy) 录入，\($0.forecast.series.count) 个预报序列"
        }
        episodes = (proposal?.episodes ?? []).map { episode in
            EpisodeRow(
                county: episode.county.isEmpty ? "全市" : countyName(episode.county),
                span: "\(HourClock.chinese(episode.start)) 至 \(HourClock.chinese(episode.end))",
                hoursAbove: episode.hours(above: rules.episodeAbove), hoursAboveSevere: episode.hours(above: 300),
                maxAQI: episode.maxAQI, level: episode.level, reason: episode.reason)
        }
        let city = (proposal?.episodes ?? []).filter { $0.county.isEmpty }
        let strongest = (city.isEmpty ? proposal?.episodes ?? [] : city).max { $0.level < $1.level }
        proposed = strongest?.level ?? .none
        proposedReason = strongest?.reason ?? ""
        defaultStart = strongest.map { HourClock.text($0.start) } ?? now
        defaultEnd = strongest.map { HourClock.text($0.end) } ?? now
        self.warnings = warnings.map(Self.row)
        self.enterprises = enterprises
        self.hasInventory = hasInventory
        mayForecast = access.mayForecast
        mayIssue = access.mayIssue
        mayChooseRules = access.mayChooseRules
        self.errors = errors
        self.outcome = outcome
    }
}

/// Beijing hours as stored (`YYYY-MM-DDTHH:00`) shown as `1月24日20时`.
enum HourText {
    static func chinese(_ text: String) -> String { HourClock.instant(text).map(HourClock.chinese) ?? text }

    /// The Beijing hour `date` falls in, `YYYY-MM-DDTHH:00`.
    static func hour(of date: Date) -> String {
        HourClock.text(Int(((date.timeIntervalSince1970 + 8 * 3600) / 3600).rounded(.down)))
    }
}
