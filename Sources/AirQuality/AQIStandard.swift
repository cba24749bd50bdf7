/// The IAQI breakpoint table and rules of HJ 633-2012, as data.
///
/// `IAQI = (IAQI_hi − IAQI_lo) / (BP_hi − BP_lo) × (C − BP_lo) + IAQI_lo`, segments continuous. Concentrations are
/// rounded first (GB/T 8170 round-half-even: integers, CO to 0.1 mg/m³), then the formula is applied exactly
/// and its result rounded up (ceiling) — the convention the official CNEMC hourly values follow.
public struct AQIStandard: Sendable {
    /// IAQI levels of the table's rows: 0, 50, 100, 150, 200, 300, 400, 500.
    public let levels: [Int]
    /// Breakpoints per column, one per level; nil where the table has no entry (SO2 1h above 800, O3 8h above 800).
    public let breakpoints: [IAQIColumn: [Double?]]
    /// The IAQI reported for a concentration above the table's top (爆表).
    public let ceiling: Int
    /// The breakpoints in the units concentrations are rounded to (integers; CO tenths), by ``IAQIColumn/ordinal``:
    /// the IAQI of millions of station-hours needs no hashing.
    private let scaled: [[Int?]?]

    public init(levels: [Int], breakpoints: [IAQIColumn: [Double?]], ceiling: Int) {
        self.levels = levels
        self.breakpoints = breakpoints
        self.ceiling = ceiling
        var scaled = [[Int?]?](repeating: nil, count: IAQIColumn.count)
        for (column, points) in breakpoints {
            let scale = Double(column.pollutant.decimals == 0 ? 1 : 10)
            scaled[column.ordinal] = points.map { $0.map { Int(($0 * scale).rounded()) } }
        }
        self.scaled = scaled
    }

    /// HJ 633-2012 Table 1.
    public static let hj633 = AQIStandard(
        levels: [0, 50, 100, 150, 200, 300, 400, 500],
        breakpoints: [
            IAQIColumn(.so2, .hour24): [0, 50, 150, 475, 800, 1600, 2100, 2620],
            IAQIColumn(.so2, .hour1): [0, 150, 500, 650, 800, nil, nil, nil],
            IAQIColumn(.no2, .hour24): [0, 40, 80, 180, 280, 565, 750, 940],
            IAQIColumn(.no2, .hour1): [0, 100, 200, 700, 1200, 2340, 3090, 3840],
            IAQIColumn(.pm10, .hour24): [0, 50, 150, 250, 350, 420, 500, 600],
            IAQIColumn(.co, .hour24): [0, 2, 4, 14, 24, 36, 48, 60],
            IAQIColumn(.co, .hour1): [0, 5, 10, 35, 60, 90, 120, 150],
            IAQIColumn(.o3, .hour1): [0, 160, 200, 300, 400, 800, 1000, 1200],
            IAQIColumn(.o3, .hour8): [0, 100, 160, 215, 265, 800, nil, nil],
            IAQIColumn(.pm25, .hour24): [0, 35, 75, 115, 150, 250, 350, 500],
        ],
        ceiling: 500)

    /// The IAQI of a concentration on a column.
    public func iaqi(_ concentration: Double, on column: IAQIColumn) -> IAQI {
        guard let points = scaled[column.ordinal], concentration.isFinite, concentration >= 0 else { return .invalid }
        let c = Self.roundedScaled(concentration, scale: column.pollutant.decimals == 0 ? 1 : 10)
        for index in 1..<levels.count {
            guard let hi = points[index] else {
                // The table stops here: beyond it this column gives no sub-index.
                return .noSubIndex
            }
            if c <= hi {
                let lo = points[index - 1] ?? 0
                let span = levels[index] - levels[index - 1]
                let value = levels[index - 1] + Self.ceilDiv(span * (c - lo), hi - lo)
                return .value(value)
            }
        }
        return .beyondTable(ceiling)
    }

    /// `value × scale` rounded half to even (GB/T 8170 修约).
    static func roundedScaled(_ value: Double, scale: Int) -> Int {
        // Decimal strings such as 0.15 are not exact in binary; nudge by a relative epsilon so that a written
        // 0.15 rounds as the decimal number it stands for.
        let scaled = value * Double(scale)
        let nearest = scaled.rounded()
        if abs(abs(scaled - scaled.rounded(.towardZero)) - 0.5) < 1e-9 * max(1, abs(scaled)) {
            let down = scaled.rounded(.towardZero)
            return Int(Int(down) % 2 == 0 ? down : down + (scaled < 0 ? -1 : 1))
        }
        return Int(nearest)
    }

    static func ceilDiv(_ a: Int, _ b: Int) -> Int {
        precondition(b > 0)
        return a >= 0 ? (a + b - 1) / b : -((-a) / b)
    }
}

/// A sub-index, or why there is none.
public enum IAQI: Hashable, Sendable {
    case value(Int)
    /// Above the table's top: reported as the ceiling (500).
    case beyondTable(Int)
    /// The column has no entry at this concentration (SO2 1h > 800, O3 8h > 800): another column is used.
    case noSubIndex
    /// Missing or negative concentration.
    case invalid

    /// The number that enters the AQI, if any.
    public var number: Int? {
        switch self {
        case .value(let v), .beyondTable(let v): v
        case .noSubIndex, .invalid: nil
        }
    }
}
