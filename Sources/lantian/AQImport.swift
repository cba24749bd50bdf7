import AirQuality
import ArgumentParser
import Foundation
import Persistence
import Synchronization

extension AQCommand {
    /// Stores hourly station files: all of them, or nothing on a fatal error.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import hourly station files (CNEMC, wide, long, PRSA) into the database.",
            discussion: """
                The layout is told from each file's header (docs/AIR-DATA.md gives their time and unit conventions).
                Re-importing the same data changes nothing; a corrected value replaces the stored one and the old value
                is recorded; a missing value never erases one. Bad lines are reported (file, line, field, reason) and
                skipped; an unusable header or an unknown station code (unless --register) imports nothing at all.
                The days touched are recomputed per HJ 663.
                """)

        @ArgumentParser.Argument(help: "Hourly station CSV files.") var files: [String]
        @ArgumentParser.Option(help: "auto, cnemc, wide, long or prsa.") var layout: LayoutChoice = .auto
        @ArgumentParser.Option(
            help: "CNEMC only: auto (told from each file's rows), standard, or swappedArchive (the public archive).")
        var ozone: CNEMCFormat.OzoneLayout = .auto
        @ArgumentParser.Option(help: "Register unknown stations as this kind (township, enterprise, provincial …).")
        var register: Station.Kind?

        func run() async throws {
            var stderr = FileHandleOutputStream.standardError
            let sources = try files.map { try FileChunks(path: $0) }
            let format = layout.format(ozone: ozone)
            let register = register
            do {
                let bars = Mutex(sources.map { ProgressBar(label: $0.path, total: $0.size) })
                let sizes = sources.map(\.size)
                let files: [(options: HourlyImport.Options, next: @Sendable () throws -> [UInt8]?)] = sources.map {
                    source in
                    (
                        HourlyImport.Options(
                            format: format, registerUnknownAs: register,
                            source: (source.path as NSString).lastPathComponent, actor: .cli),
                        source.next
                    )
                }
                let imported = try await withDatabase { db, _ in
                    // Each file in short transactions; a failure undoes every file before it too.
                    try await HourlyImport(database: db).runAll(files, at: Date()) { index, p in
                        bars.withLock { bars in
                            bars[index].update(done: p.bytesRead, detail: "\(p.stationHours) station-hours")
                            if p.bytesRead >= sizes[index] { bars[index].finish() }
                        }
                    }
                }
                let summaries: [(String, HourlyImport.Summary)] = Array(zip(sources.map(\.path), imported))
                for (path, summary) in summaries {
                    for issue in summary.issues { print("\(path): \(issue)", to: &stderr) }
                    for warning in summary.warnings { print("\(path): warning: \(warning)", to: &stderr) }
                    if !summary.ozone.isEmpty {
                        print("\(path): \(summary.ozoneWarning ? "warning: " : "")ozone: \(summary.ozone)", to: &stderr)
                    }
                    if summary.badLines > summary.issues.count {
                        print("\(path): … \(summary.badLines - summary.issues.count) more bad lines", to: &stderr)
                    }
                    print(
                        "\(path) (\(summary.format)): \(summary.stationHours) station-hours — \(summary.inserted) new, "
                            + "\(summary.updated) corrected (\(summary.correctedValues) values), "
                            + "\(summary.unchanged) unchanged; \(summary.badLines) bad lines skipped; "
                            + "\(summary.stationDays) station-days computed"
                            + (summary.registeredStations.isEmpty
                                ? ""
                                : "; registered \(summary.registeredStations.count) station(s): "
                                    + summary.registeredStations.prefix(10).joined(separator: ", ")
                                    + (summary.registeredStations.count > 10 ? " …" : "")))
                }
            } catch let failure as HourlyImport.Failure {
                print("\(failure)", to: &stderr)
                throw ExitCode(1)
            }
        }
    }
}

/// The layout of an input file, or told from its header.
enum LayoutChoice: String, ExpressibleByArgument {
    case auto, cnemc, wide, long, prsa

    func format(ozone: CNEMCFormat.OzoneLayout) -> HourlyFormat? {
        switch self {
        case .auto: ozone == .auto ? nil : .cnemc(ozone)
        case .cnemc: .cnemc(ozone)
        case .wide: .wide
        case .long: .long
        case .prsa: .prsa
        }
    }
}

extension AuditLog.Actor {
    /// Changes made from the command line, by whoever runs it on the server.
    static var cli: AuditLog.Actor {
        AuditLog.Actor(userID: nil, username: "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown"))
    }
}

extension Station.Kind: ExpressibleByArgument {}
