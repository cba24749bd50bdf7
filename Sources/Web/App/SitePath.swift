import Foundation
import Vapor

/// A route's path pattern, written once in ``SiteURL``: routes are registered with it and links are built from
/// it, so the two cannot drift. `:name` segments are parameters.
struct SitePath: Hashable, Sendable, CustomStringConvertible {
    /// The pattern, e.g. `/tasks/:code/reports/:unit/:month`.
    let pattern: String

    init(_ pattern: String) {
        precondition(pattern.hasPrefix("/"), "a site path starts with /")
        self.pattern = pattern
    }

    var description: String { pattern }

    private var segments: [Substring] { pattern.split(separator: "/") }

    /// The pattern as Vapor's route components.
    var components: [PathComponent] {
        segments.map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant(String($0)) }
    }

    /// The parameters' names, in order.
    var parameters: [String] { segments.filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) } }

    /// The path with the parameters filled in order, each value percent-encoded as one segment.
    func path(_ values: String...) -> String {
        precondition(values.count == parameters.count, "\(pattern) takes \(parameters.count) values")
        var next = values.makeIterator()
        let filled = segments.map { segment -> String in
            guard segment.hasPrefix(":"), let value = next.next() else { return String(segment) }
            return value.addingPercentEncoding(withAllowedCharacters: Self.segmentAllowed) ?? value
        }
        return "/" + filled.joined(separator: "/")
    }

    private static let segmentAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
}

extension RoutesBuilder {
    @discardableResult
    func get<R: AsyncResponseEncodable>(
        _ path: SitePath, use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        on(.GET, path.components, use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(
        _ path: SitePath, use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        on(.POST, path.components, use: handler)
    }

    @discardableResult
    func delete<R: AsyncResponseEncodable>(
        _ path: SitePath, use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        on(.DELETE, path.components, use: handler)
    }
}
