import LantianCore
import Vapor

/// CSV for Excel and WPS: UTF-8 with a byte-order mark (so that Chinese opens correctly), CRLF line ends,
/// RFC 4180 quoting, formulas guarded (``CSVWriter/spreadsheetField(_:)``).
struct CSV {
    var header: [String]
    var rows: [[String]]

    var text: String {
        "\u{FEFF}"
            + ([header] + rows).map { $0.map(CSVWriter.spreadsheetField).joined(separator: ",") }
            .joined(separator: "\r\n")
            + "\r\n"
    }

    func response(fileName: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(fileName: fileName))
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
