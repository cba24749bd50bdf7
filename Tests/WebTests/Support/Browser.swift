import Foundation
import Testing
import Vapor
import VaporTesting

/// A signed-in (or not) browser: keeps the session cookie and the page's CSRF token between requests.
struct Browser {
    let app: Application
    var cookie: String?
    var csrf = ""

    init(_ app: Application) { self.app = app }

    @discardableResult
    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: [:], body: nil)
    }

    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws
        -> TestingHTTPResponse
    {
        let all = (csrf ? [("_csrf", self.csrf)] : []) + fields
        let body = all.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// A multipart form post, as a browser sends a form with file inputs.
    @discardableResult
    mutating func postMultipart(
        _ path: String, _ fields: [(String, String)],
        files: [(field: String, name: String, type: String, data: Data)] = []
    ) async throws -> TestingHTTPResponse {
        let boundary = "----lantian\(UUID().uuidString)"
        var body = Data()
        for (name, value) in [("_csrf", csrf)] + fields {
            body.append(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".data(
                    using: .utf8)!)
        }
        for file in files {
            body.append(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                    .data(using: .utf8)!)
            body.append(file.data)
            body.append("\r\n".data(using: .utf8)!)
        }
        body.append("--\(boundary)--\r\n".data(using: .utf8)!)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }

    /// Signs in and returns the response to the login form. Like a browser it then follows the redirects, which
    /// gives it the new session's form token (sign-in replaces the session and its token).
    @discardableResult
    mutating func login(_ username: String, _ password: String? = nil) async throws -> TestingHTTPResponse {
        try await get("/login")
        let response = try await post("/login", [("username", username), ("password", password ?? testPassword)])
        var location = response.headers.first(name: .location)
        for _ in 0..<3 {
            guard let next = location else { break }
            location = try await get(next).headers.first(name: .location)
        }
        return response
    }

    private mutating func send(
        _ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?
    ) async throws -> TestingHTTPResponse {
        var headers = headers
        if let cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        if let set = response.headers.first(name: .setCookie), let pair = set.split(separator: ";").first {
            cookie = String(pair)
        }
        let html = response.body.string
        if let range = html.range(of: "name=\"_csrf\" value=\"") {
            let rest = html[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { csrf = String(rest[..<end]) }
        }
        return response
    }

    private func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
