import Foundation

/// Random secrets handed to browsers and API clients: form tokens, API tokens.
public enum SecretToken {
    /// `bytes` random bytes from the system generator, base64url without padding.
    public static func random(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
