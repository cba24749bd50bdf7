/// What a write transaction changed, for the caches that hold it: each topic has its own version number in the
/// database (`cache_versions`), so that a station-data import does not flush the caches of reports, and a
/// report save does not flush the season figures. Versions are shared by every instance on the database.
public enum CacheTopic: String, Sendable, CaseIterable {
    /// Plans, their tasks and indicators.
    case plan
    /// The unit registry (units added in the browser).
    case units
    /// Reports, their values, evidence and revisions.
    case reports
    /// Stations, station hours and days, sand-dust periods.
    case airData = "air_data"
    /// The market-supervision registry, sampling plans, spot checks and cases.
    case market
    /// The emergency registry, settings, forecasts and warnings.
    case emergency
    /// Key polluters, outlets, limits, online-monitoring data and checks.
    case sources
    /// Ledger rows and their changes.
    case ledgers
    /// Monthly per-county measurements (dust fall, cleaning rates, straw).
    case measurements
    /// Dispatch bulletins: drafts, finalised copies, what is public.
    case bulletins
}
