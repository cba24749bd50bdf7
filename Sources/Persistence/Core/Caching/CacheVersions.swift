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

    private struct Row: Decodable {
        var topic: String
        var version: Int
    }
}
