import AirQuality
import Foundation
import LantianCore
import Seed
import Testing

/// CNEMC files tell their own ozone layout: the public archive's `o3` column holds a maximum of `o3_24h`'s
/// values (never below it), the national feed's the other way round.
@Suite struct OzoneLayoutTests {
    /// Jincheng's Jan–Mar 2022 rows come from the public archive.
    static func archiveRows() throws -> String { try SeedAirData.jinchengT00Rows2022 }

    /// The same rows in the national layout: `o3` ↔ `o3_24h` and `o3_8h` ↔ `o3_8h_24h` exchanged back.
    static func nationalRows() throws -> String {
        var lines = try archiveRows().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let index = { (name: String) in header.firstIndex(of: name)! }
        let pairs = [(index("o3"), index("o3_24h")), (index("o3_8h"), index("o3_8h_24h"))]
        for number in lines.indices.dropFirst() where !lines[number].isEmpty {
            var fields = lines[number].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            // Counted from the end: a quoted primary pollutant before them may hold a comma.
            let shift = fields.count - header.count
            for (a, b) in pairs { fields.swapAt(a + shift, b + shift) }
            lines[number] = fields.joined(separator: ",")
        }
        return lines.joined(separator: "\n")
    }

    static func read(_ text: String, _ layout: CNEMCFormat.OzoneLayout?, chunk: Int = 1 << 20) -> HourlyReader {
        var reader = HourlyReader(format: layout.map { .cnemc($0) })
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            bytes[start..<min(start + chunk, bytes.count)].withUnsafeBytes { reader.feed($0) }
        }
        reader.finish()
        return reader
    }

    static func summary(_ reader: inout HourlyReader) -> [String] {
        let (observations, closed, _) = reader.take()
        return observations.map { "\($0.station) \($0.timepoint) o3=\($0.values.o3 ?? -1)" }
            + closed.map { "\($0.station) day \($0.statistics.dayNumber) max1h=\($0.statistics.o3Max1h ?? -1)" }
    }

    @Test func theArchiveIsRecognisedAndReadAsIfToldSo() throws {
        var told = Self.read(try Self.archiveRows(), .swappedArchive)
        var found = Self.read(try Self.archiveRows(), nil)
        #expect(found.ozoneLayout == .swappedArchive)
        #expect(found.format == .cnemc(.swappedArchive))
        let note = try #require(found.ozoneNote)
        #expect(!note.warning)
        #expect(note.text.contains("swapped layout"))
        #expect(found.ozoneEvidence.standardRows == 0 && found.ozoneEvidence.swappedRows > 100)
        #expect(Self.summary(&found) == Self.summary(&told))
    }

    @Test func theNationalLayoutGivesTheSameValues() throws {
        var archive = Self.read(try Self.archiveRows(), .swappedArchive)
        var national = Self.read(try Self.nationalRows(), .auto)
        #expect(national.ozoneLayout == .standard)
        #expect(national.ozoneNote?.text.contains("national layout") == true)
        let values = Self.summary(&national)
        #expect(values.count > 450, "\(values.count) observations and closed days")
        #expect(values == Self.summary(&archive))
    }

    /// Rows held until the layout is decided come out in order, whatever the chunk size.
    @Test func chunkingChangesNothing() throws {
        var whole = Self.read(try Self.archiveRows(), nil)
        var small = Self.read(try Self.archiveRows(), nil, chunk: 7)
        #expect(small.ozoneLayout == .swappedArchive)
        #expect(Self.summary(&small) == Self.summary(&whole))
    }

    @Test func aLayoutTheRowsContradictIsAWarning() throws {
        let reader = Self.read(try Self.archiveRows(), .standard)
        let note = try #require(reader.ozoneNote)
        #expect(note.warning)
        #expect(note.text.contains("read as standard as requested, but the rows say otherwise"))
    }

    @Test func rowsThatDisagreeAreAWarning() throws {
        let archive = try Self.archiveRows().split(separator: "\n").map(String.init)
        let national = try Self.nationalRows().split(separator: "\n").map(String.init)
        // 300 archive rows, then 20 national ones.
        let mixed = ([archive[0]] + archive[1...300] + national[301...320]).joined(separator: "\n")
        let reader = Self.read(mixed, nil)
        #expect(reader.ozoneLayout == .swappedArchive)
        let note = try #require(reader.ozoneNote)
        #expect(note.warning)
        #expect(note.text.hasPrefix("ambiguous"))
        #expect(reader.ozoneEvidence.firstStandardLine == 302)
    }

    @Test func rowsThatCannotTellAreReadAsNational() {
        let text = """
            timepoint,stationcode,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h
            2022-01-02T01:00:00,2160A,40,40,40,20,20,50,50,,,10,10,5,5,0.5,0.5
            """
        let reader = Self.read(text, nil)
        #expect(reader.ozoneLayout == .standard)
        #expect(reader.ozoneNote?.text.hasPrefix("no row tells") == true)
        #expect(reader.ozoneNote?.warning == false)
    }
}
