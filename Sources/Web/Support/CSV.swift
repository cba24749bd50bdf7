import Vapor

/// CSV for Excel and WPS: UTF-8 with a byte-order mark (so that Chinese opens correctly), CRLF line ends,
/// RFC 4180 quoting.
struct CSV {
    var header: [String]
    var rows: [[String]]

    var text: String {
        "\u{FEFF}" + ([header] + rows).map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n")
            + "\r\n"
    }

    static func field(_ value: String) -> String {
        // A leading = + - @ (or a TAB or CR before one) would be run as a formula by spreadsheets; numbers stay
        // numbers.
        let guarded =
            value.first.map { "=+-@\t\r".contains($0) } == true && Double(value) == nil ? "'" + value : value
        if guarded.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + guarded.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return guarded
    }

    func response(fileName: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(fileName: fileName))
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
