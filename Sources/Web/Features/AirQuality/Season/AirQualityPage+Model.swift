import AirQuality
import Campaign
import Foundation
import LantianCore
import Plot
import Services

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension AirQualityPage {
    struct Model {
        var figures: SeasonFigures
        var period: String
        var stations: [Station]
        var canDeclare: Bool
        var errors: [String]
        /// The season's first and last day numbers.
        var firstDay: Int
        var lastDay: Int
    }
}
