import LantianCore

/// Reads rows of the Beijing PRSA layout (``HourlyFormat/prsa``): calendar date and starting hour in separate
/// columns, CO in µg/m³ (divided by 1,000 here), `NA` for missing.
struct PRSAReader {
    struct Columns {
        var year, month, day, hour: Int
        var pm25, pm10, so2, no2, co, o3: Int
        var station: Int

        init(_ header: inout HeaderColumns) {
            year = header.required("year")
            month = header.required("month")
            day = header.required("day")
            hour = header.required("hour")
            pm25 = header.required("pm2.5")
            pm10 = header.required("pm10")
            so2 = header.required("so2")
            no2 = header.required("no2")
            co = header.required("co")
            o3 = header.required("o3")
            station = header.required("station")
        }
    }

    let header: [String]
    let columns: Columns

    mutating func read(_ line: CSVRow, into sink: inout HourlySink) {
        guard sink.hasFields(line, header: header) else { return }
        let c = columns
        func integer(_ field: Int) -> Int? {
            if case .value(let v) = line.number(field), v == v.rounded(), abs(v) < 100_000 { return Int(v) }
            return nil
        }
        guard let y = integer(c.year), let m = integer(c.month), let d = integer(c.day), (1...12).contains(m),
            (1...CivilCalendar.daysIn(year: y, month: m)).contains(d)
        else {
            sink.issues.append(ImportIssue(line: line.line, field: "year/month/day", reason: "not a calendar date"))
            return
        }
        guard let h = integer(c.hour), (0...23).contains(h) else {
            sink.issues.append(
                ImportIssue(line: line.line, field: "hour", reason: "\"\(line.text(c.hour))\" is not 0–23"))
            return
        }
        let station = line.text(c.station)
        guard !station.isEmpty else {
            sink.issues.append(ImportIssue(line: line.line, field: "station", reason: "empty"))
            return
        }
        var bad: ImportIssue?
        var values = PollutantValues()
        values.pm25 = sink.concentration(line, c.pm25, name: "PM2.5", bad: &bad)
        values.pm10 = sink.concentration(line, c.pm10, name: "PM10", bad: &bad)
        values.so2 = sink.concentration(line, c.so2, name: "SO2", bad: &bad)
        values.no2 = sink.concentration(line, c.no2, name: "NO2", bad: &bad)
        values.co = sink.concentration(line, c.co, name: "CO", bad: &bad).map { $0 / 1000 }
        values.o3 = sink.concentration(line, c.o3, name: "O3", bad: &bad)
        if let bad {
            sink.issues.append(bad)
            return
        }
        let stamp = HourStamp(dayNumber: CivilCalendar.dayNumber(year: y, month: m, day: d), hour: h + 1)
        sink.accept(HourlyObservation(station: station, hour: stamp, values: values, line: line.line))
    }
}
