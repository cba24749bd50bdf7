import Fluent
import Foundation

/// Writes the audit log: every write of Lantian goes through here, in the same transaction as the write.
public struct AuditLog: Sendable {
    /// Who did it.
    public struct Actor: Sendable {
        public var userID: UUID?
        public var username: String

        public init(userID: UUID?, username: String) {
            self.userID = userID
            self.username = username
        }

        /// Changes made by Lantian itself (first start, seeding).
        public static let system = Actor(userID: nil, username: "system")
    }

    public static func record<Before: Encodable, After: Encodable>(
        on database: any Database, actor: Actor, action: String, entity: String, entityID: String?,
        before: Before?, after: After?, at: Date
    ) async throws {
        try await AuditRecord(
            at: at, userID: actor.userID, username: actor.username, action: action, entity: entity,
            entityID: entityID, before: json(before), after: json(after)
        ).create(on: database)
    }

    private static func json<T: Encodable>(_ value: T?) -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Stands for "nothing" in an audit entry's before or after.
public struct Nothing: Encodable, Sendable {}
