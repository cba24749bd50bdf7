import AirQuality
import ArgumentParser
import Foundation
import Persistence
import Web

extension AQCommand {
    /// Stores stations' daily values from CNEMC files: all of them, or nothing on a fatal error.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import CNEMC hourly station files into the database (daily values per HJ 663).",
            discussion: """
                A day with ≥ 20 hourly rows is computed from them; otherwise the 00:00 row that closes it gives the
                feed's own daily means. Bad rows are reported (file:line, field, reason) and skipped; an unknown
                station code is fatal unless --register registers it. Re-importing the same data changes nothing.
                """)

        @ArgumentParser.Argument(help: "CNEMC hourly station CSV files.") var files: [String]
        @ArgumentParser.Option(help: "standard, or swappedArchive for the public archive's swapped ozone columns.")
        var ozone: CNEMCFormat.OzoneLayout = .standard
        @ArgumentParser.Option(help: "Register unknown stations as this kind (township, enterprise, provincial …).")
        var register: Station.Kind?

        func run() async throws {
            var records: [CNEMCFormat.Record] = []
            var stderr = FileHandleOutputStream.standardError
            var bad = 0
            for file in files {
                guard let data = FileManager.default.contents(atPath: file),
                    let text = String(data: data, encoding: .utf8)
                else { throw ArgumentParser.ValidationError("\(file): cannot read it as UTF-8 text") }
                let (read, issues) = CNEMCFormat.read(text, ozone: ozone)
                if let fatal = issues.first(where: { $0.field == "header" }) {
                    print("\(file): \(fatal) — nothing imported", to: &stderr)
                    throw ExitCode(1)
                }
                for issue in issues { print("\(file): \(issue)", to: &stderr) }
                bad += issues.count
                records += read
            }
            let days = CNEMCFormat.dailyStatistics(records)
            let stored = try await withApplication(firstStart: false) { app, _ in
                let store = AirQualityStore(database: app.db)
                let known = Set(try await store.stations().map(\.code))
                let unknown = Set(records.map(\.station)).subtracting(known)
                if !unknown.isEmpty {
                    guard let kind = register else {
                        print(
                            "unknown station(s) \(unknown.sorted().joined(separator: ", ")) — nothing imported; "
                                + "register them or pass --register KIND", to: &stderr)
                        throw ExitCode(1)
                    }
                    let new = unknown.sorted().map { code in
                        let name = records.first { $0.station == code }?.stationName ?? code
                        return Station(code: code, name: name, kind: kind, county: "", longitude: nil, latitude: nil)
                    }
                    try await store.upsertStations(new)
                }
                try await store.upsertDays(days, source: "cnemc-import")
                return days.count
            }
            print("read \(records.count) rows (\(bad) bad rows skipped); stored \(stored) station-days")
        }
    }
}

extension Station.Kind: ExpressibleByArgument {}
