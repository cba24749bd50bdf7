import FluentKit
import Foundation
import SQLKit

extension MarketStore {
    /// One saved version of the standards library.
    public typealias StandardsVersion = DocumentVersions.Version

    private var standardsVersions: DocumentVersions {
        DocumentVersions(
            database: database, table: "market_standard_versions", topic: .market, action: "market.standards.save")
    }

    /// Saves `document` as the next version (checked by the caller), with the audit entry; returns its number.
    public func saveStandards(_ document: String, note: String, actor: AuditLog.Actor, at now: Date) async throws
        -> Int
    {
        try await standardsVersions.save(document, note: note, actor: actor, at: now)
    }

    /// Every saved version, newest first (documents included).
    public func standardsVersions() async throws -> [StandardsVersion] {
        try await standardsVersions.all()
    }

    /// The version in force, if the office has saved one.
    public func currentStandards() async throws -> StandardsVersion? {
        try await standardsVersions.current()
    }
}
