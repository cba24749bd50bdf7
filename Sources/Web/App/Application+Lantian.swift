import Services
import Vapor

extension Application {
    private struct ConfigurationKey: StorageKey {
        typealias Value = AppConfiguration
    }

    /// The configuration the app was set up with.
    public var lantian: AppConfiguration {
        get {
            guard let value = storage[ConfigurationKey.self] else { fatalError("configure(_:_:) was not called") }
            return value
        }
        set { storage[ConfigurationKey.self] = newValue }
    }
}

extension Request {
    /// The current time, from the app's configured clock.
    var now: Date { application.lantian.now() }
}
