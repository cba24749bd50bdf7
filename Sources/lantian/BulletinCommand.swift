import ArgumentParser
import Assessment
import Foundation
import LantianCore
import Services
import Web

/// `lantian bulletin MONTH --format html|docx|pdf --out FILE [--final]` (docs/BULLETIN.md, a contract).
struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin", abstract: "The monthly dispatch bulletin (调度通报) as a file.",
        discussion: """
            MONTH is YYYY-MM within the plan's period. Without --final, the bulletin written now from the data in \
            the database as of the month's end, with the draft's paragraphs if the office saved any. With --final, \
            the finalised copy exactly as it was frozen (refused when the month has none). html is the printable \
            page, docx a Word document; pdf converts the .docx with LibreOffice (soffice) and fails with a message \
            when it is not installed. Prints the file written and, for a final copy, how many figures later \
            corrections changed.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, docx, pdf
    }

    @ArgumentParser.Argument(help: "The month, YYYY-MM.") var month: String
    @ArgumentParser.Option(help: "html, docx or pdf.") var format: Format
    @ArgumentParser.Option(help: "The file to write.") var out: String
    @ArgumentParser.Flag(help: "The finalised (frozen) copy instead of a fresh draft.") var final = false

    func run() async throws {
        var stderr = FileHandleOutputStream.standardError
        guard let reportMonth = ReportMonth(month) else {
            print("month should be YYYY-MM: \(month)", to: &stderr)
            throw ExitCode(1)
        }
        let now = Date()
        let result = try await withDatabase { db, _ -> (Bulletin, Int)? in
            let campaigns = Campaigns(db: db, caches: Campaigns.Caches(), sources: Campaigns.indicatorSources())
            let bulletins = Bulletins(campaigns: campaigns)
            do {
                let view = try await bulletins.view(reportMonth, now: now)
                if final, !view.isFinal {
                    print("\(reportMonth.chinese)通报尚未定稿（no finalised bulletin for \(reportMonth)）", to: &stderr)
                    return nil
                }
                return (view.bulletin, view.changes.count)
            } catch let error as ServiceError {
                print("\(error)", to: &stderr)
                return nil
            }
        }
        guard let (bulletin, changes) = result else { throw ExitCode(1) }
        let data: Data
        do {
            switch format {
            case .html: data = Data(BulletinDocument.printableHTML(bulletin).utf8)
            case .docx: data = try bulletin.wordDocument.docx(created: now)
            case .pdf: data = try await DocumentConversion.pdf(fromDocx: try bulletin.wordDocument.docx(created: now))
            }
        } catch let failure as DocumentConversion.Failure {
            print(failure.description, to: &stderr)
            throw ExitCode(1)
        }
        try data.write(to: URL(fileURLWithPath: out))
        print("wrote \(out) (\(data.count) bytes)")
        if final { print("finalised \(bulletin.number?.description ?? ""); \(changes) figures changed since") }
    }
}
