import Foundation
import Plot
import Vapor

extension Response {
    /// How caches may keep a public page: anyone may store it, but must ask again before each use — a warning
    /// issued or lifted shows at once (a minute's `max-age` let a resident's browser show a lifted warning as in
    /// force) — and the ETag makes the asking cheap: `304 Not Modified`, no body.
    static let publicCacheControl = "public, no-cache"

    /// A public page: cacheable (``publicCacheControl``) with a strong ETag of its bytes, so that a cache (or a
    /// browser) revalidating gets `304 Not Modified` and no body when nothing changed. No cookie is set: public
    /// routes run without the session middleware.
    static func publicPage(_ body: String, contentType: HTTPMediaType = .html, for req: Request) -> Response {
        let bytes = Data(body.utf8)
        let tag = "\"" + SHA256.hash(data: bytes).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        var headers = HTTPHeaders()
        headers.contentType = contentType
        headers.replaceOrAdd(name: .cacheControl, value: publicCacheControl)
        headers.replaceOrAdd(name: .eTag, value: tag)
        let asked = req.headers[.ifNoneMatch].flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if asked.contains(tag) || asked.contains("*") {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(data: bytes))
    }

    /// A style sheet: cacheable for an hour.
    static func stylesheet(_ css: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: css))
    }
}
