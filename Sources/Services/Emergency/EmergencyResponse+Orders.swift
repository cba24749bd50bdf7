import AirQuality
import Emergency
import Foundation
import LantianCore
import Persistence

extension EmergencyResponse {
    /// An order just sent, with its one-time acknowledgement token (shown once, never stored).
    public struct SentOrder: Sendable {
        public var enterprise: String
        public var name: String
        public var token: String
    }

    /// Sends the control orders of a warning at its level — to the enterprises of `county`, or all — that have
    /// none yet; 保障类 enterprises receive none. `digest` turns a token into what is stored.
    public func sendOrders(
        _ warning: EmergencyStore.StoredWarning, county: String?, digest: (String) -> String,
        newToken: () -> String, actor: AuditLog.Actor, at now: Date
    ) async throws -> [SentOrder] {
        guard warning.inForce else { return [] }
        // An order needs the measures, not the inventory: without one the list's accounts are empty, its entries not.
        let list = try await list(at: warning.level, inventory: try await inventory() ?? .zero)
        var rules = try await rules()
        if let edition = Self.shippedRules[warning.rules] { rules = edition }
        let from =
            HourClock.instant(warning.changes.last(where: { $0.level == warning.level })?.hour ?? warning.starts)
            .map(HourClock.chinese) ?? warning.starts
        var tokens: [String: String] = [:]
        let orders = list.entries.filter { county == nil || $0.enterprise.county == county }.map { entry in
            let order = ControlOrder(
                entry, level: warning.level, from: from, warningDocument: warning.document, plan: rules.document)
            let token = newToken()
            tokens[entry.enterprise.id] = token
            return EmergencyStore.NewOrder(
                enterprise: entry.enterprise.id, enterpriseName: entry.enterprise.name, county: entry.enterprise.county,
                level: warning.level, paragraphs: order.paragraphs, tokenDigest: digest(token))
        }
        let sent = try await store.sendOrders(orders, warning: warning.id, actor: actor, at: now)
        return orders.filter { sent.contains($0.enterprise) }.map {
            SentOrder(enterprise: $0.enterprise, name: $0.enterpriseName, token: tokens[$0.enterprise] ?? "")
        }
    }

    /// The review of a warning: each day from its start to its end (lifted, or expected), the latest forecast's
    /// city value at the day's end against the city's observed daily AQI (HJ 633-2012), and the inspections.
    public func review(_ warning: EmergencyStore.StoredWarning) async throws -> EpisodeReview {
        var rules = try await rules()
        if let edition = Self.shippedRules[warning.rules] { rules = edition }
        guard let start = HourClock.instant(warning.starts),
            let end = HourClock.instant(warning.lifted ?? warning.expectedEnd)
        else {
            return EpisodeReview(days: [], issued: warning.level, rules: rules, inspected: 0, complied: 0)
        }
        let firstDay = HourStamp(value: start + 1).dayNumber
        let lastDay = max(firstDay, HourStamp(value: end).dayNumber)
        let forecast = try await store.latestForecast()?.series.first { $0.county.isEmpty }
        let byHour = Dictionary(
            (forecast?.hours ?? []).map { ($0.stamp.value, $0.aqi) }, uniquingKeysWith: { a, _ in a })
        let observed = try await AirQualityStore(database: store.database).cityDays(
            from: HourStamp.dateText(dayNumber: firstDay), to: HourStamp.dateText(dayNumber: lastDay))
        let observedAQI = Dictionary(
            observed.compactMap { day in AQIStandard.hj633.dailyAQI(day.concentrations).aqi.map { (day.dayNumber, $0) }
            },
            uniquingKeysWith: { a, _ in a })
        let days = (firstDay...lastDay).map { day in
            EpisodeReview.Day(
                date: CivilDate(dayNumber: day), forecast: byHour[HourStamp(dayNumber: day, hour: 24).value],
                observed: observedAQI[day])
        }
        let inspections = try await store.inspections(warning: warning.id)
        return EpisodeReview(
            days: days, issued: warning.level, rules: rules, inspected: Set(inspections.map(\.enterprise)).count,
            complied: Set(inspections.map(\.enterprise)).subtracting(
                inspections.filter { !$0.complied }.map(\.enterprise)
            )
            .count)
    }
}
