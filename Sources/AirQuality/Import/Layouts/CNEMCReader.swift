import LantianCore

/// Reads rows of the CNEMC hourly layout (``HourlyFormat/cnemc(_:)``), deciding its ozone columns from the rows
/// when asked for `auto` (``CNEMCFormat/OzoneEvidence``): rows are held until the evidence is conclusive or
/// ``maxUndecidedRows`` are held.
struct CNEMCReader {
    /// The layout's columns by name.
    struct Columns {
        var timepoint, stationcode, aqi: Int
        var pm10, pm10Mean, pm25, pm25Mean: Int
        var o3, o3Column24h, o3Column8h, o3Column8h24h: Int
        var no2, no2Mean, so2, so2Mean, co, coMean: Int
        var primaryPollutant: Int

        init(_ header: inout HeaderColumns) {
            timepoint = header.required("timepoint")
            stationcode = header.required("stationcode")
            aqi = header.required("aqi")
            pm10 = header.required("pm10")
            pm10Mean = header.required("pm10_24h")
            pm25 = header.required("pm2_5")
            pm25Mean = header.required("pm2_5_24h")
            o3 = header.required("o3")
            o3Column24h = header.required("o3_24h")
            o3Column8h = header.required("o3_8h")
            o3Column8h24h = header.required("o3_8h_24h")
            no2 = header.required("no2")
            no2Mean = header.required("no2_24h")
            so2 = header.required("so2")
            so2Mean = header.required("so2_24h")
            co = header.required("co")
            coMean = header.required("co_24h")
            primaryPollutant = header.optional("primarypollutant")
        }
    }

    /// A row read but not yet placed: its ozone columns as the header names them.
    private struct Row {
        var observation: HourlyObservation
        var o3: Double?
        var o3Column24h: Double?
        var o3Column8h: Double?
        var o3Column8h24h: Double?
        /// The closing day's own 24-hour means: on a 00:00 row only.
        var means: [Pollutant: Double]?
    }

    static let maxUndecidedRows = 20_000

    let header: [String]
    let columns: Columns
    /// The ozone layout rows are placed in: as requested, or decided from the rows; nil until then.
    private(set) var ozoneLayout: CNEMCFormat.OzoneLayout?
    private(set) var evidence = CNEMCFormat.OzoneEvidence()
    private var undecided: [Row] = []

    init(header: [String], columns: Columns, ozone: CNEMCFormat.OzoneLayout) {
        self.header = header
        self.columns = columns
        ozoneLayout = ozone == .auto ? nil : ozone
    }

    mutating func read(_ line: CSVRow, into sink: inout HourlySink) {
        guard sink.hasFields(line, header: header) else { return }
        let c = columns
        guard let stamp = sink.hour(line, c.timepoint) else {
            sink.issues.append(
                ImportIssue(
                    line: line.line, field: "timepoint",
                    reason: "\"\(line.text(c.timepoint))\" is not YYYY-MM-DDTHH:00:00"))
            return
        }
        let station = line.text(c.stationcode)
        guard !station.isEmpty else {
            sink.issues.append(ImportIssue(line: line.line, field: "stationcode", reason: "empty"))
            return
        }
        var bad: ImportIssue?
        var aqi: Int?
        switch line.number(c.aqi) {
        case .missing, .missingText: break
        case .value(let value):
            if value >= 0 && value == value.rounded() { aqi = Int(value) } else { fallthrough }
        case .bad:
            bad = ImportIssue(
                line: line.line, field: "aqi", reason: "\"\(line.text(c.aqi))\" is not a whole number")
        }
        var values = PollutantValues()
        values.pm10 = sink.concentration(line, c.pm10, name: "pm10", bad: &bad)
        let pm10Mean = sink.concentration(line, c.pm10Mean, name: "pm10_24h", bad: &bad)
        values.pm25 = sink.concentration(line, c.pm25, name: "pm2_5", bad: &bad)
        let pm25Mean = sink.concentration(line, c.pm25Mean, name: "pm2_5_24h", bad: &bad)
        let o3 = sink.concentration(line, c.o3, name: "o3", bad: &bad)
        let o3Column24h = sink.concentration(line, c.o3Column24h, name: "o3_24h", bad: &bad)
        let o3Column8h = sink.concentration(line, c.o3Column8h, name: "o3_8h", bad: &bad)
        let o3Column8h24h = sink.concentration(line, c.o3Column8h24h, name: "o3_8h_24h", bad: &bad)
        values.no2 = sink.concentration(line, c.no2, name: "no2", bad: &bad)
        let no2Mean = sink.concentration(line, c.no2Mean, name: "no2_24h", bad: &bad)
        values.so2 = sink.concentration(line, c.so2, name: "so2", bad: &bad)
        let so2Mean = sink.concentration(line, c.so2Mean, name: "so2_24h", bad: &bad)
        values.co = sink.concentration(line, c.co, name: "co", bad: &bad)
        let coMean = sink.concentration(line, c.coMean, name: "co_24h", bad: &bad)
        if let bad {
            sink.issues.append(bad)
            return
        }
        // Only a 00:00 row closes a day; a dictionary for every row would cost an allocation each.
        var means: [Pollutant: Double]?
        if stamp.endHour == 24 {
            var closing: [Pollutant: Double] = [:]
            closing[.pm10] = pm10Mean
            closing[.pm25] = pm25Mean
            closing[.no2] = no2Mean
            closing[.so2] = so2Mean
            closing[.co] = coMean
            means = closing
        }
        let row = Row(
            observation: HourlyObservation(
                station: station, hour: stamp, values: values, so2Mean24h: so2Mean, officialAQI: aqi,
                officialPrimary: c.primaryPollutant >= 0 ? line.text(c.primaryPollutant) : "", line: line.line),
            o3: o3, o3Column24h: o3Column24h, o3Column8h: o3Column8h, o3Column8h24h: o3Column8h24h, means: means)
        evidence.count(
            line: line.line, o3: o3, o3Column24h: o3Column24h, o3Column8h: o3Column8h, o3Column8h24h: o3Column8h24h)
        if let layout = ozoneLayout {
            emit(row, ozone: layout, into: &sink)
        } else {
            undecided.append(row)
            if evidence.isConclusive || undecided.count >= Self.maxUndecidedRows { decide(into: &sink) }
        }
    }

    /// Decides the ozone layout from the rows read so far and places the rows held.
    mutating func decide(into sink: inout HourlySink) {
        let layout = evidence.layout
        ozoneLayout = layout
        let held = undecided
        undecided.removeAll()
        for row in held { emit(row, ozone: layout, into: &sink) }
    }

    private func emit(_ row: Row, ozone: CNEMCFormat.OzoneLayout, into sink: inout HourlySink) {
        var observation = row.observation
        let o3Max1h: Double?
        let o3Max8h: Double?
        switch ozone {
        case .standard, .auto:
            observation.values.o3 = row.o3
            o3Max1h = row.o3Column24h
            o3Max8h = row.o3Column8h24h
        case .swappedArchive:
            observation.values.o3 = row.o3Column24h
            o3Max1h = row.o3
            o3Max8h = row.o3Column8h
        }
        sink.accept(observation)
        if let means = row.means {
            sink.closedDays.append(
                StationDay(
                    station: observation.station,
                    statistics: DailyStatistics(
                        dayNumber: observation.hour.dayNumber, means: means, o3Max1h: o3Max1h, o3Max8h: o3Max8h)))
        }
    }
}
