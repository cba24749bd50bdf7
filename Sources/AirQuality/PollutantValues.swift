/// One value per pollutant — µg/m³, CO mg/m³ — nil where missing. A fixed-size value (no dictionary), so that
/// millions of station-hours stay cheap to hold and compare.
public struct PollutantValues: Hashable, Sendable {
    public var so2: Double?
    public var no2: Double?
    public var pm10: Double?
    public var co: Double?
    public var o3: Double?
    public var pm25: Double?

    public init(
        so2: Double? = nil, no2: Double? = nil, pm10: Double? = nil, co: Double? = nil, o3: Double? = nil,
        pm25: Double? = nil
    ) {
        self.so2 = so2
        self.no2 = no2
        self.pm10 = pm10
        self.co = co
        self.o3 = o3
        self.pm25 = pm25
    }

    public init(_ values: [Pollutant: Double]) {
        self.init(
            so2: values[.so2], no2: values[.no2], pm10: values[.pm10], co: values[.co], o3: values[.o3],
            pm25: values[.pm25])
    }

    public subscript(pollutant: Pollutant) -> Double? {
        get {
            switch pollutant {
            case .so2: so2
            case .no2: no2
            case .pm10: pm10
            case .co: co
            case .o3: o3
            case .pm25: pm25
            }
        }
        set {
            switch pollutant {
            case .so2: so2 = newValue
            case .no2: no2 = newValue
            case .pm10: pm10 = newValue
            case .co: co = newValue
            case .o3: o3 = newValue
            case .pm25: pm25 = newValue
            }
        }
    }

    /// The values present, as a dictionary.
    public var dictionary: [Pollutant: Double] {
        var result: [Pollutant: Double] = [:]
        for pollutant in Pollutant.allCases { result[pollutant] = self[pollutant] }
        return result
    }

    public var isEmpty: Bool { Pollutant.allCases.allSatisfy { self[$0] == nil } }

    /// These values with `newer`'s present values laid over them: a missing value never erases one.
    public func merging(_ newer: PollutantValues) -> PollutantValues {
        var result = self
        for pollutant in Pollutant.allCases where newer[pollutant] != nil { result[pollutant] = newer[pollutant] }
        return result
    }
}
