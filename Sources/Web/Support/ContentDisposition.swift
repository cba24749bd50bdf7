import Vapor

/// `Content-Disposition: attachment` for downloads, with the file name as RFC 6266 / RFC 8187 want it: an ASCII
/// `filename=` for old clients and `filename*=UTF-8''…` with every byte outside RFC 8187's `attr-char` set
/// percent-encoded (Chinese names included; Foundation's `.alphanumerics` would let them through raw).
enum ContentDisposition {
    /// RFC 8187 §3.2.1 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~".
    private static let attrChar = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8))

    /// The header value for downloading `fileName`.
    static func attachment(fileName: String) -> String {
        let encoded = fileName.utf8.map { byte in
            attrChar.contains(byte) ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }.joined()
        // The fallback keeps the ASCII letters, digits and dots and the extension; a quoted-string may not
        // carry `"` or `\`, nor anything outside ASCII.
        let fallback = String(
            fileName.unicodeScalars.map { scalar -> Character in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || ".-_".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
