import Crypto
import Foundation
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

/// 考核资料 (issue 14): one ZIP per unit, task or campaign, written while it is sent.
@Suite(.serialized) struct DossierTests {
    static let october = "/tasks/t11/reports/zezhou/2021-10"

    /// 泽州县 sends t11's October report with a file, the office returns it with a comment, 泽州县 sends it again
    /// with a second file; 高平市 keeps a draft. 泽州县's dossier is a ZIP that ZIPFoundation reads and checks (CRC):
    /// both versions and the return in the index, both files byte for byte under their SHA-256, the checksum list,
    /// nothing of 高平市's draft. A unit gets its own dossier only; the whole campaign's is the office's.
    @Test func aUnitsDossierHoldsEveryVersionSentAndItsFiles() async throws {
        try await withLantian(at: "2021-11-03T10:00:00+08:00") { app, _, _ in
            try await WebTests.makeUnitUsers(app)
            let first = Data("%PDF-1.4\n第一版验收单\n%%EOF".utf8)
            let second = Data("%PDF-1.4\n第二版补充材料\n%%EOF".utf8)
            var leader = Browser(app)
            try await leader.login("zz-leader")
            try await leader.get(Self.october)
            let sent = try await leader.postMultipart(
                Self.october,
                [
                    ("action", "approve"), ("reportedStatus", "inProgress"), ("narrative", "第一版进展"),
                    ("values[households]", "900"),
                ],
                files: [(field: "evidence[]", name: "验收单.pdf", type: "application/pdf", data: first)])
            #expect(sent.status == .seeOther)
            var office = Browser(app)
            try await office.login("office1")
            try await office.get(Self.october)
            let returned = try await office.post(
                Self.october + "/action", [("action", "returnToUnit"), ("comment", "请补充验收材料")])
            #expect(returned.status == .seeOther)
            try await leader.get(Self.october)
            let again = try await leader.postMultipart(
                Self.october,
                [
                    ("action", "approve"), ("reportedStatus", "inProgress"), ("narrative", "第二版进展"),
                    ("values[households]", "950"),
                ],
                files: [(field: "evidence[]", name: "补充材料.pdf", type: "application/pdf", data: second)])
            #expect(again.status == .seeOther)
            var gaoping = Browser(app)
            try await gaoping.login("gp-reporter")
            try await gaoping.get("/tasks/t11/reports/gaoping/2021-10")
            let draft = try await gaoping.post(
                "/tasks/t11/reports/gaoping/2021-10",
                [("action", "save"), ("reportedStatus", "inProgress"), ("narrative", "高平草稿不应出现")])
            #expect(draft.status == .seeOther)

            let response = try await office.get("/dossier.zip?unit=zezhou")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "application/zip")
            let archive = try Archive(data: Data(response.body.readableBytesView), accessMode: .read)
            func read(_ path: String) throws -> Data {
                let entry = try #require(archive[path], "\(path) is in the archive")
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                return data
            }
            let index = String(decoding: try read("index.html"), as: UTF8.self)
            #expect(index.contains("第一版进展") && index.contains("第二版进展"), "both versions sent")
            #expect(index.contains("请补充验收材料"), "the return and its comment")
            #expect(index.contains("散煤治理") || index.contains("t11"))
            #expect(!index.contains("高平草稿不应出现"), "no draft")
            let sums = String(decoding: try read("SHA256SUMS.txt"), as: UTF8.self)
            for (data, name) in [(first, "验收单.pdf"), (second, "补充材料.pdf")] {
                let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
                let path = "evidence/t11/zezhou/2021-10/\(digest.prefix(12))-\(name)"
                #expect(try read(path) == data, "\(name) byte for byte")
                #expect(sums.contains("\(digest)  \(path)\n"))
                #expect(index.contains("href=\"\(path)\""), "the index links \(name)")
            }

            var reporter = Browser(app)
            try await reporter.login("zz-reporter")
            #expect(try await reporter.get("/dossier.zip?unit=zezhou").status == .ok, "a unit has its own")
            #expect(try await reporter.get("/dossier.zip?unit=gaoping").status == .forbidden)
            #expect(try await reporter.get("/dossier.zip").status == .forbidden)
            let campaign = try await office.get("/dossier.zip")
            let whole = try Archive(data: Data(campaign.body.readableBytesView), accessMode: .read)
            #expect(whole.filter { $0.path.hasPrefix("evidence/") }.count == 2)
            let task = try await office.get("/dossier.zip?task=t11")
            #expect(task.status == .ok)
            #expect(try await office.get("/dossier.zip?unit=nowhere").status == .notFound)
        }
    }
}
