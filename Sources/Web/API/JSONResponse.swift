import Foundation
import Vapor

/// JSON for values that are not `Content` themselves (domain values stay free of Vapor).
enum JSONResponse {
    static func make<T: Encodable>(_ value: T) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(value)))
    }
}
