import LantianCore

/// One edition of a product standard for one product (a grade of diesel, a kind of ink): the items a sample is
/// tested for, with their limits, and how measured values are compared.
public struct ProductStandard: Hashable, Sendable {
    /// The product code a spot-check names (`diesel`, `gasoline-vib`, `def`, `ink-solvent-gravure`).
    public var product: String
    /// 产品名称, as the bureau writes it (车用柴油（5号、0号、-10号）).
    public var productName: String
    /// The standard and edition, as cited (`GB 19147-2016`).
    public var standard: String
    public var title: String
    /// The first day the edition applies (实施日期); a sample is judged by the edition in force on its sampling day.
    public var effective: CivilDate
    /// The comparison method the standard prescribes.
    public var method: Limit.Method
    /// Where the method comes from, when the standard text itself was not at hand.
    public var methodNote: String?
    public var items: [Item]

    /// One tested item (检验项目).
    public struct Item: Hashable, Sendable {
        /// The code a lab file names (`sulfur`, `flash_point`).
        public var code: String
        /// 项目名称 (硫含量).
        public var name: String
        /// mg/kg, °C, % (m/m) …
        public var unit: String
        public var limit: Limit
        /// Whether the value was taken from the standard's text or confirmed by several sources; a value only
        /// recalled or from one secondary source is shown "待核实" until the office confirms it.
        public var verified: Bool
        /// Where the value comes from.
        public var source: String?

        public init(
            code: String, name: String, unit: String, limit: Limit, verified: Bool, source: String? = nil
        ) {
            self.code = code
            self.name = name
            self.unit = unit
            self.limit = limit
            self.verified = verified
            self.source = source
        }
    }

    public init(
        product: String, productName: String, standard: String, title: String, effective: CivilDate,
        method: Limit.Method, methodNote: String? = nil, items: [Item]
    ) {
        self.product = product
        self.productName = productName
        self.standard = standard
        self.title = title
        self.effective = effective
        self.method = method
        self.methodNote = methodNote
        self.items = items
    }

    public func item(_ code: String) -> Item? { items.first { $0.code == code } }
}
