import Campaign
import Testing

@Suite struct PlanFileTests {
    static let minimal = """
        format: lantian-plan/1
        plan:
          code: demo
          title: 示例方案
          period: {start: 2021-10-01, end: 2022-03-31}
          timezone: Asia/Shanghai
          reporting: {dueDay: 5, dueTime: "23:59"}
          document: {number: 示〔2021〕1号, issuer: 示例领导组, disclosure: public}
        units:
          - {code: eeb, name: 市生态环境局, kind: department}
          - {code: zz, name: 泽州县人民政府, kind: county, aliases: [泽州县]}
        groups:
          - {code: counties, name: 各县, members: [泽州县]}
        tasks:
          - code: a
            origin: table
            category: 产业
            measures: 完成散煤替代1.6万户
            deadline: 2021-10-31
            deadlineText: 2021年10月底前
            lead: [市生态环境局]
            responsible: [各县]
            indicators:
              - {code: hh, name: 户数, unit: 户, direction: atLeast, target: 16000,
                 breakdown: [{label: 气代煤, target: 8200}, {label: 集中供热, target: 7800}]}
        """

    @Test func readsAMinimalPlan() throws {
        let plan = try PlanFile.read(Self.minimal)
        #expect(plan.tasks.count == 1)
        #expect(plan.tasks[0].lead == ["eeb"])
        #expect(plan.tasks[0].responsible == ["zz"])
        #expect(plan.statusRules.lagTolerance == 0.1)
        #expect(plan.tasks[0].indicators[0].breakdown.count == 2)
    }

    /// A file without titles still loads: the title is derived (here the clause's first phrase); a title given
    /// is used; one longer than 40 characters is refused with its path.
    @Test func titlesAreOptionalAndShort() throws {
        let derived = try PlanFile.read(Self.minimal).tasks[0]
        #expect(derived.explicitTitle == nil)
        #expect(derived.title == "完成散煤替代1.6万户")
        let titled = try PlanFile.read(
            Self.minimal.replacingOccurrences(of: "  - code: a\n", with: "  - code: a\n    title: 散煤替代1.6万户\n"))
        #expect(titled.tasks[0].title == "散煤替代1.6万户")
        let long = String(repeating: "很", count: 41)
        #expect(throws: PlanFileError.self) {
            try PlanFile.read(
                Self.minimal.replacingOccurrences(of: "  - code: a\n", with: "  - code: a\n    title: \(long)\n"))
        }
        do {
            _ = try PlanFile.read(
                Self.minimal.replacingOccurrences(of: "  - code: a\n", with: "  - code: a\n    title: \(long)\n"))
        } catch {
            #expect(error.issues.map(\.path) == ["tasks[0].title"])
        }
    }

    /// A bad file is rejected whole, with every problem listed by path and line.
    @Test func listsEveryProblemWithPathAndLine() throws {
        let bad = Self.minimal
            .replacingOccurrences(of: "deadline: 2021-10-31", with: "deadline: 2021-13-01")
            .replacingOccurrences(of: "lead: [市生态环境局]", with: "lead: [市环保局]")
            .replacingOccurrences(of: "target: 7800}", with: "target: 7700}")
            .replacingOccurrences(of: "category: 产业", with: "category: 产业\n    colour: red")
        let error = try #require(throws: PlanFileError.self) { try PlanFile.read(bad) }
        let byPath = Dictionary(grouping: error.issues, by: \.path)
        #expect(byPath["tasks[0].deadline"]?.first?.line == 20)
        #expect(byPath["tasks[0].deadline"]?.first?.reason.contains("2021-13-01") == true)
        #expect(byPath["tasks[0].lead[0]"]?.first?.reason.contains("市环保局") == true)
        #expect(byPath["tasks[0].indicators[0].breakdown"]?.first?.reason.contains("15900") == true)
        #expect(byPath["tasks[0].colour"]?.first?.line == 18)
        #expect(error.issues.count == 4, "\(error)")
    }

    @Test func reportsYAMLSyntaxErrorsWithTheirLine() throws {
        let error = try #require(throws: PlanFileError.self) {
            try PlanFile.read("format: lantian-plan/1\nplan: [unclosed\n")
        }
        #expect(error.issues.count == 1)
        #expect(error.issues[0].line != nil)
    }

    @Test func rejectsDuplicateCodesAndUnknownFormat() throws {
        let doubled =
            Self.minimal.replacingOccurrences(of: "format: lantian-plan/1", with: "format: other/2")
            + "\n  - {code: a, origin: text, category: x, measures: y, deadline: 2021-11-01, deadlineText: z, lead: [eeb]}"
        let error = try #require(throws: PlanFileError.self) { try PlanFile.read(doubled) }
        #expect(error.issues.contains { $0.path == "format" })
        #expect(error.issues.contains { $0.reason.contains("duplicate task code \"a\"") })
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: PlanFileError.self) { try PlanFile.read("") }
    }
}
