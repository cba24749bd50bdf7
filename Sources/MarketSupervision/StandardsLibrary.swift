import LantianCore

/// Every edition of every product standard Lantian knows, by product: a sample is judged by the edition in force on
/// its sampling day (`../shared/reference/supervision.md` §0: store the edition with every rule).
public struct StandardsLibrary: Sendable {
    public let editions: [ProductStandard]

    public init(editions: [ProductStandard]) {
        self.editions = editions.sorted { ($0.product, $0.effective) < ($1.product, $1.effective) }
    }

    /// The product codes, in file order of their first edition.
    public var products: [String] {
        var seen = Set<String>()
        return editions.map(\.product).filter { seen.insert($0).inserted }
    }

    /// The edition of `product`'s standard in force on `day` — the latest that took effect on or before it — or,
    /// with no day, the latest edition. Nil when none applies (the product is unknown, or the day is before its
    /// first edition).
    public func standard(for product: String, on day: CivilDate? = nil) -> ProductStandard? {
        let candidates = editions.filter { $0.product == product }
        guard let day else { return candidates.last }
        return candidates.last { $0.effective <= day }
    }

    /// `product`'s edition cited as `standard` (`GB 19147-2016`); spaces and the case of the letters do not matter.
    public func standard(for product: String, cited standard: String) -> ProductStandard? {
        func key(_ text: String) -> String { text.uppercased().filter { !$0.isWhitespace } }
        return editions.last { $0.product == product && key($0.standard) == key(standard) }
    }
}
