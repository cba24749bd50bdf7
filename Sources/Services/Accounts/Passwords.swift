import Foundation

/// The password policy (random one-time passwords, what a chosen password must be) for every way in: the web
/// forms, the CLI, the first start.
public enum Passwords {
    /// 14 characters from an alphabet without look-alikes (no 0/O, 1/l/I).
    public static func random() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<14).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// Why a chosen password is not acceptable, or nil.
    public static func weakness(_ password: String, username: String) -> String? {
        if password.count < 10 { return "密码至少 10 位" }
        // bcrypt reads only the first 72 bytes: a longer password would be cut without a word.
        if password.utf8.count > 72 { return "密码不超过 72 字节（英文字母、数字每个 1 字节，汉字每个 3 字节）" }
        if password.lowercased().contains(username.lowercased()) { return "密码不能包含用户名" }
        if Set(password).count < 5 { return "密码过于简单" }
        return nil
    }
}
