import LantianCore

/// Reads rows of the wide layout (``HourlyFormat/wide``): `date,hour,type,<station columns…>`, one row per hour
/// and type; the rows of one hour are gathered and given out per station when the hour changes.
struct WideReader {
    struct Columns {
        var date, hour, type: Int
        /// The first station column: every column from here on is a station.
        var firstStation: Int

        init(_ header: inout HeaderColumns) {
            date = header.required("date")
            hour = header.required("hour")
            type = header.required("type")
            firstStation = 3
        }
    }

    let header: [String]
    let columns: Columns
    private var types: [String: Pollutant?] = [:]
    private var group: (hour: HourStamp, line: Int)?
    private var values: [PollutantValues]

    init(header: [String], columns: Columns) {
        self.header = header
        self.columns = columns
        values = Array(repeating: PollutantValues(), count: header.count)
    }

    mutating func read(_ line: CSVRow, into sink: inout HourlySink) {
        guard sink.hasFields(line, header: header) else { return }
        let dateText = line.text(columns.date)
        let digits = dateText.filter(\.isNumber)
        guard digits.count == 8, dateText.count == 8 || dateText.count == 10,
            let stamp = HourStamp(
                timepoint: "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))T00:00:00")
        else {
            sink.issues.append(ImportIssue(line: line.line, field: "date", reason: "\"\(dateText)\" is not YYYYMMDD"))
            return
        }
        let hourText = line.text(columns.hour)
        guard let hourOfDay = Int(hourText), (0...23).contains(hourOfDay) else {
            sink.issues.append(ImportIssue(line: line.line, field: "hour", reason: "\"\(hourText)\" is not 0–23"))
            return
        }
        let type = line.text(columns.type)
        let pollutant: Pollutant?
        if let known = types[type] {
            pollutant = known
        } else {
            let upper = type.uppercased()
            switch upper {
            case "PM2.5": pollutant = .pm25
            case "PM10": pollutant = .pm10
            case "SO2": pollutant = .so2
            case "NO2": pollutant = .no2
            case "O3": pollutant = .o3
            case "CO": pollutant = .co
            case "AQI": pollutant = nil
            default:
                guard upper.hasSuffix("_24H") || upper.hasSuffix("_8H") else {
                    sink.issues.append(ImportIssue(line: line.line, field: "type", reason: "unknown type \"\(type)\""))
                    return
                }
                pollutant = nil
            }
            types[type] = pollutant
        }
        let key = HourStamp(value: stamp.value + hourOfDay)
        if group?.hour != key {
            flush(into: &sink)
            group = (key, line.line)
        }
        guard let pollutant else { return }
        var bad: ImportIssue?
        var row: [(Int, Double)] = []
        for column in columns.firstStation..<header.count {
            if let value = sink.concentration(line, column, name: header[column], bad: &bad) {
                row.append((column, value))
            }
        }
        if let bad {
            sink.issues.append(bad)
            return
        }
        for (column, value) in row { values[column][pollutant] = value }
    }

    /// Gives out the hour gathered so far, one observation per station column with values.
    mutating func flush(into sink: inout HourlySink) {
        guard let current = group else { return }
        group = nil
        for column in columns.firstStation..<values.count where !values[column].isEmpty {
            sink.accept(
                HourlyObservation(
                    station: header[column], hour: current.hour, values: values[column], line: current.line))
            values[column] = PollutantValues()
        }
    }
}
