import Assessment
import Foundation
import WordDocument

extension Bulletin {
    /// The bulletin as a Word document: the issuer and number lines, the title, the office's opening, each
    /// section as a numbered heading (一、二、…) with its text and tables, the requirements, the signature.
    public var wordDocument: WordDocument {
        var blocks: [WordDocument.Block] = [.line(issuer, .center)]
        blocks.append(.line(number?.description ?? "（草稿，未定稿）", .center))
        blocks.append(.title(title))
        for paragraph in BulletinParagraphs.split(paragraphs.opening) { blocks.append(.paragraph(paragraph)) }
        for (index, section) in sections.enumerated() {
            blocks.append(.heading(level: 1, "\(Self.chineseNumeral(index + 1))、\(section.heading)"))
            for block in section.blocks {
                switch block {
                case .paragraph(let text): blocks.append(.paragraph(text))
                case .figures: break
                case .table(let table):
                    blocks.append(
                        .table(
                            caption: table.caption, columns: table.columns,
                            rows: table.rows.isEmpty ? [[table.empty]] : table.rows.map(\.cells)))
                }
            }
        }
        let requirements = BulletinParagraphs.split(paragraphs.requirements)
        if !requirements.isEmpty {
            blocks.append(.heading(level: 1, "\(Self.chineseNumeral(sections.count + 1))、工作要求"))
            for paragraph in requirements { blocks.append(.paragraph(paragraph)) }
        }
        blocks.append(.line(issuer, .right))
        blocks.append(.line(issuedOn?.chineseDay ?? "（印发日期待定）", .right))
        return WordDocument(title: title, author: issuer, blocks: blocks)
    }

    /// 一 … 十九, as section numbers are written.
    public static func chineseNumeral(_ number: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch number {
        case 1...9: return digits[number]
        case 10: return "十"
        case 11...19: return "十" + digits[number - 10]
        default: return String(number)
        }
    }

    /// The bulletin's file name without extension: `2022-01-调度通报`.
    public var fileStem: String { "\(month)-调度通报" }
}
