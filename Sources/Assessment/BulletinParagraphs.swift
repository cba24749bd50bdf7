import Foundation

/// The text of a bulletin that the office writes itself: an opening paragraph before the figures and the work
/// requirements (工作要求) after them. One paragraph per line.
public struct BulletinParagraphs: Codable, Sendable, Equatable {
    public var opening: String
    public var requirements: String

    public init(opening: String = "", requirements: String = "") {
        self.opening = opening
        self.requirements = requirements
    }

    /// Longest text the office may write in one field, in characters.
    public static let maxLength = 20_000

    /// `text` as paragraphs: one per line, trimmed, empty lines left out.
    public static func split(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }
}
