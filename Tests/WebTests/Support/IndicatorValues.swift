import Foundation
import Vapor
import VaporTesting

extension WebTests {
    /// A task's current indicator values by code, as `GET /api/v1/tasks/CODE` gives them (those without a value
    /// left out).
    static func indicatorValues(_ app: Application, task: String, token: String) async throws -> [String: Double] {
        let response = try await SecurityMatrixTests.api(app, .GET, "/api/v1/tasks/\(task)", token: token)
        let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        var found: [String: Double] = [:]
        for indicator in (json?["indicators"] as? [[String: Any]]) ?? [] {
            if let code = (indicator["indicator"] as? [String: Any])?["code"] as? String,
                let current = indicator["current"] as? Double
            {
                found[code] = current
            }
        }
        return found
    }
}
