import Foundation
import LantianCore
import MarketSupervision
import Services

/// What 录入抽检 shows: the product chosen (its standard's items as inputs), the record's fields as typed, the
/// registered sites the user's bureau may sample, and what was wrong with the last attempt.
extension SpotCheckFormPage {
    struct Model {
        struct Item {
            var code: String
            var name: String
            var unit: String
            var limit: String
            var verified: Bool
        }

        /// Product code and label, grouped by family.
        var products: [(code: String, label: String)]
        var product: String?
        var standard: String?
        var method: String?
        var items: [Item]
        var sites: [(code: String, label: String)]
        var counties: [(code: String, name: String)]
        /// Field name → value as typed; `result.ITEM` for results.
        var values: [String: String]
        var errors: [String]
    }
}

extension SpotCheckFormPage.Model {
    init(
        library: StandardsLibrary, product: String?, sites: [MarketSite], bureaus: MarketBureaus,
        access: MarketAccess, values: [String: String], errors: [String], today: CivilDate
    ) {
        products = library.products.compactMap { code in
            guard let standard = library.standard(for: code) else { return nil }
            return (
                code, "\(ProductFamily(product: code)?.chinese ?? "其他") · \(standard.productName)（\(standard.standard)）"
            )
        }
        self.product = product
        let day = values["sampledOn"].flatMap { CivilDate(cell: $0) } ?? today
        let standard = product.flatMap { library.standard(for: $0, on: day) ?? library.standard(for: $0) }
        self.standard = standard.map { "\($0.standard) \($0.title)（\($0.effective) 起施行）" }
        method = standard?.method.chinese
        items =
            standard?.items.map {
                Item(code: $0.code, name: $0.name, unit: $0.unit, limit: $0.limit.text, verified: $0.verified)
            } ?? []
        self.sites = sites.filter { access.mayWork(in: $0.county) }.map {
            ($0.code, "\($0.code) \($0.name)（\(bureaus.countyName($0.county))）")
        }
        counties = bureaus.counties.filter { access.mayWork(in: $0.code) }.map {
            ($0.code, bureaus.countyName($0.code))
        }
        var values = values
        if values["sampledOn"] == nil { values["sampledOn"] = today.description }
        self.values = values
        self.errors = errors
    }
}
