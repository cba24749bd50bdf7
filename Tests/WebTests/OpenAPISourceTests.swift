import Campaign
import Foundation
import Testing

@testable import Web

/// Every kind of indicator source the API can return is one the OpenAPI document describes (schemathesis found a
/// new kind missing once; this catches it without a server).
@Suite struct OpenAPISourceTests {
    static let examples: [Indicator.Source] = [
        .report, .ledger(name: "households", aggregate: "count"), .measurement(code: "dustfall"),
        .airQuality(metric: "dustfall"), .market(metric: "fuel-batches"), .sources(metric: "vocs-coverage"),
    ]

    @Test func everySourceKindIsInTheDocument() throws {
        // Exhaustive: a new kind of source fails to compile here until it is added to the examples.
        for source in Self.examples {
            switch source {
            case .report, .ledger, .measurement, .airQuality, .market, .sources: break
            }
        }
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let oneOf = try #require((schemas?["IndicatorSource"] as? [String: Any])?["oneOf"] as? [[String: Any]])
        let described = Set(oneOf.flatMap { ($0["required"] as? [String]) ?? [] })
        for source in Self.examples {
            let encoded = try #require(
                try JSONSerialization.jsonObject(with: JSONEncoder().encode(source)) as? [String: Any])
            let kind = try #require(encoded.keys.first)
            #expect(described.contains(kind), "the API's IndicatorSource schema lacks \(kind)")
        }
    }
}
