import Foundation

/// Ranks by one value, as the 城市环境空气质量排名技术规定 ranks cities (and the office its counties): values are
/// rounded to the places they are published with (GB/T 8170, half to even), and equal rounded values share a
/// rank, the next rank skipping the shared places (1, 2, 2, 4). Entries without a value come last, unranked.
public struct Ranking<Key: Hashable & Sendable>: Sendable {
    public struct Entry: Sendable {
        public var key: Key
        public var value: Double?
        /// The value as ranked (rounded to ``Ranking/places``).
        public var rounded: Double?
        /// 1 for the best; nil without a value.
        public var rank: Int?
        /// How many entries share this rank (1 when alone).
        public var sharedBy: Int
    }

    public var entries: [Entry]
    public let places: Int

    /// `lowerIsBetter` for concentrations, composite indexes and change rates; false for scores.
    public init(_ values: [(key: Key, value: Double?)], places: Int, lowerIsBetter: Bool = true) {
        self.places = places
        let scale = pow(10, Double(places))
        let rounded = values.map { item -> Entry in
            Entry(
                key: item.key, value: item.value,
                rounded: item.value.map { ($0 * scale).rounded(.toNearestOrEven) / scale }, rank: nil, sharedBy: 1)
        }
        let order = rounded.indices.sorted { a, b in
            switch (rounded[a].rounded, rounded[b].rounded) {
            case (let x?, let y?): return x == y ? a < b : (lowerIsBetter ? x < y : x > y)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
        var sorted = order.map { rounded[$0] }
        var position = 0
        while position < sorted.count, let value = sorted[position].rounded {
            var end = position
            while end + 1 < sorted.count, sorted[end + 1].rounded == value { end += 1 }
            for index in position...end {
                sorted[index].rank = position + 1
                sorted[index].sharedBy = end - position + 1
            }
            position = end + 1
        }
        entries = sorted
    }

    /// The entry of `key`.
    public func entry(_ key: Key) -> Entry? { entries.first { $0.key == key } }

    /// `3` or `并列3`.
    public static func rankText(_ entry: Entry) -> String {
        guard let rank = entry.rank else { return "—" }
        return entry.sharedBy > 1 ? "并列\(rank)" : "\(rank)"
    }
}
