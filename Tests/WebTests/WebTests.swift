import AirQuality
import Campaign
import Fluent
import Foundation
import LantianCore
import Persistence
import Services
import Testing
import Vapor
import VaporTesting
import Web

/// End-to-end behaviour over HTTP, on SQLite by default and on PostgreSQL when `DATABASE_URL` is set.
/// Serialized: on PostgreSQL every test empties the one shared database.
@Suite(.serialized) struct WebTests {
    /// 散煤治理 (task-table row 11): lead 市能源局, every county responsible, due 2021-10-31.
    static let coal = "t11"
    static let october = "2021-10"
    static let reportPath = "/tasks/t11/reports/zezhou/2021-10"

    static func makeUnitUsers(_ app: Application) async throws {
        try await makeUser(app, "zz-reporter", role: "unitReporter", unit: "zezhou")
        try await makeUser(app, "zz-leader", role: "unitLeader", unit: "zezhou")
        try await makeUser(app, "gp-reporter", role: "unitReporter", unit: "gaoping")
        try await makeUser(app, "office1", role: "officeAdmin", unit: "office")
        try await makeUser(app, "watcher", role: "viewer", unit: "office")
        try await makeUser(app, "energy-leader", role: "unitLeader", unit: "city-energy")
    }

    @Test func firstStartCreatesAnAdministratorWithAOneTimePassword() async throws {
        try await withLantian { app, _, first in
            let first = try #require(first)
            #expect(first.username == "admin")
            #expect(first.oneTimePassword.count >= 12)
            var browser = Browser(app)
            let login = try await browser.login("admin", first.oneTimePassword)
            #expect(login.status == .seeOther)
            // A one-time password leads straight to choosing one's own.
            let home = try await browser.get("/")
            #expect(home.headers.first(name: .location) == "/account/password")
            let weak = try await browser.post(
                "/account/password", [("current", first.oneTimePassword), ("new", "short"), ("repeat", "short")])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.string.contains("密码至少 10 位"))
            let changed = try await browser.post(
                "/account/password",
                [("current", first.oneTimePassword), ("new", "Lantian-2021-blue"), ("repeat", "Lantian-2021-blue")])
            #expect(changed.status == .seeOther)
            let dashboard = try await browser.get("/")
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.string.contains("晋城市2021-2022年秋冬季大气污染综合治理攻坚方案"))
            #expect(dashboard.body.string.contains("48.7 µg/m³"))
        }
    }

    @Test func wrongPasswordIsRefusedWithAMessage() async throws {
        try await withLantian { app, _, _ in
            try await Self.makeUnitUsers(app)
            var browser = Browser(app)
            let response = try await browser.login("zz-reporter", "not-the-password")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("用户名或密码不正确"))
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    /// 填报 → 提交审核 → 负责人审核报送 → 大气办退回 → 修改再报 → 确认, every version kept.
    @Test func reportWorkflowKeepsEveryVersion() async throws {
        try await withLantian(at: "2021-11-03T10:00:00+08:00") { app, clock, _ in
            try await Self.makeUnitUsers(app)
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            let form = try await reporter.get(Self.reportPath)
            #expect(form.status == .ok)
            #expect(form.body.string.contains("name=\"values[households]\""))
            let pdf = Data("%PDF-1.4\n泽州县散煤治理验收单\n%%EOF".utf8)
            let saved = try await reporter.postMultipart(
                Self.reportPath,
                [
                    ("action", "save"), ("reportedStatus", "inProgress"), ("narrative", "已完成 1,200 户气代煤改造。"),
                    ("values[households]", "1,200"),
                ],
                files: [(field: "evidence[]", name: "验收单.pdf", type: "application/pdf", data: pdf)])
            #expect(saved.status == .seeOther)
            let page = try await reporter.get(Self.reportPath)
            #expect(page.body.string.contains("验收单.pdf"))
            #expect(page.body.string.contains("草稿"))
            // SHA-256 of the uploaded bytes, shown for checking.
            let digest = SHA256.hash(data: pdf).map { String(format: "%02x", $0) }.joined()
            #expect(page.body.string.contains(digest))

            let requested = try await reporter.postMultipart(
                Self.reportPath,
                [
                    ("action", "requestApproval"), ("reportedStatus", "inProgress"), ("narrative", "已完成 1,200 户气代煤改造。"),
                    ("values[households]", "1200"),
                ])
            #expect(requested.status == .seeOther)

            clock.set("2021-11-05T23:59:00+08:00")
            var leader = Browser(app)
            try await leader.login("zz-leader")
            let approved = try await leader.post(Self.reportPath + "/action", [("action", "approve")])
            #expect(approved.status == .seeOther)

            var office = Browser(app)
            try await office.login("office1")
            let noComment = try await office.post(
                Self.reportPath + "/action", [("action", "returnToUnit"), ("comment", " ")])
            #expect(noComment.status == .unprocessableEntity)
            #expect(noComment.body.string.contains("请填写退回意见"))
            let returned = try await office.post(
                Self.reportPath + "/action", [("action", "returnToUnit"), ("comment", "请补充村级清单")])
            #expect(returned.status == .seeOther)

            // Two days on, the reporter's session has expired (SessionAuthenticator's limits): they sign in again.
            #expect(try await reporter.get(Self.reportPath).status == .seeOther)
            try await reporter.login("zz-reporter")
            let back = try await reporter.get(Self.reportPath)
            #expect(back.body.string.contains("请补充村级清单"))
            #expect(back.body.string.contains("已退回"))
            try await reporter.postMultipart(
                Self.reportPath,
                [
                    ("action", "requestApproval"), ("reportedStatus", "inProgress"), ("narrative", "已补充村级清单。"),
                    ("values[households]", "1350"),
                ])
            try await leader.post(Self.reportPath + "/action", [("action", "approve")])
            let accepted = try await office.post(Self.reportPath + "/action", [("action", "accept")])
            #expect(accepted.status == .seeOther)

            let api = try await office.get("/api/v1/tasks/t11/reports")
            let reports = try JSONDecoder().decode([ReportJSON].self, from: Data(api.body.readableBytesView))
            let report = try #require(reports.first { $0.unit == "zezhou" })
            #expect(report.state == "accepted")
            #expect(report.values["households"] == 1350)
            #expect(report.revision == 7)
            // First reached the office at 23:59 on the 5th: on time.
            #expect(report.late == false)
            #expect(report.evidence.count == 1)

            let history = try await office.get(Self.reportPath)
            for action in ["保存草稿", "提交审核", "审核通过并报送", "退回修改", "确认"] {
                #expect(history.body.string.contains(action))
            }
            let audit = try await office.get("/admin/audit")
            #expect(audit.body.string.components(separatedBy: "<td>report.").count - 1 == 7)
        }
    }

    /// Due "5日 23:59": at 00:00 on the 6th the first submission is late, and the task page says so.
    @Test func submissionAtMidnightOnTheSixthIsLate() async throws {
        try await withLantian(at: "2021-11-06T00:00:00+08:00") { app, _, _ in
            try await Self.makeUnitUsers(app)
            var leader = Browser(app)
            try await leader.login("zz-leader")
            let response = try await leader.postMultipart(
                Self.reportPath,
                [
                    ("action", "approve"), ("reportedStatus", "inProgress"), ("narrative", "迟报示例"),
                    ("values[households]", "10"),
                ])
            #expect(response.status == .seeOther)
            let api = try await leader.get("/api/v1/tasks/t11/reports")
            let reports = try JSONDecoder().decode([ReportJSON].self, from: Data(api.body.readableBytesView))
            #expect(reports.first?.late == true)
            #expect(try await leader.get("/tasks/t11").body.string.contains("迟报"))
        }
    }

    /// Every write route refuses a user of the wrong unit or role, on the server.
    @Test func writesAreCheckedAgainstUnitAndRole() async throws {
        try await withLantian { app, _, _ in
            try await Self.makeUnitUsers(app)
            let content: [(String, String)] = [
                ("action", "save"), ("reportedStatus", "inProgress"), ("narrative", "x"), ("values[households]", "1"),
            ]
            // Another county's reporter can neither read (drafts are private to their unit) nor write Zezhou's report.
            var other = Browser(app)
            try await other.login("gp-reporter")
            let foreignForm = try await other.get(Self.reportPath)
            #expect(foreignForm.status == .forbidden)
            #expect(!foreignForm.body.string.contains("name=\"action\""))
            #expect(try await other.postMultipart(Self.reportPath, content).status == .forbidden)
            #expect(try await other.post(Self.reportPath + "/action", [("action", "approve")]).status == .forbidden)
            // A unit not on the task has no report there at all.
            #expect(try await other.get("/tasks/t11/reports/city-commerce/2021-10").status == .notFound)
            // A viewer writes nothing.
            var viewer = Browser(app)
            try await viewer.login("watcher")
            #expect(try await viewer.postMultipart(Self.reportPath, content).status == .forbidden)
            // The office does not write for a unit, and a reporter does not accept.
            var office = Browser(app)
            try await office.login("office1")
            #expect(try await office.postMultipart(Self.reportPath, content).status == .forbidden)
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            try await reporter.postMultipart(Self.reportPath, content)
            #expect(try await reporter.post(Self.reportPath + "/action", [("action", "accept")]).status == .forbidden)
            #expect(
                try await reporter.post(Self.reportPath + "/action", [("action", "returnToUnit"), ("comment", "x")])
                    .status == .forbidden)
            // A reporter cannot approve (submit) its own report; that is the leader's.
            #expect(
                try await reporter.postMultipart(Self.reportPath, [("action", "approve")] + content.dropFirst()).status
                    == .forbidden)
            // Office pages are the office's.
            for (path, fields) in [
                ("/admin/units", [("code", "x-unit"), ("name", "某单位"), ("kind", "department")]),
                (
                    "/admin/users",
                    [("username", "intruder"), ("displayName", "x"), ("role", "officeAdmin"), ("unit", "zezhou")]
                ),
                ("/admin/users/zz-leader/reset", []), ("/admin/users/zz-leader/toggle", []),
            ] {
                #expect(try await reporter.post(path, fields).status == .forbidden, "\(path)")
            }
            #expect(try await reporter.postMultipart("/admin/plans/import", []).status == .forbidden)
            #expect(try await reporter.get("/admin/audit").status == .forbidden)
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefused() async throws {
        try await withLantian { app, _, _ in
            try await Self.makeUnitUsers(app)
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            let response = try await reporter.post(
                Self.reportPath + "/action", [("action", "approve")], csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("CSRF"))
        }
    }

    /// Bad input re-renders the form with messages and stores nothing.
    @Test func badValuesAndFilesRerenderTheForm() async throws {
        try await withLantian { app, _, _ in
            try await Self.makeUnitUsers(app)
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            let response = try await reporter.postMultipart(
                Self.reportPath,
                [
                    ("action", "save"), ("reportedStatus", "inProgress"), ("narrative", "保留的文字"),
                    ("values[households]", "一千"),
                ],
                files: [
                    (field: "evidence[]", name: "virus.exe", type: "application/octet-stream", data: Data([1, 2, 3]))
                ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("“一千”不是数值；请填写如 16000、16,000 或 1.6万"))
            #expect(response.body.string.contains("virus.exe：不支持的文件类型"))
            #expect(response.body.string.contains("保留的文字"))
            let page = try await reporter.get(Self.reportPath)
            #expect(page.body.string.contains("尚未填写"))
            // Uploads have a limit (1 MB in tests): the form says so and keeps nothing.
            let big = try await reporter.postMultipart(
                Self.reportPath, [("action", "save"), ("reportedStatus", "inProgress"), ("narrative", "大文件")],
                files: [
                    (field: "evidence[]", name: "扫描件.pdf", type: "application/pdf", data: Data(count: (1 << 20) + 1))
                ])
            #expect(big.status == .unprocessableEntity)
            #expect(big.body.string.contains("扫描件.pdf：超过 1 MB 上限"))
            #expect(try await reporter.get(Self.reportPath).body.string.contains("尚未填写"))
        }
    }

    /// 散煤治理 is overdue on 3 November until its lead reports it done with both indicators met.
    @Test func statusIsComputedFromReports() async throws {
        try await withLantian(at: "2021-11-03T09:00:00+08:00") { app, _, _ in
            try await Self.makeUnitUsers(app)
            var energy = Browser(app)
            try await energy.login("energy-leader")
            #expect(try await Self.status(of: Self.coal, &energy) == "overdue")
            try await energy.postMultipart(
                "/tasks/t11/reports/city-energy/2021-10",
                [
                    ("action", "approve"), ("reportedStatus", "done"), ("narrative", "全部完成"),
                    ("values[households]", "16000"),
                    ("values[coal-replaced]", "47000"),
                ])
            // 47,000 t of the 48,000 t committed: not done yet.
            #expect(try await Self.status(of: Self.coal, &energy) == "overdue")
            try await energy.postMultipart(
                "/tasks/t11/reports/city-energy/2021-11",
                [
                    ("action", "approve"), ("reportedStatus", "done"), ("narrative", "全部完成"),
                    ("values[households]", "16000"),
                    ("values[coal-replaced]", "48000"),
                ])
            #expect(try await Self.status(of: Self.coal, &energy) == "done")
        }
    }

    static func status(of task: String, _ browser: inout Browser) async throws -> String {
        let response = try await browser.get("/api/v1/tasks/\(task)")
        let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        return json?["status"] as? String ?? "?"
    }

    @Test func planUploadRejectsABadFileWhole() async throws {
        try await withLantian { app, _, _ in
            try await Self.makeUnitUsers(app)
            var office = Browser(app)
            try await office.login("office1")
            try await office.get("/admin/plans/import")
            let bad = """
                format: lantian-plan/1
                plan:
                  code: other
                  title: 另一方案
                  period: {start: 2022-10-01, end: 2023-03-31}
                  timezone: Asia/Shanghai
                  reporting: {dueDay: 5, dueTime: "23:59"}
                  document: {number: X, issuer: Y, disclosure: public}
                units:
                  - {code: a, name: 甲局, kind: department}
                tasks:
                  - {code: t1, origin: table, category: c, measures: m, deadline: 2022-02-30, deadlineText: d, lead: [乙局]}
                """
            let rejected = try await office.postMultipart(
                "/admin/plans/import", [],
                files: [(field: "file", name: "other.yaml", type: "application/x-yaml", data: Data(bad.utf8))])
            #expect(rejected.status == .unprocessableEntity)
            let text = rejected.body.string
            #expect(text.contains("other.yaml：tasks[0].deadline (line 12)"))
            #expect(text.contains("乙局"))
            let plans = try await office.get("/api/v1/plans")
            #expect(!plans.body.string.contains("\"other\""))
            let good = bad.replacingOccurrences(of: "2022-02-30", with: "2022-02-28").replacingOccurrences(
                of: "[乙局]", with: "[甲局]")
            let imported = try await office.postMultipart(
                "/admin/plans/import", [],
                files: [(field: "file", name: "other.yaml", type: "application/x-yaml", data: Data(good.utf8))])
            #expect(imported.status == .ok)
            #expect(imported.body.string.contains("已导入方案 other：1 项任务"))
        }
    }

    @Test func listsFilterAndExportCSVWithBOM() async throws {
        try await withLantian { app, _, _ in
            try await Self.makeUnitUsers(app)
            var office = Browser(app)
            try await office.login("office1")
            let list = try await office.get("/tasks?lead=city-samr")
            #expect(list.status == .ok)
            // 市市场监督管理局 leads s05-2, s06-5, t23 and t24.
            #expect(list.body.string.contains("共 4 项任务"))
            let csv = try await office.get("/tasks.csv?lead=city-samr")
            #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            let bytes = Array(csv.body.readableBytesView)
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
            #expect(csv.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 5)
            let dashboard = try await office.get("/dashboard.csv")
            #expect(dashboard.body.string.contains("泽州县人民政府"))
            // Forwarded requirements go to the county bureaus and roll up to the forwarding department.
            try await makeUser(app, "samr", role: "unitLeader", unit: "city-samr")
            var samr = Browser(app)
            try await samr.login("samr")
            let mine = try await samr.get("/my")
            #expect(mine.body.string.contains("本单位转发、由下级单位落实的任务"))
            #expect(mine.body.string.contains("f133-3"))
        }
    }

    @Test func apiTokensReadAndWrite() async throws {
        try await withLantian(at: "2021-11-04T09:00:00+08:00") { app, _, _ in
            try await Self.makeUnitUsers(app)
            let token = try await Self.token(app, "zz-leader")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            let tasks = try await app.testing().sendRequest(.GET, "/api/v1/tasks?county=zezhou", headers: headers)
            #expect(tasks.status == .ok)
            headers.contentType = .json
            let body =
                #"{"action":"approve","reportedStatus":"inProgress","narrative":"接口报送","values":{"households":800}}"#
            let written = try await app.testing().sendRequest(
                .POST, "/api/v1" + Self.reportPath, headers: headers, body: ByteBuffer(string: body))
            #expect(written.status == .ok)
            #expect(written.body.string.contains("\"state\":\"submitted\""))
            let foreign = try await app.testing().sendRequest(
                .POST, "/api/v1/tasks/t11/reports/gaoping/2021-10", headers: headers, body: ByteBuffer(string: body))
            #expect(foreign.status == .forbidden)
            let anonymous = try await app.testing().sendRequest(.GET, "/api/v1/tasks")
            #expect(anonymous.status == .unauthorized)
            let spec = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            let json = try JSONSerialization.jsonObject(with: Data(spec.body.readableBytesView)) as? [String: Any]
            #expect(json?["openapi"] as? String == "3.1.0")
        }
    }

    static func token(_ app: Application, _ username: String) async throws -> String {
        var headers = HTTPHeaders()
        headers.contentType = .json
        let response = try await app.testing().sendRequest(
            .POST, "/api/v1/tokens", headers: headers,
            body: ByteBuffer(string: #"{"username":"\#(username)","password":"\#(testPassword)"}"#))
        let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        return try #require(json?["token"] as? String)
    }
}

struct ReportJSON: Decodable {
    var unit: String
    var state: String
    var values: [String: Double]
    var revision: Int
    var late: Bool
    var evidence: [Evidence]

    struct Evidence: Decodable {
        var fileName: String
    }
}

/// A stand-in for the monitoring capability: measures every county's dust fall at 6.5 t/(km²·month).
struct FixedDustfall: IndicatorValueSource {
    func measures(_ source: Indicator.Source) -> Bool { source == .measurement(code: "dustfall") }

    func values(for plan: Plan, asOf: Date, on db: any Database, versions: CacheVersions) async throws
        -> [String: [String: Double]]
    {
        var values: [String: [String: Double]] = [:]
        for task in plan.tasks {
            for indicator in task.indicators where measures(indicator.source) {
                values[task.code, default: [:]][indicator.code] = 6.5
            }
        }
        return values
    }
}

@Suite(.serialized) struct IndicatorSourceTests {
    /// An indicator whose value comes from another source than reports: the source's value is the current one.
    @Test func aConnectedSourceSuppliesTheCurrentValue() async throws {
        try await withLantian { app, _, _ in
            try await makeUser(app, "office1", role: "officeAdmin", unit: "office")
            var office = Browser(app)
            try await office.login("office1")
            app.indicatorSources = []
            let before = try await office.get("/tasks/t31")
            #expect(before.body.string.contains("未接入，暂以单位报送为准"))
            app.indicatorSources = [FixedDustfall()]
            let after = try await office.get("/tasks/t31")
            #expect(!after.body.string.contains("未接入"))
            let api = try await office.get("/api/v1/tasks/t31")
            let json = try JSONSerialization.jsonObject(with: Data(api.body.readableBytesView)) as? [String: Any]
            let indicators = json?["indicators"] as? [[String: Any]]
            #expect(indicators?.first?["current"] as? Double == 6.5)
        }
    }
}

extension WebTests {
    /// A fresh install shows real figures: Jincheng's four assessment stations, 2022-01-01 … 03-31, city mean
    /// PM2.5 61.325 µg/m³ over 90 valid days of the 182-day season (worked out from the CSV independently).
    @Test func seasonPageShowsTheBundledJinchengData() async throws {
        try await withLantian(at: "2022-04-01T10:00:00+08:00") { app, _, _ in
            try await makeUser(app, "office1", role: "officeAdmin", unit: "office")
            var office = Browser(app)
            try await office.login("office1")
            let page = try await office.get("/air")
            #expect(page.status == .ok)
            let text = page.body.string
            #expect(text.contains("61.3 µg/m³"))
            #expect(text.contains("有效天数 90 / 已过 182 天"))
            #expect(text.contains("白马寺") && text.contains("对照点"))
            let dashboard = try await office.get("/")
            #expect(dashboard.body.string.contains("61.3（有效 90/182 天"))
        }
    }

    /// Re-importing the same days changes nothing; a corrected value replaces the stored one.
    @Test func stationDaysAreUpserted() async throws {
        try await withLantian { app, _, _ in
            let store = AirQualityStore(database: app.db)
            let before = try await store.cityDays(from: "2022-01-01", to: "2022-03-31")
            let day = HourStamp.dayNumber(year: 2022, month: 1, day: 1)
            let original = try #require(before.first { $0.dayNumber == day })
            let stations = ["2160A", "2161A", "2162A", "2163A"]
            let corrected = DailyStatistics(dayNumber: day, means: [.pm25: 100], o3Max1h: nil, o3Max8h: nil)
            try await store.upsertDays([(station: "2160A", statistics: corrected)], source: "test")
            let after = try await store.cityDays(from: "2022-01-01", to: "2022-03-31")
            #expect(after.count == before.count)
            let changed = try #require(after.first { $0.dayNumber == day })
            #expect(changed.means[.pm25]! > original.means[.pm25]!)
            #expect(stations.count == 4)
            await #expect(throws: AirQualityStore.UnknownStations.self) {
                try await store.upsertDays([(station: "9999Z", statistics: corrected)], source: "test")
            }
        }
    }
}

extension WebTests {
    /// Declaring 2022-03-14 … 15 a sand-dust period takes those days out of the PM2.5 mean (88 days left,
    /// 60.574 µg/m³, worked out from the CSV independently) and keeps the day counts; bad input changes nothing.
    @Test func sandDustDaysLeaveThePM25Mean() async throws {
        try await withLantian(at: "2022-04-01T10:00:00+08:00") { app, _, _ in
            try await makeUser(app, "office1", role: "officeAdmin", unit: "office")
            try await makeUser(app, "zz-reporter", role: "unitReporter", unit: "zezhou")
            var office = Browser(app)
            try await office.login("office1")
            try await office.get("/air")
            let bad = try await office.post(
                "/air/sand-dust", [("firstDay", "2022-03-15"), ("lastDay", "2022-03-14"), ("note", "")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("结束日不能早于起始日") && bad.body.string.contains("请填写认定依据"))
            let declared = try await office.post(
                "/air/sand-dust", [("firstDay", "2022-03-14"), ("lastDay", "2022-03-15"), ("note", "省监测中心沙尘过程通报")])
            #expect(declared.status == .seeOther)
            let page = try await office.get("/air").body.string
            #expect(page.contains("60.6 µg/m³"))
            #expect(page.contains("有效天数 88 / 已过 182 天"))
            #expect(page.contains("含沙尘为 61.3 µg/m³"))
            var unit = Browser(app)
            try await unit.login("zz-reporter")
            try await unit.get("/air")
            let refused = try await unit.post(
                "/air/sand-dust", [("firstDay", "2022-01-01"), ("lastDay", "2022-01-02"), ("note", "x")])
            #expect(refused.status == .forbidden)
        }
    }
}
