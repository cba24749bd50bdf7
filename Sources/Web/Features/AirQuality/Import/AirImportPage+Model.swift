import AirQuality
import Foundation
import LantianCore
import Persistence
import Plot

/// What the page shows, built from the services' values without a request (page-model tests build it too).
extension AirImportPage {
    struct Model {
        var summary: (file: String, summary: HourlyImport.Summary)?
        var errors: [String]
        var corrections: [AirQualityStore.Correction]
        var maxMegabytes: Int
    }
}
