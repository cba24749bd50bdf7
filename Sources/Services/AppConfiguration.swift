import Foundation

/// Lantian's configuration, one typed value read from the environment. Tests build their own.
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `DATABASE_URL` | `postgres://user:pass@host:port/db` selects PostgreSQL | SQLite at `<data>/lantian.sqlite` |
/// | `LANTIAN_DATA_DIR` | SQLite file and evidence files | `./data` |
/// | `LANTIAN_HOST`, `LANTIAN_PORT` | where `serve` listens | `127.0.0.1`, `8080` |
/// | `LANTIAN_MAX_UPLOAD_MB` | the largest evidence file or plan file accepted | `20` |
/// | `LANTIAN_SEED` | `0` to start without the Jincheng plan | `1` |
/// | `LANTIAN_HTTPS` | `1` when browsers reach Lantian over HTTPS (a TLS proxy in front): `Secure` cookies and HSTS | `0` |
/// | `LANTIAN_TRUST_PROXY` | `1` when a proxy in front sets `X-Forwarded-For`: the client address for sign-in throttling is its last entry | `0` |
/// | `LANTIAN_REMIND_DAYS` | how many days before a monthly report's deadline (the 5th) a unit that has not reported is reminded | `3` |
/// | `LANTIAN_NOTICE_GATEWAY` | where notices go besides the home page: `log` (the server log) or `none` | `log` |
/// | `LANTIAN_CLOCK_START` | training and demo instances: the clock starts at this ISO 8601 time and runs on | the real time |
public struct AppConfiguration: Sendable {
    public enum Storage: Sendable, Equatable {
        case sqlite(path: String)
        case sqliteInMemory
        case postgres(url: String)
    }

    public var storage: Storage
    /// Where evidence files are kept.
    public var filesDirectory: String
    public var hostname: String
    public var port: Int
    /// The largest upload accepted, bytes.
    public var maxUploadBytes: Int
    /// Load the bundled Jincheng plan when no plan is stored.
    public var seedJincheng: Bool
    /// Browsers reach Lantian over HTTPS (through a TLS proxy): cookies are `Secure` and HSTS is sent.
    public var https: Bool
    /// A proxy in front sets `X-Forwarded-For`; its last entry is the client's address.
    public var trustProxy: Bool
    /// The current time; tests pass a fixed clock.
    public var now: @Sendable () -> Date
    /// Days before a report deadline that the unit is reminded (``Notices``).
    public var remindDaysAhead: Int = 3
    /// Where notices go besides the home page.
    public var noticeGateway: NoticeGatewayKind = .log
    /// Whether this process sweeps for due notices every few minutes (`serve` does; tests and one-shot commands
    /// do not).
    public var sweepsNotices = false

    public enum NoticeGatewayKind: String, Sendable {
        case log, none
    }

    public init(
        storage: Storage, filesDirectory: String, hostname: String = "127.0.0.1", port: Int = 8080,
        maxUploadBytes: Int = 20 << 20, seedJincheng: Bool = true, https: Bool = false, trustProxy: Bool = false,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.storage = storage
        self.filesDirectory = filesDirectory
        self.hostname = hostname
        self.port = port
        self.maxUploadBytes = maxUploadBytes
        self.seedJincheng = seedJincheng
        self.https = https
        self.trustProxy = trustProxy
        self.now = now
    }

    /// A configuration value that cannot be used, named with the variable it came from.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads the environment; throws on a value that is present but unusable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> AppConfiguration
    {
        let dataDirectory = environment["LANTIAN_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        let storage: Storage
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            guard let parsed = URL(string: url), ["postgres", "postgresql"].contains(parsed.scheme ?? ""),
                parsed.host != nil
            else {
                throw Invalid(description: "DATABASE_URL must look like postgres://user:password@host:5432/database")
            }
            storage = .postgres(url: url)
        } else {
            storage = .sqlite(path: dataDirectory + "/lantian.sqlite")
        }
        func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
            guard let text = environment[name], !text.isEmpty else { return value }
            guard let number = Int(text), range.contains(number) else {
                throw Invalid(
                    description:
                        "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\""
                )
            }
            return number
        }
        func switchOn(_ name: String, default value: Bool) throws -> Bool {
            guard let text = environment[name], !text.isEmpty else { return value }
            guard ["0", "1", "false", "true"].contains(text) else {
                throw Invalid(description: "\(name) must be 1 or 0, not \"\(text)\"")
            }
            return text == "1" || text == "true"
        }
        var now: @Sendable () -> Date = { Date() }
        if let text = environment["LANTIAN_CLOCK_START"], !text.isEmpty {
            guard let start = ISO8601DateFormatter().date(from: text) else {
                throw Invalid(
                    description:
                        "LANTIAN_CLOCK_START must be an ISO 8601 time like 2021-11-04T09:00:00+08:00, not \"\(text)\"")
            }
            let launched = Date()
            now = { start.addingTimeInterval(Date().timeIntervalSince(launched)) }
        }
        var configuration = AppConfiguration(
            storage: storage, filesDirectory: dataDirectory + "/files",
            hostname: environment["LANTIAN_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1",
            port: try integer("LANTIAN_PORT", default: 8080, in: 1...65535),
            maxUploadBytes: try integer("LANTIAN_MAX_UPLOAD_MB", default: 20, in: 1...1024) << 20,
            seedJincheng: try switchOn("LANTIAN_SEED", default: true),
            https: try switchOn("LANTIAN_HTTPS", default: false),
            trustProxy: try switchOn("LANTIAN_TRUST_PROXY", default: false), now: now)
        configuration.remindDaysAhead = try integer("LANTIAN_REMIND_DAYS", default: 3, in: 0...15)
        if let text = environment["LANTIAN_NOTICE_GATEWAY"], !text.isEmpty {
            guard let kind = NoticeGatewayKind(rawValue: text) else {
                throw Invalid(description: "LANTIAN_NOTICE_GATEWAY must be log or none, not \"\(text)\"")
            }
            configuration.noticeGateway = kind
        }
        return configuration
    }
}
