import Foundation
import LantianCore
import MarketSupervision
import Persistence

/// What 双随机抽取 shows: every draw with where it stands (inputs fixed, drawn, published — or late), and the form
/// that fixes a new draw's inputs.
extension DrawsPage {
    struct Model {
        struct Line {
            var id: UUID
            var title: String
            var kind: String
            var state: String
            var late: Bool
        }

        var lines: [Line]
        var mayManage: Bool
        var kinds: [(String, String)]
        var values: [String: String]
        var errors: [String]
    }
}

extension DrawsPage.Model {
    init(
        draws: [MarketStore.StoredDraw], mayManage: Bool, today: CivilDate, values: [String: String] = [:],
        errors: [String] = []
    ) {
        lines = draws.map { draw in
            let kind = MarketSite.Kind(rawValue: draw.objectKind)?.chinese ?? draw.objectKind
            let state = DrawPage.publication(draw, today: today)
            return Line(id: draw.id, title: draw.title, kind: kind, state: state.text, late: state.late)
        }
        self.mayManage = mayManage
        kinds = MarketSite.Kind.allCases.map { ($0.rawValue, $0.chinese) }
        self.values = values
        self.errors = errors
    }
}
