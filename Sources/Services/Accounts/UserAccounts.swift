import Campaign
import FluentKit
import Foundation
import LantianCore
import Persistence

/// Creates accounts and resets passwords, for the admin pages and the CLI alike. New passwords are random and
/// one-time: the user must choose their own at first login.
public struct UserAccounts: Sendable {
    public let db: any Database
    public let hasher: PasswordHashing

    public init(db: any Database, hasher: PasswordHashing) {
        self.db = db
        self.hasher = hasher
    }

    public struct Problems: Error, CustomStringConvertible {
        public var messages: [String]
        public var description: String { messages.joined(separator: "\n") }
    }

    /// Creates the account and returns its one-time password.
    public func create(
        username rawUsername: String, displayName rawName: String, role rawRole: String, unitCode: String,
        password: String? = nil, actor: AuditLog.Actor, at now: Date
    ) async throws -> String {
        let username = rawUsername.trimmingCharacters(in: .whitespaces)
        let displayName = rawName.trimmingCharacters(in: .whitespaces)
        var problems: [String] = []
        if username.count < 2 || username.count > 40
            || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        {
            problems.append("用户名为 2–40 位英文字母、数字或 - _ .")
        }
        if displayName.isEmpty { problems.append("请填写姓名") }
        let role = Role(rawValue: rawRole)
        if role == nil { problems.append("角色必须是 \(Role.allCases.map(\.rawValue).joined(separator: "、")) 之一") }
        let unit = try await UnitRecord.query(on: db).filter(\.$code == unitCode).first()
        if unit == nil { problems.append("单位代码 \(unitCode) 不存在") }
        if try await UserRecord.query(on: db).filter(\.$username == username).first() != nil {
            problems.append("用户名 \(username) 已被使用")
        }
        if let password, let weakness = Passwords.weakness(password, username: username) { problems.append(weakness) }
        guard problems.isEmpty, let role, let unit else { throw Problems(messages: problems) }
        let secret = password ?? Passwords.random()
        let user = UserRecord(
            username: username, displayName: displayName, passwordHash: try hasher.hash(secret), role: role,
            unitID: try unit.requireID())
        user.mustChangePassword = password == nil
        try await db.writeTransaction { tx in
            try await user.create(on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, action: "user.create", entity: "user", entityID: username, before: Nothing?.none,
                after: ["username": username, "displayName": displayName, "role": role.rawValue, "unit": unitCode],
                at: now)
        }
        return secret
    }

    /// One account of a bulk import, with the line it came from.
    public struct Row: Sendable {
        public var line: Int
        public var username: String
        public var displayName: String
        public var role: String
        public var unitCode: String
        public var password: String?

        public init(line: Int, username: String, displayName: String, role: String, unitCode: String, password: String?)
        {
            self.line = line
            self.username = username
            self.displayName = displayName
            self.role = role
            self.unitCode = unitCode
            self.password = password
        }
    }

    /// The rows of an accounts file: UTF-8 CSV (RFC 4180 quoting; a byte-order mark is skipped) with the header
    /// `username,name,role,unit[,password]`. Throws every malformed line, numbered from 1, at once.
    public static func rows(csv text: String) throws -> [Row] {
        var header: [String] = []
        var rows: [Row] = []
        var problems: [String] = []
        CSVScanner.rows(text) { line in
            if line.line == 1 {
                header = line.texts.map { $0.lowercased() }
                return
            }
            guard !line.isBlank else { return }
            // A quoted name may hold a comma ("王伟, 副主任").
            let fields = line.texts
            guard fields.count == 4 || fields.count == 5 else {
                problems.append("line \(line.line): expected 4 or 5 fields, found \(fields.count)")
                return
            }
            rows.append(
                Row(
                    line: line.line, username: fields[0], displayName: fields[1], role: fields[2],
                    unitCode: fields[3], password: fields.count == 5 && !fields[4].isEmpty ? fields[4] : nil))
        }
        guard header.first == "username" else {
            throw Problems(messages: ["line 1: the header must be username,name,role,unit[,password]"])
        }
        if !problems.isEmpty { throw Problems(messages: problems) }
        return rows
    }

    /// Creates every account of `rows` in one transaction, or none: every problem is reported with its line.
    /// Returns each new username with its password (one-time where the row gave none).
    public func importRows(_ rows: [Row], actor: AuditLog.Actor, at now: Date) async throws -> [(String, String)] {
        try await db.writeTransaction { tx in
            var created: [(String, String)] = []
            var problems: [String] = []
            let accounts = UserAccounts(db: tx, hasher: hasher)
            for row in rows {
                if rows.contains(where: { $0.line < row.line && $0.username == row.username }) {
                    problems.append("line \(row.line): 用户名 \(row.username) 在文件中重复")
                    continue
                }
                do {
                    let secret = try await accounts.create(
                        username: row.username, displayName: row.displayName, role: row.role, unitCode: row.unitCode,
                        password: row.password, actor: actor, at: now)
                    created.append((row.username, secret))
                } catch let error as Problems {
                    problems += error.messages.map { "line \(row.line): \($0)" }
                }
            }
            if !problems.isEmpty { throw Problems(messages: problems) }
            return created
        }
    }

    /// Gives the account a new one-time password and returns it.
    public func resetPassword(username: String, actor: AuditLog.Actor, at now: Date) async throws -> String {
        guard let user = try await UserRecord.query(on: db).filter(\.$username == username).first() else {
            throw ServiceError.notFound("没有这个用户")
        }
        let secret = Passwords.random()
        user.passwordHash = try hasher.hash(secret)
        user.mustChangePassword = true
        // Whoever held the old password is out: its sessions end and its API tokens are revoked.
        user.endSessions()
        try await db.writeTransaction { tx in
            try await user.update(on: tx)
            let revoked = try await APITokens.revokeAll(of: user.requireID(), on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, action: "user.resetPassword", entity: "user", entityID: username,
                before: Nothing?.none, after: ["tokensRevoked": revoked], at: now)
        }
        return secret
    }

    /// Deactivates or reactivates the account; deactivating ends its sessions and revokes its API tokens.
    public func setActive(_ active: Bool, username: String, actor: AuditLog.Actor, at now: Date) async throws {
        guard let user = try await UserRecord.query(on: db).filter(\.$username == username).first() else {
            throw ServiceError.notFound("没有这个用户")
        }
        let before = user.active
        user.active = active
        if !active { user.endSessions() }
        try await db.writeTransaction { tx in
            try await user.update(on: tx)
            let revoked = active ? 0 : try await APITokens.revokeAll(of: user.requireID(), on: tx)
            try await AuditLog.record(
                on: tx, actor: actor, action: "user.active", entity: "user", entityID: username,
                before: ActiveChange(active: before, tokensRevoked: nil),
                after: ActiveChange(active: active, tokensRevoked: revoked), at: now)
        }
    }

    private struct ActiveChange: Encodable {
        var active: Bool
        var tokensRevoked: Int?
    }
}
