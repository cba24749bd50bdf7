/// A document to write as .docx (Office Open XML WordprocessingML, ISO/IEC 29500): a sequence of blocks laid
/// out as GB/T 9704-2012 lays out an official document — A4, margins 37/35/28/26 mm, the title in 小标宋 二号,
/// headings in 黑体 三号, body text in 仿宋 三号 with a two-character first-line indent, page numbers
/// `— 1 —` centred in the footer.
public struct WordDocument: Sendable, Equatable {
    public enum Alignment: String, Sendable {
        case left, center, right, both
    }

    public enum Block: Sendable, Equatable {
        /// The document's title (小标宋 二号, centred).
        case title(String)
        /// A centred line under the title (the document number) or any line with its alignment.
        case line(String, Alignment)
        /// A heading of level 1 (黑体) or 2 (楷体).
        case heading(level: Int, String)
        /// Body text, indented two characters.
        case paragraph(String)
        /// A table with a caption above it, one header row repeated on every page.
        case table(caption: String, columns: [String], rows: [[String]])
    }

    public var title: String
    public var author: String
    public var blocks: [Block]

    public init(title: String, author: String, blocks: [Block]) {
        self.title = title
        self.author = author
        self.blocks = blocks
    }
}
