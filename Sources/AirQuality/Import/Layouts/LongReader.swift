import LantianCore

/// Reads rows of the long layout (``HourlyFormat/long``): `station,time,pollutant,value`, one value per line;
/// consecutive lines of one station-hour are gathered into one observation.
struct LongReader {
    struct Columns {
        var station, time, pollutant, value: Int

        init(_ header: inout HeaderColumns) {
            station = header.required("station")
            time = header.required("time")
            pollutant = header.required("pollutant")
            value = header.required("value")
        }
    }

    let header: [String]
    let columns: Columns
    private var group: (hour: HourStamp, station: String, line: Int)?
    private var values = PollutantValues()

    init(header: [String], columns: Columns) {
        self.header = header
        self.columns = columns
    }

    mutating func read(_ line: CSVRow, into sink: inout HourlySink) {
        guard sink.hasFields(line, header: header) else { return }
        let station = line.text(columns.station)
        guard !station.isEmpty else {
            sink.issues.append(ImportIssue(line: line.line, field: "station", reason: "empty"))
            return
        }
        guard let stamp = sink.hour(line, columns.time) else {
            sink.issues.append(
                ImportIssue(
                    line: line.line, field: "time",
                    reason: "\"\(line.text(columns.time))\" is not YYYY-MM-DD HH:00"))
            return
        }
        let name = line.text(columns.pollutant)
        let pollutant: Pollutant
        switch name.lowercased() {
        case "so2": pollutant = .so2
        case "no2": pollutant = .no2
        case "pm10": pollutant = .pm10
        case "co": pollutant = .co
        case "o3": pollutant = .o3
        case "pm2.5", "pm25", "pm2_5": pollutant = .pm25
        default:
            sink.issues.append(
                ImportIssue(line: line.line, field: "pollutant", reason: "unknown pollutant \"\(name)\""))
            return
        }
        var bad: ImportIssue?
        let value = sink.concentration(line, columns.value, name: "value", bad: &bad)
        if let bad {
            sink.issues.append(bad)
            return
        }
        if group?.hour != stamp || group?.station != station {
            flush(into: &sink)
            group = (stamp, station, line.line)
        }
        values[pollutant] = value
    }

    /// Gives out the station-hour gathered so far.
    mutating func flush(into sink: inout HourlySink) {
        guard let current = group else { return }
        group = nil
        if !values.isEmpty {
            sink.accept(
                HourlyObservation(station: current.station, hour: current.hour, values: values, line: current.line))
        }
        values = PollutantValues()
    }
}
