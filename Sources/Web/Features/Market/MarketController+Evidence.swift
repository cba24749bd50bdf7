import Foundation
import LantianCore
import MarketSupervision
import Persistence
import Plot
import Services
import Vapor

extension MarketController {
    // MARK: Documents and evidence

    struct DocumentUpload: Content {
        var target: String?
        var files: [File]?
    }

    /// Attaches files to a check (the lab's report) or to its case (the case's documents).
    func uploadDocuments(req: Request, maxUploadBytes: Int) async throws -> Response {
        let (_, market, stored) = try await checkToWorkOn(req)
        let id = stored.id
        let upload = try req.content.decode(DocumentUpload.self)
        let files = (upload.files ?? []).filter { $0.data.readableBytes > 0 || !$0.filename.isEmpty }
        let evidence = EvidenceStore(directory: req.application.lantian.filesDirectory, maxBytes: maxUploadBytes)
        let problems = files.isEmpty ? ["请选择要上传的文件"] : evidence.problems(files)
        guard problems.isEmpty else { throw Abort(.unprocessableEntity, reason: problems.joined(separator: "；")) }
        let caseID = upload.target == "case" ? try await market.store.cases(checkID: id).first?.id : nil
        if upload.target == "case" && caseID == nil { throw Abort(.conflict, reason: "该批次尚未立案") }
        let written = try evidence.write(files)
        do {
            try await market.store.addDocuments(
                written, check: id, caseID: caseID, actor: try await req.currentUser().audit, at: req.now)
        } catch {
            evidence.remove(written)
            throw error
        }
        return req.redirect(to: SiteURL.marketCheck(id: id).path + "?notice=saved")
    }

    func document(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireRead()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let document = try await MarketStore(database: req.db).document(id)
        else { throw Abort(.notFound, reason: "没有这个文件") }
        let path = EvidenceStore(directory: req.application.lantian.filesDirectory, maxBytes: 0)
            .path(of: document.storageKey)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: EvidenceStore.contentType(of: document.fileName))
        headers.replaceOrAdd(
            name: .contentDisposition, value: ContentDisposition.attachment(fileName: document.fileName))
        return Response(
            status: .ok, headers: headers, body: .init(data: try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// The sampling plan's evidence: every check of its family and year, their cases and documents.
    func planEvidence(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireRead()
        let market = try await req.market()
        let today = try await Self.today(req)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let plan = try await market.plansWithProgress(bureaus: access.bureaus, today: today)
                .first(where: { $0.plan.id == id })
        else { throw Abort(.notFound, reason: "没有这个抽检计划") }
        let checks = try await market.store.checks(year: plan.plan.year).filter {
            $0.check.family == plan.plan.family
        }
        let cases = try await market.store.cases().filter { file in checks.contains { $0.id == file.checkID } }
        let documents = try await market.store.documents(checks: checks.map(\.id))
        let files = EvidenceStore(directory: req.application.lantian.filesDirectory, maxBytes: 0)
        var entries: [EvidenceArchive.Entry] = []
        var links: [UUID: [(String, String)]] = [:]
        for document in documents {
            let batch = checks.first { $0.id == document.checkID }?.check.batch ?? "batch"
            let path = EvidenceArchive.path(folder: batch, id: document.id, fileName: document.fileName)
            entries.append(
                .init(path: path, data: try Data(contentsOf: URL(fileURLWithPath: files.path(of: document.storageKey))))
            )
            links[document.checkID, default: []].append((document.fileName, path))
        }
        let b = access.bureaus
        let progress = plan.progress
        let archive = EvidenceArchive(
            title: plan.plan.title, generated: UI.dateTime(req.now, in: try await req.zone()),
            sections: [
                .init(
                    title: "计划与进度",
                    text:
                        "\(plan.plan.year)年\(plan.plan.family.chinese)：计划 \(progress.quota) 批次，已抽检 \(progress.sampled) 批次，"
                        + "不合格 \(progress.failed) 批次"
                        + (progress.registered > 0
                            ? "；登记持证场所 \(progress.registered) 个，已覆盖 \(progress.covered) 个" : "") + "。",
                    header: ["抽检单位", "计划批次", "已抽检", "不合格"],
                    rows: progress.lines.map {
                        [
                            .init(b.unitName($0.unit)), .init("\($0.quota)"), .init("\($0.sampled)"),
                            .init("\($0.failed)"),
                        ]
                    }),
                .init(
                    title: "抽检记录", text: "",
                    header: ["抽样日期", "批号", "产品", "被抽样单位", "县区", "抽检单位", "判定依据", "结论", "不合格项目", "文书"],
                    rows: checks.map { c in
                        [
                            .init(c.check.sampledOn.description), .init(c.check.batch), .init(c.check.product),
                            .init(c.check.siteName), .init(b.countyName(c.check.county)), .init(b.unitName(c.unit)),
                            .init(c.standard ?? ""), .init(c.verdict ?? "待检"), .init(c.failed),
                        ] + (links[c.id] ?? []).map { .init($0.0, link: $0.1) }
                    }),
                Self.casesSection(cases, bureaus: b),
            ],
            tables: [
                (
                    "checks.csv",
                    [
                        "sampled_on", "batch", "product", "site_code", "site", "county", "unit", "standard", "verdict",
                        "failed", "results",
                    ],
                    checks.map { c in
                        [
                            c.check.sampledOn.description, c.check.batch, c.check.product, c.check.siteCode ?? "",
                            c.check.siteName, c.check.county, c.unit, c.standard ?? "", c.verdict ?? "", c.failed,
                            c.check.results.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                                separator: ";"),
                        ]
                    }
                ),
                Self.casesTable(cases),
            ], documents: entries)
        return try Self.zipResponse(archive, name: "\(plan.plan.title)-资料.zip")
    }

    /// The special action's evidence: its summary, tally and every find with its steps.
    func actionEvidence(req: Request) async throws -> Response {
        let access = try await req.marketAccess()
        try access.requireRead()
        let market = try await req.market()
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let stored = try await market.store.action(id)
        else { throw Abort(.notFound, reason: "没有这个专项行动") }
        let cases = try await market.store.cases(actionID: id)
        let model = ActionPage.Model(
            stored, cases: cases, bureaus: access.bureaus, access: access, today: try await Self.today(req))
        let archive = EvidenceArchive(
            title: stored.action.title, generated: UI.dateTime(req.now, in: try await req.zone()),
            sections: [
                .init(
                    title: "行动小结", text: model.summary, header: ["日期"] + model.kinds + ["合计"],
                    rows: model.days.map { day in
                        [.init(day.day)] + day.counts.map { .init("\($0)") } + [.init("\(day.counts.reduce(0, +))")]
                    }),
                Self.casesSection(cases, bureaus: access.bureaus),
            ],
            tables: [Self.casesTable(cases)], documents: [])
        return try Self.zipResponse(archive, name: "\(stored.action.title)-资料.zip")
    }

    static func casesSection(_ cases: [MarketStore.StoredCase], bureaus: MarketBureaus) -> EvidenceArchive.Section {
        .init(
            title: "案件", text: cases.isEmpty ? "无。" : "",
            header: ["案件", "类型", "县区", "办理单位", "阶段", "整改期限", "查扣油品（升）", "移送公安", "办理经过"],
            rows: cases.map { file in
                [
                    .init(file.title), .init(file.kind.chinese), .init(bureaus.countyName(file.county)),
                    .init(bureaus.unitName(file.unit)), .init(file.stage.chinese),
                    .init(file.deadline?.description ?? ""),
                    .init(file.volume ?? ""), .init(file.police ? "是" : "否"),
                    .init(
                        file.steps.map {
                            "\($0.day) \($0.stage.chinese)\($0.note.isEmpty ? "" : "：" + $0.note)（\($0.by)）"
                        }
                        .joined(separator: "；")),
                ]
            })
    }

    static func casesTable(_ cases: [MarketStore.StoredCase]) -> (name: String, header: [String], rows: [[String]]) {
        (
            "cases.csv",
            ["opened_on", "title", "kind", "county", "unit", "stage", "deadline", "closed_on", "volume", "police"],
            cases.map {
                [
                    $0.openedOn.description, $0.title, $0.kind.rawValue, $0.county, $0.unit, $0.stage.rawValue,
                    $0.deadline?.description ?? "", $0.closedOn?.description ?? "", $0.volume ?? "",
                    $0.police ? "yes" : "no",
                ]
            }
        )
    }

    static func zipResponse(_ archive: EvidenceArchive, name: String) throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/zip")
        headers.replaceOrAdd(name: .contentDisposition, value: ContentDisposition.attachment(fileName: name))
        return Response(status: .ok, headers: headers, body: .init(data: try archive.zip()))
    }
}
