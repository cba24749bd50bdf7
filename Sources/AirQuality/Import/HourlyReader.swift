import LantianCore

/// Reads hourly station data in any ``HourlyFormat``, streaming: feed it the file in chunks of any size, take
/// what it has read after each, and memory stays flat however large the file is.
///
/// The pipeline's first steps: ``CSVScanner`` splits lines into fields; the header picks the layout and its
/// reader (`CNEMCReader`, `WideReader`, `LongReader`, `PRSAReader`), which finds its columns by name; each
/// reader checks its rows and gives observations to one `HourlySink`, which doubts what it accepts but
/// distrusts (``warnings``). Every bad line is reported with its number, field and reason and skipped; a header
/// it cannot use is ``fatal`` and nothing is read after it.
public struct HourlyReader {
    /// What a whole text gave.
    public struct Reading: Sendable {
        public var format: HourlyFormat?
        public var observations: [HourlyObservation]
        /// Days closed by CNEMC 00:00 rows: the feed's own daily values for the day before.
        public var closedDays: [StationDay]
        public var issues: [ImportIssue]
        public var fatal: ImportIssue?
    }

    /// The reader of the layout the header announced.
    private enum Layout {
        case cnemc(CNEMCReader)
        case wide(WideReader)
        case long(LongReader)
        case prsa(PRSAReader)
    }

    public private(set) var format: HourlyFormat?
    public var observations: [HourlyObservation] { sink.observations }
    public var closedDays: [StationDay] { sink.closedDays }
    public var issues: [ImportIssue] { sink.issues }
    public private(set) var fatal: ImportIssue?
    /// Lines seen so far, header included.
    public var lineNumber: Int { scanner.lineNumber }
    public var bytesRead: Int { scanner.bytesRead }
    /// Values accepted but doubted, one entry per field and kind, given out at ``finish()``.
    public private(set) var warnings: [ImportIssue] = []

    /// The ozone layout a CNEMC file is read in: as requested, or decided from its rows (`auto`); nil until then.
    public var ozoneLayout: CNEMCFormat.OzoneLayout? {
        if case .cnemc(let reader) = layout { return reader.ozoneLayout }
        return nil
    }

    /// How the CNEMC rows read so far vote on their ozone layout.
    public var ozoneEvidence: CNEMCFormat.OzoneEvidence {
        if case .cnemc(let reader) = layout { return reader.evidence }
        return CNEMCFormat.OzoneEvidence()
    }

    /// The longest line read: a longer one is refused whole (a field of megabytes is no measurement).
    public static let maxLineBytes = CSVScanner.defaultMaxLineBytes

    private let requested: HourlyFormat?
    private var scanner = CSVScanner(maxLineBytes: HourlyReader.maxLineBytes)
    private var sink = HourlySink()
    private var layout: Layout?

    /// `format` nil: told from the header (CNEMC with its ozone layout told from its rows).
    public init(format: HourlyFormat? = nil) {
        requested = format
    }

    /// Reads a whole text.
    public static func read(_ text: String, format: HourlyFormat? = nil) -> Reading {
        var reader = HourlyReader(format: format)
        var text = text
        text.withUTF8 { reader.feed(UnsafeRawBufferPointer($0)) }
        reader.finish()
        return Reading(
            format: reader.format, observations: reader.observations, closedDays: reader.closedDays,
            issues: reader.issues, fatal: reader.fatal)
    }

    /// Reads the complete lines in `chunk`, keeping a partial last line for the next call.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        // The scanner is taken out while it calls back into this reader (one owner of each at a time).
        var scanner = self.scanner
        self.scanner = CSVScanner(maxLineBytes: 0)
        scanner.feed(chunk) { line($0) }
        self.scanner = scanner
        noteOverlong()
    }

    /// Reads a last line without a newline and closes the last group of a wide or long file.
    public mutating func finish() {
        var scanner = self.scanner
        self.scanner = CSVScanner(maxLineBytes: 0)
        scanner.finish { line($0) }
        self.scanner = scanner
        noteOverlong()
        if lineNumber == 0 { fatal = ImportIssue(line: 1, field: "header", reason: "the file is empty") }
        switch layout {
        case .cnemc(var reader):
            if reader.ozoneLayout == nil {
                reader.decide(into: &sink)
                format = .cnemc(reader.ozoneLayout ?? .standard)
            }
            layout = .cnemc(reader)
        case .wide(var reader):
            reader.flush(into: &sink)
            layout = .wide(reader)
        case .long(var reader):
            reader.flush(into: &sink)
            layout = .long(reader)
        case .prsa, nil: break
        }
        if fatal == nil && lineNumber == 1 {
            sink.doubt(field: "file", reason: "a header and no rows", line: 1)
        }
        warnings = sink.warnings
    }

    private mutating func noteOverlong() {
        if fatal == nil, let overlong = scanner.overlong { fatal = overlong }
    }

    /// What the import summary says about the ozone columns of a CNEMC file, and whether it is a warning: rows
    /// that contradict each other, or a requested layout the rows contradict. Nil for other formats.
    public var ozoneNote: (text: String, warning: Bool)? {
        guard case .cnemc(let used) = format, used != .auto else { return nil }
        let evidence = ozoneEvidence
        guard case .cnemc(let asked) = requested, asked != .auto else {
            if evidence.layout != used {
                return (
                    "read as \(used.rawValue) from the first rows, but the whole file says: " + evidence.reason, true
                )
            }
            return (evidence.reason, evidence.isAmbiguous)
        }
        if evidence.contradicts(asked) {
            return ("read as \(asked.rawValue) as requested, but the rows say otherwise: " + evidence.reason, true)
        }
        return ("read as \(asked.rawValue) as requested", evidence.isAmbiguous)
    }

    /// Hands over what was read since the last call.
    public mutating func take() -> (observations: [HourlyObservation], closedDays: [StationDay], issues: [ImportIssue])
    {
        defer {
            sink.observations.removeAll(keepingCapacity: true)
            sink.closedDays.removeAll()
            sink.issues.removeAll()
        }
        return (sink.observations, sink.closedDays, sink.issues)
    }

    // MARK: - Lines

    private mutating func line(_ row: CSVRow) {
        guard fatal == nil else { return }
        if row.line == 1 {
            readHeader(row)
            return
        }
        if row.isBlank { return }
        switch layout {
        case .cnemc(var reader):
            layout = nil
            reader.read(row, into: &sink)
            if format == .cnemc(.auto), let decided = reader.ozoneLayout { format = .cnemc(decided) }
            layout = .cnemc(reader)
        case .wide(var reader):
            layout = nil
            reader.read(row, into: &sink)
            layout = .wide(reader)
        case .long(var reader):
            layout = nil
            reader.read(row, into: &sink)
            layout = .long(reader)
        case .prsa(var reader):
            reader.read(row, into: &sink)
            layout = .prsa(reader)
        case nil: break
        }
    }

    private mutating func readHeader(_ row: CSVRow) {
        let header = row.texts
        guard let detected = requested ?? HourlyFormat.detect(header: header) else {
            fatal = ImportIssue(
                line: 1, field: "header",
                reason: "not a known hourly layout (CNEMC timepoint,stationcode,…; date,hour,type,…; "
                    + "station,time,pollutant,value; PRSA No,year,month,day,hour,…)")
            return
        }
        format = detected
        var columns = HeaderColumns(header)
        switch detected {
        case .cnemc(let ozone):
            layout = .cnemc(CNEMCReader(header: header, columns: .init(&columns), ozone: ozone))
        case .wide: layout = .wide(WideReader(header: header, columns: .init(&columns)))
        case .long: layout = .long(LongReader(header: header, columns: .init(&columns)))
        case .prsa:
            sink.quietMissingText = "NA"
            layout = .prsa(PRSAReader(header: header, columns: .init(&columns)))
        }
        if let problem = columns.problem { fatal = problem }
    }
}

/// One station's statistics for one day.
public struct StationDay: Hashable, Sendable {
    public var station: String
    public var statistics: DailyStatistics

    public init(station: String, statistics: DailyStatistics) {
        self.station = station
        self.statistics = statistics
    }
}
