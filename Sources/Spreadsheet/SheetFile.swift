import Foundation
import LantianCore

/// A table uploaded as a file — CSV exported from Excel or WPS (UTF-8, with or without a byte-order mark, or
/// GB18030, which is what WPS and Chinese Excel write by default), or an .xlsx workbook read directly (its first
/// worksheet) — as rows of text.
public enum SheetFile {
    /// Why a file could not be read as a table at all.
    public struct Unreadable: Error, Hashable, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// GB18030-2000 (a superset of GBK and GB2312), as Foundation names it.
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The rows of `data`: an .xlsx workbook when it is a ZIP archive (its first worksheet), CSV otherwise.
    public static func rows(_ data: Data) throws(Unreadable) -> [SheetRow] {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader.firstSheet(data) }
        return SheetRow.csv(try decodeText(data))
    }

    /// Text of a CSV file: UTF-8 (a byte-order mark dropped) when it is valid UTF-8, GB18030 otherwise.
    public static func decodeText(_ data: Data) throws(Unreadable) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        if let text = String(data: bytes, encoding: gb18030) { return text }
        throw Unreadable(reason: "文件既不是 UTF-8 也不是 GB18030 编码的文本，也不是 .xlsx 工作簿")
    }
}
