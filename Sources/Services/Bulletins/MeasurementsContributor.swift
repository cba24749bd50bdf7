import Assessment
import Campaign
import LantianCore
import Persistence

/// 台账与监测: the counties over each shipped measurement's limit in the month, and every indicator a connected
/// source (a ledger, a measurement, market or source records) computes, as it stood at the bulletin's day.
struct MeasurementsContributor: BulletinContributor {
    func section(_ context: BulletinContext) async throws -> BulletinSection? {
        let snapshot = context.snapshot
        let values = try await MeasurementStore(database: context.db).values()
        let month = context.month.description
        let measurements = Measurements.shipped.map { measurement in
            let these = (values[measurement.code] ?? []).filter { $0.month == month }
            let over = these.filter { !measurement.keeps($0.value) }.map {
                MeasurementFacts.Over(
                    county: snapshot.unitName($0.county), value: NumberText.display($0.value) + " " + measurement.unit)
            }
            return MeasurementFacts.Measurement(
                code: measurement.code, name: measurement.name,
                limit: (measurement.bound == .atMost ? "≤" : "≥") + NumberText.display(measurement.limit) + " "
                    + measurement.unit, counties: these.count, over: over)
        }
        var computed: [MeasurementFacts.LedgerValue] = []
        for task in snapshot.plan.tasks {
            for line in snapshot.indicatorLines(of: task) where line.source != "report" {
                let indicator = line.indicator
                computed.append(
                    MeasurementFacts.LedgerValue(
                        key: "\(task.code)|\(indicator.code)", task: task.code, name: indicator.name,
                        source: indicator.source.chinese,
                        value: line.current.map { NumberText.display($0) + indicator.unit } ?? "—",
                        target: indicator.direction.symbol + NumberText.display(indicator.target) + indicator.unit,
                        met: line.status == .met))
            }
        }
        return .measurements(MeasurementFacts(measurements: measurements, ledgerValues: computed))
    }
}
