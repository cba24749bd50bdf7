/// What a sampling plan counts: the plan's table quotas fuel (车用汽柴油600批次), urea (尿素80批次) and VOCs products
/// (涂料10、胶黏剂5、清洗剂5); inks and clean coal are sampled under the forwarding notice's demands.
public enum ProductFamily: String, CaseIterable, Sendable, Codable {
    case fuel
    case urea
    case coatings
    case adhesives
    case cleaners
    case inks
    case coal

    /// The family of a product code of the standards library (`diesel-20` is fuel, `def` urea).
    public init?(product: String) {
        if product.hasPrefix("diesel") || product.hasPrefix("gasoline") {
            self = .fuel
        } else if product == "def" {
            self = .urea
        } else if product.hasPrefix("coating") {
            self = .coatings
        } else if product.hasPrefix("adhesive") {
            self = .adhesives
        } else if product.hasPrefix("cleaner") {
            self = .cleaners
        } else if product.hasPrefix("ink") {
            self = .inks
        } else if product.hasPrefix("coal") {
            self = .coal
        } else {
            return nil
        }
    }

    public var chinese: String {
        switch self {
        case .fuel: "车用汽柴油"
        case .urea: "车用尿素"
        case .coatings: "涂料"
        case .adhesives: "胶黏剂"
        case .cleaners: "清洗剂"
        case .inks: "油墨"
        case .coal: "清洁煤"
        }
    }

    /// The kinds of site whose annual coverage the family's plan shows: every filling station for fuel, clean-coal
    /// supply points for coal; none for the others, which are sampled by batch, not by site.
    public var coveredKind: MarketSite.Kind? {
        switch self {
        case .fuel: .fillingStation
        case .coal: .coalPoint
        default: nil
        }
    }
}
