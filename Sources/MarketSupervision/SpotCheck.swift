import LantianCore

/// One sampled batch (抽检批次) as the bureau's record keeps it, with the lab's results per item as written.
public struct SpotCheck: Hashable, Sendable {
    /// The standards library's product code (`diesel`, `def`, `coating-industrial-solvent-primer`).
    public var product: String
    public var brand: String
    public var specification: String
    /// 批号 or production date as labelled.
    public var batch: String
    public var producedOn: CivilDate?
    /// 标称生产企业.
    public var manufacturer: String
    /// The sampled site's registry code, when it is registered.
    public var siteCode: String?
    public var siteName: String
    public var address: String
    /// The county unit's code.
    public var county: String
    public var sampledOn: CivilDate
    public var testingBody: String
    /// The lab's results: item code → value as written.
    public var results: [String: MeasuredValue]

    public init(
        product: String, brand: String = "", specification: String = "", batch: String, producedOn: CivilDate? = nil,
        manufacturer: String = "", siteCode: String? = nil, siteName: String, address: String = "", county: String,
        sampledOn: CivilDate, testingBody: String = "", results: [String: MeasuredValue] = [:]
    ) {
        self.product = product
        self.brand = brand
        self.specification = specification
        self.batch = batch
        self.producedOn = producedOn
        self.manufacturer = manufacturer
        self.siteCode = siteCode
        self.siteName = siteName
        self.address = address
        self.county = county
        self.sampledOn = sampledOn
        self.testingBody = testingBody
        self.results = results
    }

    public var family: ProductFamily? { ProductFamily(product: product) }

    /// The verdict by the edition of the product's standard in force on the sampling day, with the standard's
    /// own comparison method; nil while no results are in or when the library has no edition for that day.
    public func verdict(in library: StandardsLibrary) -> Verdict? {
        guard !results.isEmpty, let standard = library.standard(for: product, on: sampledOn) else { return nil }
        return Verdict(results, against: standard)
    }
}
