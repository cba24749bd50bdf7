/// The four pollutants an emission-reduction list accounts for (SO2, NOx, particulate matter, VOCs): the
/// required cut during a warning is set for each of them (supervision.md §1).
public enum EmissionPollutant: String, CaseIterable, Sendable, Codable, Hashable {
    case so2, nox, pm, vocs

    /// SO₂, NOx, 颗粒物, VOCs.
    public var label: String {
        switch self {
        case .so2: "SO₂"
        case .nox: "NOx"
        case .pm: "颗粒物"
        case .vocs: "VOCs"
        }
    }
}

/// An amount of each of the four pollutants: tonnes a year for emissions and cuts, a share 0–1 for a measure's
/// curtailment.
public struct Emissions: Hashable, Sendable, Codable {
    public var so2: Double
    public var nox: Double
    public var pm: Double
    public var vocs: Double

    public init(so2: Double = 0, nox: Double = 0, pm: Double = 0, vocs: Double = 0) {
        self.so2 = so2
        self.nox = nox
        self.pm = pm
        self.vocs = vocs
    }

    /// Every pollutant the same amount.
    public init(all value: Double) { self.init(so2: value, nox: value, pm: value, vocs: value) }

    public static let zero = Emissions()

    public subscript(pollutant: EmissionPollutant) -> Double {
        get {
            switch pollutant {
            case .so2: so2
            case .nox: nox
            case .pm: pm
            case .vocs: vocs
            }
        }
        set {
            switch pollutant {
            case .so2: so2 = newValue
            case .nox: nox = newValue
            case .pm: pm = newValue
            case .vocs: vocs = newValue
            }
        }
    }

    /// Pollutant by pollutant.
    public func combined(with other: Emissions, _ operation: (Double, Double) -> Double) -> Emissions {
        var result = Emissions()
        for pollutant in EmissionPollutant.allCases {
            result[pollutant] = operation(self[pollutant], other[pollutant])
        }
        return result
    }

    public static func + (lhs: Emissions, rhs: Emissions) -> Emissions { lhs.combined(with: rhs, +) }
    public static func - (lhs: Emissions, rhs: Emissions) -> Emissions { lhs.combined(with: rhs, -) }
    /// Each amount times the share of the same pollutant.
    public static func * (lhs: Emissions, rhs: Emissions) -> Emissions { lhs.combined(with: rhs, *) }

    /// Each amount times `factor`.
    public func scaled(by factor: Double) -> Emissions { combined(with: Emissions(all: factor), *) }

    /// The largest of the four.
    public var largest: Double { EmissionPollutant.allCases.map { self[$0] }.max() ?? 0 }

    /// Whether every amount is zero.
    public var isZero: Bool { EmissionPollutant.allCases.allSatisfy { self[$0] == 0 } }
}
