import Foundation
import Persistence
import Services
import Testing
import Vapor
import VaporTesting
import Web

/// Sessions, sign-in, tokens, redirects, headers and downloads: the rules of docs/SECURITY.md, each tried the way
/// an attacker or a careless day would try it.
@Suite(.serialized) struct SessionSecurityTests {
    static func cookieValue(_ browser: Browser) -> String { browser.cookie ?? "" }

    @Test func signInGivesANewSessionAndTheOldIdIsDead() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            var browser = Browser(app)
            try await browser.get("/login")
            let before = Self.cookieValue(browser)
            #expect(!before.isEmpty)
            try await browser.login("zz-reporter")
            let after = Self.cookieValue(browser)
            #expect(after != before, "the session id changes at sign-in")
            #expect(try await browser.get("/").status == .ok)
            // Whoever knew the id from before sign-in (a planted cookie) holds nothing.
            var planted = Browser(app)
            planted.cookie = before
            #expect(try await planted.get("/").status == .seeOther)
        }
    }

    @Test func sessionsEndWhenIdleAndAfterTwelveHours() async throws {
        try await withLantian(at: "2021-11-03T08:00:00+08:00") { app, clock, _ in
            try await WebTests.makeUnitUsers(app)
            var browser = Browser(app)
            try await browser.login("zz-reporter")
            clock.set("2021-11-03T09:59:00+08:00")
            #expect(try await browser.get("/").status == .ok, "1 h 59 min idle: still signed in")
            clock.set("2021-11-03T12:00:00+08:00")
            let idle = try await browser.get("/")
            #expect(idle.status == .seeOther, "2 h 01 min idle: signed out")
            #expect(idle.headers.first(name: .location)?.hasPrefix("/login") == true)
            // 退出 on the page left open still works: back to the login page, not a form-token error.
            let out = try await browser.post("/logout", [])
            #expect(out.status == .seeOther && out.headers.first(name: .location) == "/login")

            var busy = Browser(app)
            try await busy.login("zz-leader")
            for hour in 13...23 {
                clock.set("2021-11-03T\(hour):00:00+08:00")
                #expect(try await busy.get("/").status == .ok, "busy at \(hour):00")
            }
            clock.set("2021-11-04T00:01:00+08:00")
            #expect(try await busy.get("/").status == .seeOther, "12 h after sign-in the session ends however busy")
        }
    }

    @Test func passwordChangeEndsTheOtherSessionsOnly() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            var laptop = Browser(app)
            try await laptop.login("zz-reporter")
            var phone = Browser(app)
            try await phone.login("zz-reporter")
            try await laptop.get("/account/password")
            let oldCookie = Self.cookieValue(laptop)
            let changed = try await laptop.post(
                "/account/password",
                [("current", testPassword), ("new", "Another-blue-2021"), ("repeat", "Another-blue-2021")])
            #expect(changed.status == .seeOther)
            #expect(Self.cookieValue(laptop) != oldCookie, "the changing session goes on under a new id")
            #expect(try await laptop.get("/").status == .ok)
            #expect(try await phone.get("/").status == .seeOther, "the other session ended")
        }
    }

    @Test func resetAndDeactivationEndSessionsAndRevokeTokens() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            var office = Browser(app)
            try await office.login("office1")
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            let token = try await SecurityMatrixTests.token(app, "zz-reporter")
            #expect(try await SecurityMatrixTests.api(app, .GET, "/api/v1/plan", token: token).status == .ok)

            try await office.get("/admin/users")
            #expect(try await office.post("/admin/users/zz-reporter/reset", []).status == .ok)
            #expect(try await reporter.get("/").status == .seeOther)
            #expect(try await SecurityMatrixTests.api(app, .GET, "/api/v1/plan", token: token).status == .unauthorized)

            var leader = Browser(app)
            try await leader.login("zz-leader")
            let leaderToken = try await SecurityMatrixTests.token(app, "zz-leader")
            try await office.get("/admin/users")
            #expect(try await office.post("/admin/users/zz-leader/toggle", []).status == .seeOther)
            let after = try await leader.get("/")
            #expect(after.status == .seeOther)
            // A deactivated user's browser still reaches the login page (it used to loop between / and /login).
            let login = try await leader.get(after.headers.first(name: .location) ?? "/login")
            #expect(login.status == .ok)
            #expect(login.body.string.contains("name=\"password\""))
            #expect(
                try await SecurityMatrixTests.api(app, .GET, "/api/v1/plan", token: leaderToken).status
                    == .unauthorized)
            let relogin = try await leader.post("/login", [("username", "zz-leader"), ("password", testPassword)])
            #expect(relogin.status == .unauthorized)
        }
    }

    @Test func anAccountHoldsAtMostTenLiveTokens() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            for _ in 0..<APITokens.maxLive { _ = try await SecurityMatrixTests.token(app, "zz-reporter") }
            let eleventh = try await SecurityMatrixTests.api(
                app, .POST, "/api/v1/tokens", token: nil,
                json: #"{"username":"zz-reporter","password":"\#(testPassword)"}"#)
            #expect(eleventh.status == .conflict)
            #expect(eleventh.body.string.contains("最多 10 个有效令牌"))
        }
    }

    @Test func theAPIRefusesAOneTimePasswordSession() async throws {
        try await withLantian { app, _, first in
            let first = try #require(first)
            var admin = Browser(app)
            try await admin.login(first.username, first.oneTimePassword)
            let response = try await admin.get("/api/v1/plan")
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("一次性密码"))
        }
    }

    @Test func failedSignInsAreThrottledAndAudited() async throws {
        try await withLantian(at: "2021-11-03T10:00:00+08:00") { app, clock, _ in
            try await WebTests.makeUnitUsers(app)
            var attacker = Browser(app)
            for _ in 0..<LoginThrottle.perAccount {
                #expect(try await attacker.login("zz-reporter", "guess-guess-guess").status == .unauthorized)
            }
            let locked = try await attacker.login("zz-reporter")
            #expect(locked.status == .tooManyRequests, "even the right password waits")
            #expect(locked.body.string.contains("请 15 分钟后再试"))
            let token = try await SecurityMatrixTests.api(
                app, .POST, "/api/v1/tokens", token: nil,
                json: #"{"username":"zz-reporter","password":"\#(testPassword)"}"#)
            #expect(token.status == .tooManyRequests, "the token endpoint counts the same failures")
            // Another account from elsewhere is not affected.
            var colleague = Browser(app)
            #expect(try await colleague.login("zz-leader").status == .seeOther)
            clock.set("2021-11-03T10:15:01+08:00")
            #expect(try await attacker.login("zz-reporter").status == .seeOther, "15 minutes later it works")

            var office = Browser(app)
            try await office.login("office1")
            let audit = try await office.get("/admin/audit?action=user.loginFailed").body.string
            #expect(audit.components(separatedBy: "<td>user.loginFailed</td>").count - 1 == LoginThrottle.perAccount)
        }
    }

    @Test func unknownAndKnownUsernamesCostTheSameBcryptWork() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            func seconds(_ username: String) async throws -> Double {
                var fastest = Double.infinity
                for _ in 0..<2 {
                    let start = Date()
                    let response = try await SecurityMatrixTests.api(
                        app, .POST, "/api/v1/tokens", token: nil,
                        json: #"{"username":"\#(username)","password":"wrong-password-1"}"#)
                    #expect(response.status == .unauthorized)
                    fastest = min(fastest, Date().timeIntervalSince(start))
                }
                return fastest
            }
            let known = try await seconds("zz-leader")
            let unknown = try await seconds("nobody-here")
            // bcrypt (cost 12) dominates both; without the decoy hash the unknown name answers ~100× faster.
            #expect(unknown > known / 2 && unknown < known * 2, "known \(known) s, unknown \(unknown) s")
        }
    }

    @Test func passwordsBcryptWouldCutAreRefused() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            var browser = Browser(app)
            try await browser.login("zz-reporter")
            try await browser.get("/account/password")
            let long = String(repeating: "蓝天白云", count: 7)  // 28 characters, 84 bytes
            let response = try await browser.post(
                "/account/password", [("current", testPassword), ("new", long), ("repeat", long)])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("密码不超过 72 字节"))
        }
    }

    @Test func signInLeadsOnlyToKnownPagesOfThisSite() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            for (next, kept) in [
                ("/tasks?q=%E6%95%A3%E7%85%A4", true), ("/tasks/t11", true), ("/\t/evil.example", false),
                ("//evil.example", false), ("/\\evil.example", false), ("https://evil.example/", false),
                ("/no-such-page", false), ("/tasks\r\nSet-Cookie: x=y", false),
            ] {
                var browser = Browser(app)
                try await browser.get("/login")
                let response = try await browser.post(
                    "/login", [("username", "zz-reporter"), ("password", testPassword), ("next", next)])
                let location = response.headers.first(name: .location)
                #expect(location == (kept ? next : "/"), "next=\(next.debugDescription)")
            }
            var stranger = Browser(app)
            let form = try await stranger.get("/login?next=%2F%09%2Fevil.example")
            #expect(!form.body.string.contains("name=\"next\""))
        }
    }

    @Test func anonymousUploadsAreRefusedBeforeTheirBodyIsRead() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            // Read first, the body would fail the form-token check (403); the caller is refused before that.
            let body = ByteBuffer(repeating: 0x41, count: 12 << 20)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=x")
            let anonymous = try await app.testing().sendRequest(
                .POST, WebTests.reportPath, headers: headers, body: body)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers.first(name: .location)?.hasPrefix("/login") == true)
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            headers.replaceOrAdd(name: .cookie, value: reporter.cookie ?? "")
            let signedIn = try await app.testing().sendRequest(
                .POST, WebTests.reportPath, headers: headers, body: body)
            #expect(signedIn.status == .forbidden, "a signed-in user's body is read (to the route's limit) and checked")
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await withLantian { app, _, _ in
            for path in ["/login", "/api/v1/openapi.json", "/no-such-page", "/static/lantian.css"] {
                let response = try await app.testing().sendRequest(.GET, path)
                let policy = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(policy.contains("default-src 'self'"), "\(path)")
                #expect(policy.contains("script-src 'none'") && policy.contains("frame-ancestors 'none'"))
                #expect(policy.contains("form-action 'self'") && policy.contains("base-uri 'none'"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
                #expect(response.headers.first(name: "Strict-Transport-Security") == nil, "no HSTS over plain HTTP")
            }
            let page = try await app.testing().sendRequest(.GET, "/login").body.string
            #expect(!page.contains("<script") && !page.contains(" style=\""), "nothing the policy would block")
        }
    }

    @Test func evidenceIsServedAsLantianTypesItWithAnEncodedName() async throws {
        try await withLantian { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            try await reporter.get(WebTests.reportPath)
            // The browser claims HTML; the name says PDF: it is served as PDF, never rendered as a page.
            try await reporter.postMultipart(
                WebTests.reportPath, [("action", "save"), ("reportedStatus", "inProgress"), ("narrative", "x")],
                files: [
                    (field: "evidence[]", name: "验收单 (1).pdf", type: "text/html", data: Data("<script>".utf8))
                ])
            let list = try await reporter.get("/api/v1/tasks/t11/reports")
            let id = try #require(
                try JSONDecoder().decode([SecurityEvidenceJSON].self, from: Data(list.body.readableBytesView))
                    .first?.evidence.first?.id)
            let file = try await reporter.get("/evidence/\(id)")
            #expect(file.status == .ok)
            #expect(file.headers.first(name: .contentType) == "application/pdf")
            #expect(file.headers.first(name: .cacheControl)?.hasPrefix("private") == true)
            #expect(file.headers.first(name: "X-Content-Type-Options") == "nosniff")
            // RFC 8187: 验 is E9 AA 8C; space and parentheses are not attr-chars either.
            #expect(
                file.headers.first(name: .contentDisposition)
                    == "attachment; filename=\"_____1_.pdf\"; "
                    + "filename*=UTF-8''%E9%AA%8C%E6%94%B6%E5%8D%95%20%281%29.pdf")
        }
    }

    @Test func exportedCellsCannotStartAFormula() async throws {
        try await withLantian { app, clock, _ in
            try await WebTests.makeUnitUsers(app)
            var office = Browser(app)
            try await office.login("office1")
            clock.set("2021-11-03T11:00:00+08:00")
            try await office.get("/admin/plans/import")
            let plan = try PageInjectionTests.planFile(text: "=HYPERLINK(\"http://evil.example\",\"点击\")")
            let imported = try await office.postMultipart(
                "/admin/plans/import", [],
                files: [(field: "file", name: "plan.yaml", type: "application/x-yaml", data: Data(plan.utf8))])
            #expect(imported.status == .ok)
            let csv = try await office.get("/tasks.csv").body.string
            #expect(csv.contains("'=HYPERLINK"))
            let cells = csv.split(whereSeparator: { $0 == "," || $0 == "\r\n" || $0 == "\n" })
            #expect(!cells.contains { $0.hasPrefix("=") || $0.hasPrefix("\"=") })
        }
    }
}

private struct SecurityEvidenceJSON: Decodable {
    struct Evidence: Decodable { var id: String }
    var evidence: [Evidence]
}

/// The accounts file of `lantian user import` is read by the one CSV reader.
@Suite struct AccountsFileTests {
    @Test func quotedNamesKeepTheirCommas() throws {
        let rows = try UserAccounts.rows(
            csv: "\u{FEFF}username,name,role,unit,password\r\nwang,\"王伟, 副主任\",unitLeader,zezhou,\r\n"
                + "li,李娜,unitReporter,gaoping,Blue-sky-2021-li\r\n")
        #expect(rows.map(\.displayName) == ["王伟, 副主任", "李娜"])
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows[0].password == nil && rows[1].password == "Blue-sky-2021-li")
    }

    @Test func everyMalformedLineIsNamed() {
        #expect(throws: UserAccounts.Problems.self) { try UserAccounts.rows(csv: "name,role\nx,y\n") }
        do {
            _ = try UserAccounts.rows(csv: "username,name,role,unit\na,b,c\nd,e,f,g\nh\n")
            Issue.record("accepted a malformed file")
        } catch let problems as UserAccounts.Problems {
            #expect(
                problems.messages == [
                    "line 2: expected 4 or 5 fields, found 3", "line 4: expected 4 or 5 fields, found 1",
                ])
        } catch {
            Issue.record("\(error)")
        }
    }
}
