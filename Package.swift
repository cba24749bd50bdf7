// swift-tools-version:6.2
import PackageDescription

// CI builds with every warning an error (see .ci/run); day-to-day builds only report them.
let strict: [SwiftSetting] = Context.environment["LANTIAN_STRICT"] == "1" ? [.treatAllWarnings(as: .error)] : []

let package = Package(
    name: "lantian",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lantian", targets: ["lantian"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder.git", from: "0.18.2"),
    ],
    targets: [
        // The shared core: civil days and hours, report months, CSV fields and numbers, import issues.
        .target(
            name: "LantianCore", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: strict),
        .target(
            name: "Campaign",
            dependencies: ["LantianCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(name: "AirQuality", dependencies: ["LantianCore"], swiftSettings: strict),
        // Market supervision (市场监管): product standards in editions, verdicts by GB/T 8170. Pure.
        .target(
            name: "MarketSupervision",
            dependencies: [
                "LantianCore", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // Heavy-pollution response (重污染天气应急): warning rules in editions, enterprises and grades, measures as
        // data, emission-reduction lists and the gap-closer. Pure.
        .target(
            name: "Emergency", dependencies: ["LantianCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        // Pollution-source monitoring (污染源监测): HJ 212 packets and tables, hourly validity (HJ 75/76), oxygen
        // correction, the anomaly rules. Pure.
        .target(name: "SourceMonitoring", dependencies: ["LantianCore"], swiftSettings: strict),
        // Ledgers (台账): ledger types as data, rows checked field by field, the indicators they compute. Pure.
        .target(
            name: "Ledger", dependencies: ["LantianCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        // Assessment (调度通报 and 考核): the monthly bulletin written from the capabilities' facts, rankings with
        // shared places, document numbers. Pure.
        .target(
            name: "Assessment",
            dependencies: ["LantianCore", "Campaign", "AirQuality", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        // Word documents (.docx, WordprocessingML) written directly with ZIPFoundation: styles, headings, tables,
        // page numbers, A4, the fonts government documents use.
        .target(
            name: "WordDocument",
            dependencies: ["LantianCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict),
        // Uploaded tables as rows of text: CSV in UTF-8 or GB18030, and .xlsx read directly (ZIPFoundation + XMLCoder).
        .target(
            name: "Spreadsheet",
            dependencies: [
                "LantianCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
            ],
            swiftSettings: strict),
        .target(
            name: "Seed",
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .target(
            name: "Persistence",
            // FluentKit and SQLKit (and PostgresNIO for COPY) only: no Vapor below the web app.
            dependencies: [
                "LantianCore",
                "AirQuality",
                "Campaign",
                "MarketSupervision",
                "Emergency",
                "SourceMonitoring",
                "Ledger",
                "Assessment",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The application layer: what the web app and the CLI both do (accounts, tokens, plan import, the
        // campaign's snapshots and season figures with their caches). No Vapor.
        .target(
            name: "Services",
            dependencies: [
                "LantianCore", "Campaign", "AirQuality", "MarketSupervision", "Emergency", "SourceMonitoring", "Ledger",
                "Assessment", "WordDocument", "Persistence", "Seed", "Spreadsheet",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Web",
            dependencies: [
                "LantianCore",
                "AirQuality",
                "Campaign",
                "MarketSupervision",
                "Emergency",
                "SourceMonitoring",
                "Persistence",
                "Services",
                "Seed",
                "Assessment",
                "WordDocument",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "lantian",
            dependencies: [
                "LantianCore",
                "AirQuality",
                "MarketSupervision",
                "Emergency",
                "SourceMonitoring",
                "Ledger",
                "Persistence",
                "Seed",
                "Services",
                "Spreadsheet",
                "Web",
                "Assessment",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "LantianCoreTests", dependencies: ["LantianCore"], swiftSettings: strict),
        .testTarget(
            name: "AssessmentTests",
            dependencies: [
                "LantianCore", "Assessment", "WordDocument", "Campaign", "Seed",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "CampaignTests", dependencies: ["LantianCore", "Campaign", "Seed"], swiftSettings: strict),
        .testTarget(
            name: "SpreadsheetTests", dependencies: ["LantianCore", "Spreadsheet"], resources: [.copy("Resources")],
            swiftSettings: strict),
        .testTarget(
            name: "MarketSupervisionTests", dependencies: ["LantianCore", "MarketSupervision", "Seed"],
            swiftSettings: strict),
        .testTarget(
            name: "SourceMonitoringTests", dependencies: ["LantianCore", "SourceMonitoring"], swiftSettings: strict),
        .testTarget(
            name: "LedgerTests", dependencies: ["LantianCore", "Campaign", "Ledger", "Seed"], swiftSettings: strict),
        .testTarget(
            name: "EmergencyTests", dependencies: ["LantianCore", "Emergency", "Seed"], swiftSettings: strict),
        .testTarget(
            name: "AirQualityTests", dependencies: ["LantianCore", "AirQuality", "Seed"],
            resources: [.copy("Resources")],
            swiftSettings: strict),
        // What the database-backed test targets share: one PostgreSQL database taken in turns, a fresh database.
        .target(
            name: "LantianTestSupport",
            dependencies: [
                "Persistence", "Services",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/LantianTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "PersistenceTests",
            dependencies: [
                "LantianCore", "AirQuality", "Campaign", "Persistence", "Seed", "LantianTestSupport",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "LantianCore",
                "AirQuality",
                "Campaign",
                "MarketSupervision",
                "Emergency",
                "SourceMonitoring",
                "Ledger",
                "Persistence",
                "Seed",
                "Services",
                "Web",
                "Assessment",
                "WordDocument",
                "LantianTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Pages/__Snapshots__"],
            swiftSettings: strict
        ),
    ]
)
