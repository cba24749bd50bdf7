import NIOConcurrencyHelpers

/// Values computed from stored records, kept while the records' cache versions stay the same (on any instance:
/// the versions live in the database). Versions only grow, so a slow computation that started before a write can
/// never file its value under the newer versions.
public final class VersionedCache<Value: Sendable>: Sendable {
    private let box = NIOLockedValueBox<(version: [Int], values: [String: Value])>(([], [:]))

    public init() {}

    /// The value for `key` at `version`, computed when not kept.
    public func value(version: [Int], key: String, compute: () async throws -> Value) async rethrows -> Value {
        if let hit = box.withLockedValue({ $0.version == version ? $0.values[key] : nil }) { return hit }
        let value = try await compute()
        box.withLockedValue { cache in
            if cache.version != version, cache.version.isEmpty || zip(version, cache.version).allSatisfy(>=) {
                cache = (version, [:])
            }
            if cache.version == version { cache.values[key] = value }
        }
        return value
    }
}
