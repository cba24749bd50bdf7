import Campaign
import Fluent
import LantianCore
import Persistence
import Plot
import Services
import Vapor

/// 月度报送: a unit's month on one page. A button names what to do (``MonthlyPage/Command``); the rows it touches
/// are written in one transaction through ``ReportStore/perform(_:on:actor:at:calendar:)``, every step checked by
/// ``ReportPolicy`` there. What was typed in rows the button did not save comes back on the page, marked unsaved.
struct MonthlyReportController {
    func boot(routes: any RoutesBuilder, maxUploadBytes: Int) {
        routes.get(SiteURL.Reports.monthly, use: show)
        // Room for the files plus up to a few MB of typed text for every row of a unit's month.
        let limit = maxUploadBytes * EvidenceStore.maxFilesPerSubmission + (4 << 20)
        routes.upload(SiteURL.Reports.monthly, maxBytes: limit, use: submit)
        routes.get(SiteURL.Reports.myMonth, use: myMonth)
    }

    struct MonthlyForm: Content {
        struct Row: Content {
            var reportedStatus: String?
            var values: [String: String]?
            var narrative: String?
            var comment: String?
            var revision: Int?
            var evidence: [File]?
        }

        var action: String?
        var rows: [String: Row]?
    }

    /// The sheet a request addresses.
    struct Target {
        var snapshot: CampaignSnapshot
        var unit: String
        var month: ReportMonth
    }

    private func target(_ req: Request) async throws -> Target {
        let snapshot = try await req.campaign(allowingAsOf: false)
        guard let unit = req.parameters.get("unit"), snapshot.loaded.unit(code: unit) != nil else {
            throw Abort(.notFound, reason: "没有这个单位")
        }
        guard let text = req.parameters.get("month"), let month = ReportMonth(text),
            snapshot.calendar.reportMonths(until: snapshot.plan.end).contains(month)
        else { throw Abort(.notFound, reason: "报送月份不在攻坚期内") }
        return Target(snapshot: snapshot, unit: unit, month: month)
    }

    /// `/my/month`: the signed-in unit's page for the month being reported now.
    func myMonth(req: Request) async throws -> Response {
        let user = try await req.currentUser()
        let snapshot = try await req.campaign(allowingAsOf: false)
        guard user.canWriteReports else { return req.redirect(to: SiteURL.myTasks.path) }
        let month = snapshot.calendar.currentReportMonth(asOf: snapshot.now)
        return req.redirect(to: SiteURL.monthly(unit: user.unitCode, month: month).path)
    }

    func show(req: Request) async throws -> Response {
        let target = try await target(req)
        let sheet = try await sheet(req, target)
        return try await page(req, target, sheet, .init(), status: .ok)
    }

    /// What the page shows besides the stored rows: what was typed, and what went wrong.
    struct Echo {
        var entries: [String: ReportEntry] = [:]
        var comments: [String: String] = [:]
        /// The revision each row's form showed: a save must find it unchanged.
        var revisions: [String: Int] = [:]
        var problems: [String: [String]] = [:]
        var errors: [String] = []
        var notice: String? = nil
    }

    func submit(req: Request) async throws -> Response {
        let target = try await target(req)
        let user = try await req.currentUser()
        guard user.canWriteReports, user.unitCode == target.unit else {
            throw Abort(.forbidden, reason: "只能填报本单位的报告")
        }
        let form = try req.content.decode(MonthlyForm.self)
        guard let command = form.action.flatMap(MonthlyPage.Command.init) else {
            throw Abort(.badRequest, reason: "未知操作")
        }
        let sheet = try await sheet(req, target)
        if let code = command.row, sheet.row(code) == nil { throw Abort(.notFound, reason: "本单位不承担这项任务") }
        let formRows = form.rows ?? [:]
        var echo = Echo()
        var files: [String: [File]] = [:]
        for row in sheet.rows where row.state?.isEditable ?? true {
            guard let typed = formRows[row.task.code] else { continue }
            echo.entries[row.task.code] = ReportEntry(
                reportedStatus: typed.reportedStatus, values: typed.values ?? [:], narrative: typed.narrative ?? "")
            let chosen = (typed.evidence ?? []).filter { !$0.filename.isEmpty || $0.data.readableBytes > 0 }
            if !chosen.isEmpty { files[row.task.code] = chosen }
        }
        for (code, typed) in formRows {
            if let comment = typed.comment, !comment.isEmpty { echo.comments[code] = comment }
            if let revision = typed.revision { echo.revisions[code] = revision }
        }
        let plan = try await steps(for: command, sheet: sheet, target: target, db: req.db, files: files, echo: &echo)
        guard echo.problems.isEmpty else {
            echo.errors = summary(of: echo.problems, sheet: sheet)
            return try await page(req, target, sheet, echo, status: .unprocessableEntity)
        }
        guard !plan.steps.isEmpty else {
            echo.notice = plan.nothingToDo
            return try await page(req, target, sheet, echo, status: .ok)
        }
        let store = EvidenceStore(
            directory: req.application.lantian.filesDirectory, maxBytes: req.application.lantian.maxUploadBytes)
        let allFiles = plan.steps.flatMap { files[$0.taskCode] ?? [] }
        let fileProblems = store.problems(allFiles)
        guard fileProblems.isEmpty else {
            echo.errors = fileProblems
            return try await page(req, target, sheet, echo, status: .unprocessableEntity)
        }
        var steps = plan.steps
        var written: [ReportStore.NewEvidence] = []
        do {
            for index in steps.indices {
                let chosen = files[steps[index].taskCode] ?? []
                guard !chosen.isEmpty else { continue }
                let stored = try store.write(chosen)
                written += stored
                steps[index].evidence = stored
            }
            try await ReportStore(database: req.db).perform(
                steps, on: target.snapshot.loaded, actor: user.actor, at: req.now, calendar: target.snapshot.calendar)
        } catch let refusal as ReportStore.Refusal {
            store.remove(written)
            if let code = refusal.taskCode {
                echo.problems[code, default: []].append(refusal.description)
                echo.errors = summary(of: echo.problems, sheet: sheet)
            } else {
                echo.errors = [refusal.description]
            }
            return try await page(
                req, target, sheet, echo, status: refusal.isPermission ? .forbidden : .unprocessableEntity)
        } catch {
            store.remove(written)
            throw error
        }
        // Rows typed in but not written by this button stay on the page, marked unsaved, with what was typed; the
        // rows not written are as the sheet read before the write found them.
        let done = Set(steps.map(\.taskCode))
        echo.entries = echo.entries.filter { code, entry in
            guard !done.contains(code), let row = sheet.row(code), row.state?.isEditable ?? true else { return false }
            let content = entry.read(for: row.task, submitting: false).content
            return row.state == nil ? !entry.isBlank : row.changes(content)
        }
        echo.comments = echo.comments.filter { !done.contains($0.key) }
        let leftFiles = files.keys.filter { !done.contains($0) }
        if echo.entries.isEmpty && echo.comments.isEmpty && leftFiles.isEmpty {
            let anchor = command.row.map { "#row-" + $0 } ?? ""
            return req.redirect(
                to: SiteURL.monthly(unit: target.unit, month: target.month).path + "?notice=\(plan.notice.rawValue)"
                    + anchor)
        }
        let unsaved = Set(echo.entries.keys).union(leftFiles)
        let held = echo.comments.keys.filter { !unsaved.contains($0) }.sorted()
        echo.notice =
            (Notice.text(for: plan.notice.rawValue) ?? "")
            + (unsaved.isEmpty
                ? ""
                : "另有 \(unsaved.count) 行的修改尚未保存（标“未保存”），请保存；"
                    + (leftFiles.isEmpty ? "" : "这些行选择的文件需重新选择；") + "关闭页面前请确认。")
            + (held.isEmpty
                ? "" : "填写了审核意见的行未作处理：\(held.joined(separator: "、"))。退回请点该行的「退回」。")
        return try await page(req, target, try await self.sheet(req, target), echo, status: .ok)
    }

    /// The steps a command takes, and the notice shown after them; problems go into `echo` by row.
    private func steps(
        for command: MonthlyPage.Command, sheet: MonthlyReports.Sheet, target: Target, db: any Database,
        files: [String: [File]], echo: inout Echo
    ) async throws -> (steps: [ReportStore.Step], notice: Notice, nothingToDo: String) {
        let unit = target.unit
        let month = target.month
        func step(_ action: ReportAction, _ row: MonthlyReports.Row, content: ReportStore.Content? = nil)
            -> ReportStore.Step
        {
            ReportStore.Step(
                action, taskCode: row.task.code, unitCode: unit, month: month, content: content,
                comment: action.needsComment ? echo.comments[row.task.code] : nil,
                expectedRevision: echo.revisions[row.task.code])
        }
        /// The row's typed content when it changes what is stored (or files were chosen); problems are noted by
        /// row.
        func typed(_ row: MonthlyReports.Row, submitting: Bool) -> Typed {
            guard let entry = echo.entries[row.task.code] else { return .unchanged }
            let read = entry.read(for: row.task, submitting: submitting)
            let changed = row.state == nil ? !entry.isBlank : row.changes(read.content)
            guard changed || files[row.task.code] != nil else { return .unchanged }
            guard read.problems.isEmpty else {
                echo.problems[row.task.code, default: []] += read.problems
                return .refused
            }
            return .changed(read.content)
        }
        let editable = sheet.rows.filter { $0.state?.isEditable ?? true }
        switch command {
        case .saveAll, .save:
            var steps: [ReportStore.Step] = []
            for row in editable where command.row == nil || command.row == row.task.code {
                if case .changed(let content) = typed(row, submitting: false) {
                    steps.append(step(.save, row, content: content))
                }
            }
            return (steps, .saved, "没有需要保存的修改。")
        case .carry(let code):
            guard let row = sheet.row(code) else { return ([], .carried, "") }
            do {
                let content = try await CarryForward(db: db).draft(
                    task: row.task, unit: unit, month: month, in: target.snapshot.loaded)
                return ([step(.save, row, content: content)], .carried, "")
            } catch let refusal as ServiceError {
                echo.problems[code, default: []].append(refusal.description)
                return ([], .carried, "")
            }
        case .submitAll:
            var steps: [ReportStore.Step] = []
            for row in editable {
                switch typed(row, submitting: true) {
                case .changed(let content):
                    steps.append(step(.requestApproval, row, content: content))
                case .unchanged:
                    guard let stored = row.content else { continue }  // never written: not sent
                    if stored.narrative.isEmpty {
                        echo.problems[row.task.code, default: []].append("报送前请填写进展情况")
                    } else {
                        steps.append(step(.requestApproval, row))
                    }
                case .refused:
                    continue
                }
            }
            return (steps, .requested, "没有可提交的报告：请先填写。")
        case .approveAll:
            var steps: [ReportStore.Step] = []
            var held: [String] = []
            for row in sheet.rows where row.state == .pendingApproval {
                // A comment typed on a row means the leader meant to send it back, not to pass it.
                if echo.comments[row.task.code] != nil {
                    held.append(row.task.code)
                    continue
                }
                steps.append(step(.approve, row))
            }
            if !held.isEmpty && steps.isEmpty {
                return ([], .submitted, "填写了审核意见的行未通过：\(held.joined(separator: "、"))。退回请点该行的「退回」。")
            }
            return (steps, .submitted, "没有待审核的报告。")
        case .approve(let code):
            guard let row = sheet.row(code) else { return ([], .submitted, "") }
            if row.state == .pendingApproval { return ([step(.approve, row)], .submitted, "") }
            switch typed(row, submitting: true) {
            case .changed(let content): return ([step(.approve, row, content: content)], .submitted, "")
            case .unchanged:
                if row.content?.narrative.isEmpty ?? true {
                    echo.problems[code, default: []].append("报送前请填写进展情况")
                }
                return ([step(.approve, row)], .submitted, "")
            case .refused: return ([], .submitted, "")
            }
        case .reject(let code):
            guard let row = sheet.row(code) else { return ([], .rejected, "") }
            if (echo.comments[code] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                echo.problems[code, default: []].append("请填写退回意见")
                return ([], .rejected, "")
            }
            return ([step(.reject, row)], .rejected, "")
        }
    }

    /// What a row's form fields hold against what is stored.
    private enum Typed {
        /// Nothing new: the same content, or nothing typed.
        case unchanged
        case changed(ReportStore.Content)
        /// Typed, but not readable; the problems are noted.
        case refused
    }

    /// One line per refused row, naming the task, for the top of the page.
    private func summary(of problems: [String: [String]], sheet: MonthlyReports.Sheet) -> [String] {
        sheet.rows.compactMap { row in
            problems[row.task.code].map { "\(row.task.code) \(row.task.title)：" + $0.joined(separator: "；") }
        }
    }

    // MARK: - page

    private func sheet(_ req: Request, _ target: Target) async throws -> MonthlyReports.Sheet {
        let user = try await req.currentUser()
        return try await MonthlyReports(db: req.db).sheet(
            unit: target.unit, month: target.month, in: target.snapshot, reader: user.actor)
    }

    private func page(
        _ req: Request, _ target: Target, _ sheet: MonthlyReports.Sheet, _ echo: Echo, status: HTTPResponseStatus
    ) async throws -> Response {
        let user = try await req.currentUser()
        let model = MonthlyPage.Model(
            sheet: sheet, snapshot: target.snapshot, user: user, entered: echo.entries, reviewComments: echo.comments,
            problems: echo.problems, errors: echo.errors, maxUploadMB: req.application.lantian.maxUploadBytes >> 20)
        let html = MonthlyPage.render(model, try await req.pageContext(.monthly, notice: echo.notice))
        return Response.html(html.render(), status: status)
    }
}
