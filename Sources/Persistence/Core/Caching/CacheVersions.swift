import FluentKit
import SQLKit

/// The version of every cache topic, read in one query: a cache keeps what it holds while its topic's version
/// stays the same.
public struct CacheVersions: Sendable, Equatable {
    private var versions: [CacheTopic: Int]

    public init(_ versions: [CacheTopic: Int] = [:]) {
        self.versions = versions
    }

    /// The topic's version; 0 before its first write.
    public subscript(topic: CacheTopic) -> Int { versions[topic] ?? 0 }

    /// Reads every topic's version.
    public static func read(on database: any Database) async throws -> CacheVersions {
        let rows = try await (database as! any SQLDatabase).raw("SELECT topic, version FROM cache_versions")
            .all(decoding: Row.self)
        var versions: [CacheTopic: Int] = [:]
        for row in rows { if let topic = CacheTopic(rawValue: row.topic) { versions[topic] = row.version } }
        return CacheVersions(versions)
    }

    /// Counts one write to each of `topics`, inside the transaction `database` is in.
    static func bump(_ topics: Set<CacheTopic>, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for topic in topics.sorted(by: { $0.rawValue < $1.rawValue }) {
            try await sql.raw(
                """
                INSERT INTO cache_versions (topic, version) VALUES (\(bind: topic.rawValue), 1)
                ON CONFLICT (topic) DO UPDATE SET version = cache_versions.version + 1
                """
            ).run()
        }
    }

    /// The version of `topic` as the transaction `database` is in has counted it (after ``bump(_:on:)``).
    static func current(_ topic: CacheTopic, on database: any Database) async throws -> Int {
        struct Version: Decodable { var version: Int }
        return try await (database as! any SQLDatabase)
            .raw("SELECT version FROM cache_versions WHERE topic = \(bind: topic.rawValue)")
            .first(decoding: Version.self)?.version ?? 0
    }

    private struct Row: Decodable {
        var topic: String
        var version: Int
    }
}
