import FluentKit
import MarketSupervision
import NIOConcurrencyHelpers
import Persistence
import Seed

/// The standards library in force — the office's latest saved version, or the shipped file — read once per
/// `market` cache version.
public final class StandardsLibraryCache: Sendable {
    private let box = NIOLockedValueBox<(version: Int, library: StandardsLibrary, number: Int?)?>(nil)

    public init() {}

    /// The library, and the saved version's number (nil: the shipped file).
    public func library(on db: any Database) async throws -> (library: StandardsLibrary, version: Int?) {
        let version = try await CacheVersions.read(on: db)[.market]
        if let cached = box.withLockedValue({ $0 }), cached.version == version {
            return (cached.library, cached.number)
        }
        let saved = try await MarketStore(database: db).currentStandards()
        var library = Market.shippedLibrary
        if let saved, let read = try? StandardsFile.read(saved.document) { library = read }
        box.withLockedValue { $0 = (version, library, saved?.version) }
        return (library, saved?.version)
    }
}
