import Fluent
import FluentPostgresDriver
import Foundation
import LantianTestSupport
import NIOConcurrencyHelpers
import Persistence
import SQLKit
import Services
import Vapor
import VaporTesting
import Web

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let box: NIOLockedValueBox<Date>

    init(_ text: String) { box = .init(TestClock.parse(text)) }

    var now: Date { box.withLockedValue { $0 } }
    func set(_ text: String) { box.withLockedValue { $0 = TestClock.parse(text) } }

    /// `2021-11-05T23:59:00+08:00`
    static func parse(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }
}

/// Runs `body` against a fresh Lantian: in-memory SQLite, or the PostgreSQL of `DATABASE_URL` with an emptied
/// schema. The Jincheng plan is loaded; the first-start administrator's one-time password is passed along.
func withLantian(
    at time: String = "2021-11-03T10:00:00+08:00",
    _ body: (Application, TestClock, FirstStart?) async throws -> Void
) async throws {
    let clock = TestClock(time)
    let files = FileManager.default.temporaryDirectory.appendingPathComponent("lantian-test-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: files) }
    guard let url = SharedPostgres.url else {
        let configuration = AppConfiguration(
            storage: .sqliteInMemory, filesDirectory: files, maxUploadBytes: 1 << 20, now: { clock.now })
        try await withApp { app in
            let first = try await configure(app, configuration)
            try await body(app, clock, first)
        }
        return
    }
    // One PostgreSQL database for every suite of every target: tests take turns, each on an emptied schema.
    await SharedPostgres.turn.acquire()
    do {
        try await SharedPostgres.reset(url)
        let configuration = AppConfiguration(
            storage: .postgres(url: url), filesDirectory: files, maxUploadBytes: 1 << 20, now: { clock.now })
        try await withApp { app in
            let first = try await configure(app, configuration)
            try await body(app, clock, first)
        }
        await SharedPostgres.turn.release()
    } catch {
        await SharedPostgres.turn.release()
        throw error
    }
}

/// Creates a user with a known password (no forced change), for tests.
func makeUser(_ app: Application, _ username: String, role: String, unit: String) async throws {
    _ = try await UserAccounts(db: app.db).create(
        username: username, displayName: username, role: role, unitCode: unit, password: testPassword,
        actor: .system, at: Date())
}

/// The password every test user gets.
let testPassword = "Blue-sky-2021-test"
