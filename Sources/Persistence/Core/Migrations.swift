import FluentKit

/// Lantian's schema, in order. One migration per file; never edit a released one, add the next. (The browser
/// sessions' table is Vapor's, added by the web app: `configure`.)
public enum LantianMigrations {
    public static var all: [any Migration] {
        [
            M001CreateUnits(),
            M002CreateUsers(),
            M003CreatePlans(),
            M004CreateTasks(),
            M005CreateReports(),
            M006CreateAuditLog(),
            M007CreateWriteGate(),
            M008CreateStations(),
            M009CreateSandDustPeriods(),
            M010CreateStationHours(),
            M011CreateStationHourChanges(),
            M012AddUserSessionEpoch(),
            M013CreateLoginFailures(),
            M014AddTaskUnitPosition(),
            M015CreateAirImports(),
            M016CreateCacheVersions(),
            M017CreateStationHourUndo(),
            M018AddTaskTitle(),
            M019AddReportCarriedFrom(),
            M020AddReportChange(),
            M021CreateMarketSites(),
            M022CreateMarketDeliveries(),
            M023CreateSamplingPlans(),
            M024CreateSamplingQuotas(),
            M025CreateSpotChecks(),
            M026CreateMarketCases(),
            M027CreateMarketCaseSteps(),
            M028CreateMarketDraws(),
            M029CreateMarketActions(),
            M030AddCaseFindFields(),
            M031CreateStandardVersions(),
            M032CreateMarketDocuments(),
            M033AddDrawStrataAndItems(),
            M034CreateEmergencyEnterprises(),
            M035CreateEmergencySettings(),
            M036CreateEmergencyForecasts(),
            M037CreateEmergencyWarnings(),
            M038CreateEmergencyOrders(),
            M039CreateEmergencyInspections(),
            M040CreateEmergencyMeasureVersions(),
            M041AddWarningInForceSlot(),
        ]
    }
}
