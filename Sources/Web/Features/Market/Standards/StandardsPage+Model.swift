import Foundation
import LantianCore
import MarketSupervision
import Persistence

/// What 产品标准库 shows: every edition in force with its items and limits as written, which values are still to
/// be verified, the saved versions (the history), and for the city bureau the document to edit.
extension StandardsPage {
    struct Model {
        struct Edition {
            var product: String
            var name: String
            var standard: String
            var effective: String
            var method: String
            var items: [(code: String, name: String, unit: String, limit: String, verified: Bool)]
        }

        var editions: [Edition]
        var source: String
        var unverified: Int
        var versions: [(version: Int, note: String, by: String, at: String)]
        var document: String
        var shown: Int?
        var mayEdit: Bool
        var note: String
        var errors: [String]
    }
}

extension StandardsPage.Model {
    init(
        library: StandardsLibrary, current: Int?, versions: [MarketStore.StandardsVersion], document: String,
        shown: Int?, mayEdit: Bool, zone: TimeZone, note: String = "", errors: [String] = []
    ) {
        editions = library.editions.map { edition in
            Edition(
                product: edition.product, name: edition.productName, standard: edition.standard,
                effective: edition.effective.description, method: edition.method.chinese,
                items: edition.items.map { ($0.code, $0.name, $0.unit, $0.limit.text, $0.verified) })
        }
        unverified = library.editions.reduce(0) { $0 + $1.items.filter { !$0.verified }.count }
        source = current.map { "第 \($0) 版（大气办/市场监管局保存）" } ?? "随蓝天发布的标准库（尚未修订）"
        self.versions = versions.map { ($0.version, $0.note, $0.savedBy, UI.dateTime($0.savedAt, in: zone)) }
        self.document = document
        self.shown = shown
        self.mayEdit = mayEdit
        self.note = note
        self.errors = errors
    }
}
