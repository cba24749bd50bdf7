import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Spreadsheet

extension Market {
    /// Results are public within this many working days of the draw (“双随机、一公开”), unless configured otherwise.
    public static let publicationWorkingDays = 20

    /// What creating a draw did: its id, or the problems that refused it.
    public enum DrawCreation: Sendable {
        case created(UUID)
        case refused([String])
    }

    /// Fixes a draw's inputs: the registered sites of `kind` as objects, the uploaded inspector table, the size and
    /// the seed's source. Nothing random happens here: the inputs' hash is what the bureau publishes first.
    public func createDraw(
        title: String, kind: MarketSite.Kind, size: RandomDraw.Size, perObject: Int, strata: RandomDraw.Strata,
        items: String,
        seedSource: String, inspectors data: Data, file: String, actor: AuditLog.Actor, at now: Date
    ) async throws -> DrawCreation {
        var problems: [String] = []
        let rows: [SheetRow]
        do { rows = try SheetFile.rows(data) } catch { return .refused(["\(file)：\(error.reason)"]) }
        let read = RandomDraw.inspectors(rows: rows)
        problems += read.problems.map { "\(file)：第 \($0.line) 行，\($0.field)：\($0.reason)" }
        let objects = try await store.sites().filter { $0.kind == kind && $0.licensed }.map {
            RandomDraw.Object(id: $0.code, name: $0.name, county: $0.county, riskClass: $0.riskClass)
        }
        if objects.isEmpty { problems.append("名录中没有持证的\(kind.chinese)，无法抽取") }
        if seedSource.isEmpty { problems.append("请写明随机数来源（事先确定、事后公布的数值，如某日福利彩票开奖号码）") }
        // A dry run with a placeholder seed finds what no seed can mend: too few inspectors, a size out of range.
        if problems.isEmpty {
            do {
                _ = try RandomDraw(
                    objects: objects, inspectors: read.records, size: size, perObject: perObject,
                    strata: strata, seed: "")
            } catch { problems.append("无法抽取：\(error.description)") }
        }
        guard problems.isEmpty else { return .refused(problems) }
        let sizeText: String
        switch size {
        case .count(let n): sizeText = "count:\(n)"
        case .ratio(let r): sizeText = "ratio:\(r)"
        }
        let id = try await store.createDraw(
            title: title, objectKind: kind.rawValue, size: sizeText, perObject: perObject, strata: strata, items: items,
            objectsCSV: RandomDraw.objectsCSV(objects), inspectorsCSV: RandomDraw.inspectorsCSV(read.records),
            inputsHash: RandomDraw.hash(objects: objects, inspectors: read.records), seedSource: seedSource,
            actor: actor, at: now)
        return .created(id)
    }

    /// The draw re-run from its stored files and `seed`: what the verification page compares with the stored
    /// result, and what `lantian market draw` prints from the published files.
    public static func rerun(_ draw: MarketStore.StoredDraw, seed: String) throws -> RandomDraw {
        guard case .success(let objects) = RandomDraw.objects(draw.objectsCSV),
            case .success(let inspectors) = RandomDraw.inspectors(draw.inspectorsCSV)
        else { throw RandomDraw.Refusal(description: "stored inputs do not read") }
        let size: RandomDraw.Size =
            draw.size.hasPrefix("ratio:")
            ? .ratio(Double(draw.size.dropFirst(6)) ?? 0) : .count(Int(draw.size.dropFirst(6)) ?? 0)
        return try RandomDraw(
            objects: objects, inspectors: inspectors, size: size, perObject: draw.perObject,
            strata: draw.strata, seed: seed)
    }

    /// `object,inspector` rows with a header, as `lantian market draw` writes them.
    public static func resultCSV(_ draw: RandomDraw) -> String {
        "object,inspector\n"
            + draw.assignments.flatMap { a in a.inspectors.map { CSVWriter.record([a.object, $0]) + "\n" } }.joined()
    }

    /// Draws with `seed` (once), and sets the day the result must be public by.
    public func draw(_ id: UUID, seed: String, today: CivilDate, actor: AuditLog.Actor, at now: Date) async throws {
        guard let stored = try await store.draw(id) else { throw MarketStore.Conflict(description: "没有这次抽取") }
        let drawn: RandomDraw
        do { drawn = try Self.rerun(stored, seed: seed) } catch {
            throw MarketStore.Conflict(description: "无法抽取：\(error)")
        }
        try await store.recordDraw(
            id, seed: seed, resultCSV: Self.resultCSV(drawn), drawnOn: today,
            publishBy: today.addingWorkingDays(Self.publicationWorkingDays), actor: actor, at: now)
    }
}
