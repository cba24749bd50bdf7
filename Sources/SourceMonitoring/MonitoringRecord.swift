import LantianCore

/// One record of online-monitoring data: a device, the period's start, and each factor's reading.
public struct MonitoringRecord: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case realtime, minute, hour, day

        /// From HJ 212's command code: 2011, 2051, 2061, 2031.
        public init?(cn: String) {
            switch cn {
            case "2011": self = .realtime
            case "2051": self = .minute
            case "2061": self = .hour
            case "2031": self = .day
            default: return nil
            }
        }
    }

    /// One factor's values in the record.
    public struct Reading: Hashable, Sendable {
        /// `-Avg` (or `-Rtd` for real-time data).
        public var value: Double?
        /// `-ZsAvg` (`-ZsRtd`): the oxygen-corrected value the logger reported.
        public var corrected: Double?
        /// `-Flag`: N normal, F stopped, M maintenance, S manually set, D fault, C calibration, T over range,
        /// B communication fault, P power failure (legacy).
        public var flag: String

        public init(value: Double?, corrected: Double? = nil, flag: String = "N") {
            self.value = value
            self.corrected = corrected
            self.flag = flag
        }

        /// Whether the value counts as valid data: flag N, or S (a manually set value, which platforms accept).
        public var isValid: Bool { value != nil && ["N", "S"].contains(flag) }
    }

    public var mn: String
    public var kind: Kind
    public var time: MinuteStamp
    /// By factor code (`a21026`; legacy 2005 codes are translated).
    public var readings: [String: Reading]
    /// The line of the file it came from.
    public var line: Int
    /// When it was sent: a packet's `QN` (the request's time, `YYYYMMDDhhmmsszzz`), a table's `QN` or
    /// `UploadTime` column; nil when the file does not say.
    public var sent: MinuteStamp?

    public init(
        mn: String, kind: Kind, time: MinuteStamp, readings: [String: Reading], line: Int, sent: MinuteStamp? = nil
    ) {
        self.mn = mn
        self.kind = kind
        self.time = time
        self.readings = readings
        self.line = line
        self.sent = sent
    }
}

/// HJ 212 factor codes (supervision.md §2).
public enum Factor {
    public static let so2 = "a21026"
    public static let nox = "a21002"
    public static let particulate = "a34013"
    public static let flow = "a00000"
    public static let oxygen = "a19001"

    /// 二氧化硫 for `a21026` …
    public static let names: [String: String] = [
        so2: "二氧化硫", nox: "氮氧化物", particulate: "颗粒物（烟尘）", flow: "烟气流量", oxygen: "含氧量",
        "a01011": "流速", "a01012": "烟温", "a01013": "压力", "a01014": "湿度", "a24088": "非甲烷总烃",
    ]

    /// The 2005 edition's codes still seen in the field, translated: 02 SO2, 03 NOx, 01 particulate, B02 flow,
    /// S01 O2.
    public static let legacy: [String: String] = ["02": so2, "03": nox, "01": particulate, "B02": flow, "S01": oxygen]

    public static func code(_ text: String) -> String { legacy[text] ?? text }

    public static func name(_ code: String) -> String { names[code] ?? code }
}
