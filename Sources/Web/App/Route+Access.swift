import Vapor

extension Route {
    private static let publicKey = AnySendableHashable("lantian.public")

    /// Whether anyone may call the route without signing in. Every public route is marked here, at its
    /// registration, and the security matrix test checks the marks against its own list.
    var isPublic: Bool {
        get { userInfo[Self.publicKey] as? Bool ?? false }
        set { userInfo[Self.publicKey] = newValue }
    }

    /// Marks the route public (``isPublic``).
    @discardableResult
    func publiclyReachable() -> Route {
        isPublic = true
        return self
    }
}

extension Routes {
    /// Whether a GET of `path` (no query) reaches one of the routes, for checking where a redirect may lead.
    func knowsPage(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        return all.contains { route in
            route.method == .GET && Self.matches(route.path, parts)
        }
    }

    private static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        if pattern.isEmpty { return parts == [""] || parts.isEmpty }
        for (index, component) in pattern.enumerated() {
            if case .catchall = component { return parts.count > index }
            guard index < parts.count, !parts[index].isEmpty else { return false }
            if case .constant(let text) = component, text != parts[index] { return false }
        }
        return pattern.count == parts.count
    }
}
