import Foundation
import Testing
import Vapor
import VaporTesting
import Web

/// The API and its OpenAPI document describe the same operations, and the server refuses what the document
/// does not allow (schemathesis checks the rest in CI: `Tests/api/fuzz_api.sh`).
@Suite(.serialized) struct APIContractTests {
    @Test func theDocumentListsExactlyTheAPIRoutes() async throws {
        try await withLantian { app, _, _ in
            let document = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(document.body.readableBytesView)) as? [String: Any])
            let paths = try #require(json["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, operations) in paths {
                for method in operations.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    documented.insert(method.uppercased() + " " + path)
                }
            }
            var served: Set<String> = []
            for route in app.routes.all {
                let parts = route.path.map(\.description)
                guard parts.starts(with: ["api", "v1"]), parts != ["api", "v1", "openapi.json"] else { continue }
                let path = parts.dropFirst(2).map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }
                served.insert(route.method.rawValue + " /" + path.joined(separator: "/"))
            }
            #expect(served.subtracting(documented).isEmpty, "undocumented: \(served.subtracting(documented).sorted())")
            #expect(documented.subtracting(served).isEmpty, "not served: \(documented.subtracting(served).sorted())")
        }
    }

    @Test func filtersOutsideTheirValuesAreRefused() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            let token = try await SecurityMatrixTests.token(app, "office1")
            for query in ["status=AAA", "origin=elsewhere", "due=2021-13-40", "due=+021-10-31"] {
                let response = try await SecurityMatrixTests.api(app, .GET, "/api/v1/tasks?\(query)", token: token)
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.body.string.contains("\"error\""))
            }
            for query in ["status=overdue", "origin=table", "due=2021-10-31", "status="] {
                let response = try await SecurityMatrixTests.api(app, .GET, "/api/v1/tasks?\(query)", token: token)
                #expect(response.status == .ok, "\(query)")
            }
        }
    }

    /// Content goes with the unit's own steps; a review step that carries content, or content without its
    /// status, is refused rather than applied or dropped without a word.
    @Test func reviewStepsCarryNoContent() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            let leader = try await SecurityMatrixTests.token(app, "zz-leader")
            let office = try await SecurityMatrixTests.token(app, "office1")
            let path = "/api/v1/tasks/t11/reports/zezhou/2021-10"
            let submitted = try await SecurityMatrixTests.api(
                app, .POST, path, token: leader,
                json:
                    #"{"action":"approve","reportedStatus":"inProgress","narrative":"已完成 1,200 户","values":{"households":1200}}"#
            )
            #expect(submitted.status == .ok)
            let rewrite = try await SecurityMatrixTests.api(
                app, .POST, path, token: office,
                json: #"{"action":"accept","reportedStatus":"done","narrative":"改写","values":{"households":999}}"#)
            #expect(rewrite.status == .unprocessableEntity)
            let dropped = try await SecurityMatrixTests.api(
                app, .POST, path, token: office, json: #"{"action":"accept","values":{"households":-1}}"#)
            #expect(dropped.status == .unprocessableEntity)
            let accepted = try await SecurityMatrixTests.api(
                app, .POST, path, token: office, json: #"{"action":"accept"}"#)
            #expect(accepted.status == .ok)
            #expect(accepted.body.string.contains("已完成 1,200 户") && accepted.body.string.contains("1200"))
        }
    }
}
