import Foundation
import LantianCore

/// Hourly online-monitoring data of a simulated plant, in layout (a), for the demo and the benchmark: a daily
/// load cycle, shut-downs flagged F with start-ups after them, O2 that follows load, concentrations that follow
/// load with noise, corrected values computed from O2, a few calibration hours (C) and missing hours — and, where
/// asked, a falsified segment (values set to a constant, O2 fixed, the measured value passed off as corrected),
/// a night cheat (values at night cut to a third), or an equipment fault (D, then zeros while running).
/// Deterministic from its seed.
public struct PlantSimulation: Sendable {
    public struct Profile: Sendable {
        public var mn: String
        /// Flue-gas flow at full load, m³/h.
        public var flow: Double
        /// Measured concentrations at full load, mg/m³: SO2, NOx, particulate.
        public var so2: Double
        public var nox: Double
        public var particulate: Double
        /// O2 at full load, %; the reference O2 of the corrected values.
        public var o2: Double
        public var o2Reference: Double
        /// How far O2 rises from full load to no load, percentage points.
        public var o2Swing = 4.0
        /// Shut-downs: (first hour index, hours).
        public var shutdowns: [(start: Int, hours: Int)] = []
        public var falsified: Range<Int>?
        public var nightCheat: Range<Int>?
        public var fault: Range<Int>?
        /// Hours sent late (minutes after the hour's end), for the late-upload rule.
        public var late: Range<Int>?

        public init(
            mn: String, flow: Double, so2: Double, nox: Double, particulate: Double, o2: Double, o2Reference: Double
        ) {
            self.mn = mn
            self.flow = flow
            self.so2 = so2
            self.nox = nox
            self.particulate = particulate
            self.o2 = o2
            self.o2Reference = o2Reference
        }
    }

    /// The eight factors written: flow, O2, SO2, NOx, particulate, temperature, velocity, humidity.
    public static let factors = [
        Factor.flow, Factor.oxygen, Factor.so2, Factor.nox, Factor.particulate, "a01012", "a01011", "a01014",
    ]
    static let corrected: Set<String> = [Factor.so2, Factor.nox, Factor.particulate]

    /// The header row of layout (a), with `UploadTime`.
    public static var header: String {
        (["MN", "DataTime", "UploadTime"]
            + factors.flatMap {
                corrected.contains($0) ? ["\($0)-Avg", "\($0)-ZsAvg", "\($0)-Flag"] : ["\($0)-Avg", "\($0)-Flag"]
            })
            .joined(separator: ",")
    }

    public var profile: Profile
    private var random: SplitMix64

    public init(_ profile: Profile, seed: UInt64) {
        self.profile = profile
        random = SplitMix64(seed: seed)
    }

    private mutating func noise(_ spread: Double) -> Double { 1 + spread * (random.unit() * 2 - 1) }

    /// The CSV row of hour `index` (the hour starting at `time`), or nil for a missing hour.
    public mutating func row(_ index: Int, at time: MinuteStamp) -> String? {
        let p = profile
        // ~0.3 % of hours never arrive.
        guard random.unit() >= 0.003 else { return nil }
        let minutes = time.value - Int((Double(time.value) / 1440).rounded(.down)) * 1440
        let hourOfDay = Double(minutes / 60)
        let stopped = p.shutdowns.contains { index >= $0.start && index < $0.start + $0.hours }
        let sinceStart = p.shutdowns.map { index - ($0.start + $0.hours) }.filter { $0 >= 0 }.min() ?? 1_000
        let phase: Double = (hourOfDay - 8) / 24 * 2 * Double.pi
        let jitter: Double = 0.03 * (random.unit() * 2 - 1)
        var load: Double = 0.78 + 0.17 * sin(phase) + jitter
        if sinceStart < 6 { load *= 0.5 + Double(sinceStart) / 12 }
        // The analysers' calibration, every other week.
        let calibrating = !stopped && index % 336 == 75
        let faulty = p.fault?.contains(index) == true
        let flow = stopped ? 0 : p.flow * load * noise(0.02)
        var o2 = stopped ? 20.6 : p.o2 + (1 - load) * p.o2Swing * noise(0.05)
        // Start-ups burn dirtier until the controls settle.
        let startUp = sinceStart < 6 ? 2.5 : 1.0
        var values = [
            Factor.so2: p.so2 * (0.7 + 0.3 * load) * startUp * noise(0.12),
            Factor.nox: p.nox * (0.6 + 0.4 * load) * startUp * noise(0.1),
            Factor.particulate: p.particulate * (0.7 + 0.3 * load) * startUp * noise(0.15),
        ]
        if p.nightCheat?.contains(index) == true && (hourOfDay >= 22 || hourOfDay < 6) {
            for key in values.keys { values[key]! /= 3 }
        }
        let falsified = p.falsified?.contains(index) == true
        if falsified {
            o2 = p.o2
            values = [Factor.so2: p.so2 * 0.6, Factor.nox: p.nox * 0.6, Factor.particulate: p.particulate * 0.5]
        }
        let sent = time.adding(minutes: 60 + (p.late?.contains(index) == true ? 150 : 3))
        var fields = [p.mn, Self.stamp(time), Self.stamp(sent)]
        let flag = stopped ? "F" : "N"
        func number(_ value: Double) -> String { NumberText.csv((value * 100).rounded() / 100) }
        for factor in Self.factors {
            switch factor {
            case Factor.flow: fields += [number(flow), flag]
            case Factor.oxygen: fields += [number((o2 * 10).rounded() / 10), flag]
            case "a01012": fields += [number(stopped ? 20 : 110 + 30 * load), flag]
            case "a01011": fields += [number(stopped ? 0 : 14 * load), flag]
            case "a01014": fields += [number(8 + 2 * random.unit()), flag]
            default:
                var measured = (values[factor] ?? 0)
                if stopped { measured *= 0.05 }
                let rounded = (measured * 10).rounded() / 10
                var correctedValue =
                    AnomalyScan.corrected(rounded, o2: (o2 * 10).rounded() / 10, reference: p.o2Reference) ?? rounded
                if falsified { correctedValue = rounded }
                if faulty {
                    let firstHalf = index < (p.fault!.lowerBound + p.fault!.upperBound) / 2
                    fields += firstHalf ? ["", "", "D"] : ["0", "0", "N"]
                } else {
                    fields += [number(rounded), number(correctedValue), calibrating ? "C" : flag]
                }
            }
        }
        return fields.joined(separator: ",")
    }

    /// `YYYYMMDDhhmmss`.
    static func stamp(_ time: MinuteStamp) -> String {
        let text = time.text
        return text.filter(\.isNumber) + "00"
    }
}
