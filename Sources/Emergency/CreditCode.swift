/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from
/// `0123456789ABCDEFGHJKLMNPQRTUWXY`, the last a check character over the first 17 (weights 3^i mod 31).
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Whether `code` has 18 characters of the alphabet and a correct check character.
    public static func isValid(_ code: String) -> Bool {
        let characters = Array(code)
        guard characters.count == 18 else { return false }
        var sum = 0
        for (index, character) in characters.prefix(17).enumerated() {
            guard let value = alphabet.firstIndex(of: character) else { return false }
            sum += value * weights[index]
        }
        let check = (31 - sum % 31) % 31
        return characters[17] == alphabet[check]
    }
}
