import Foundation
import LantianCore
import Yams

/// Builds a ``Plan`` from a composed `lantian-plan/1` document, reporting every problem to its reader.
struct PlanFileParser {
    let reader: YAMLReader

    private static let topKeys: Set = ["format", "plan", "units", "groups", "sections", "tasks", "forwardings"]
    private static let planKeys: Set = [
        "code", "title", "period", "timezone", "reporting", "statusRules", "document", "targets",
    ]
    private static let documentKeys: Set = ["number", "issuer", "title", "date", "disclosure", "recipients"]
    private static let taskKeys: Set = [
        "code", "title", "origin", "section", "category", "keyWork", "mainTask", "measures", "deadline",
        "deadlineText", "lead", "cooperating", "responsible", "subjects", "indicators", "notes",
    ]
    /// The longest short title: a title names the work, the clause stays in `measures`.
    static let maxTitleLength = 40
    private static let indicatorKeys: Set = [
        "code", "name", "unit", "direction", "target", "baseline", "deadline", "scope", "source", "breakdown",
    ]

    func parse(_ root: Node?) -> Plan? {
        guard let top = reader.fields(root, at: "", allowed: Self.topKeys) else { return nil }
        if let format = reader.string(top, "format"), format != PlanFile.formatName {
            reader.report("format", top["format"], "expected \"\(PlanFile.formatName)\", found \"\(format)\"")
        }
        let header = parseHeader(top)
        let parsedUnits = parseUnits(top)
        let resolver = UnitResolver(units: parsedUnits.map(\.0), reader: reader)
        let groups = parseGroups(top, resolver: resolver)
        resolver.groups = groups
        let units = resolveParents(parsedUnits, resolver: resolver)
        let sections = parseSections(top)
        let sectionNumbers = Set(sections.map(\.number))

        var tasks: [(PlanTask, String, Node)] = []
        for (path, node) in reader.sequence(top, "tasks", required: true) {
            if let task = parseTask(node, at: path, origin: nil, resolver: resolver, sections: sectionNumbers) {
                tasks.append((task, path, node))
            }
        }
        var forwardings: [Forwarding] = []
        for (path, node) in reader.sequence(top, "forwardings") {
            guard
                let f = reader.fields(
                    node, at: path, allowed: ["document", "from", "to", "requirements", "relatesTo"])
            else { continue }
            let document = parseDocument(f["document"], at: f.path("document"), required: true)
            let from = reader.string(f, "from").flatMap { resolver.single($0, at: f.path("from"), node: f["from"]) }
            let to = resolver.codes(reader.strings(f, "to", required: true))
            var codes: [String] = []
            for (rpath, rnode) in reader.sequence(f, "requirements", required: true) {
                if var task = parseTask(
                    rnode, at: rpath, origin: .forwarding, resolver: resolver, sections: sectionNumbers)
                {
                    task.forwardedBy = document?.number
                    codes.append(task.code)
                    tasks.append((task, rpath, rnode))
                }
            }
            let relates = reader.strings(f, "relatesTo")
            if let document, let from {
                forwardings.append(
                    Forwarding(
                        document: document, from: from, to: to, requirements: codes,
                        relatesTo: relates.map(\.2)))
            }
            for (rpath, rnode, code) in relates where !tasks.contains(where: { $0.0.code == code }) {
                reader.report(rpath, rnode, "no task has the code \"\(code)\"")
            }
        }
        checkTasks(tasks, header: header)

        guard let header else { return nil }
        return Plan(
            code: header.code, title: header.title, start: header.start, end: header.end,
            timeZone: header.timeZone, reporting: header.reporting, statusRules: header.rules,
            document: header.document, targets: header.targets, units: units, groups: groups,
            sections: sections, tasks: tasks.map(\.0), forwardings: forwardings)
    }

    // MARK: - plan

    private struct Header {
        var code: String
        var title: String
        var start: CivilDate
        var end: CivilDate
        var timeZone: String
        var reporting: ReportingRule
        var rules: StatusRules
        var document: OfficialDocument
        var targets: [AirQualityTarget]
    }

    private func parseHeader(_ top: YAMLReader.Fields) -> Header? {
        guard let p = reader.fields(top["plan"], at: "plan", allowed: Self.planKeys) else {
            if top["plan"] == nil { reader.report("plan", top.node, "required mapping is missing") }
            return nil
        }
        let code = reader.slug(p, "code")
        let title = reader.string(p, "title")
        var start: CivilDate?
        var end: CivilDate?
        if let period = reader.fields(p["period"], at: p.path("period"), allowed: ["start", "end"]) {
            start = reader.date(period, "start")
            end = reader.date(period, "end")
            if let s = start, let e = end, e < s {
                reader.report(period.path("end"), period["end"], "the period ends (\(e)) before it starts (\(s))")
            }
        } else if p["period"] == nil {
            reader.report(p.path("period"), p.node, "required mapping is missing")
        }
        let zone = reader.string(p, "timezone")
        if let zone, TimeZone(identifier: zone) == nil {
            reader.report(p.path("timezone"), p["timezone"], "\"\(zone)\" is not a known time zone")
        }
        var reporting: ReportingRule?
        if let r = reader.fields(p["reporting"], at: p.path("reporting"), allowed: ["dueDay", "dueTime"]) {
            let day = reader.int(r, "dueDay", in: 1...28)
            let time = reader.string(r, "dueTime")
            let hm = time.flatMap(parseTime)
            if let time, hm == nil {
                reader.report(r.path("dueTime"), r["dueTime"], "\"\(time)\" is not a time HH:MM")
            }
            if let day, let hm { reporting = ReportingRule(dueDay: day, dueHour: hm.0, dueMinute: hm.1) }
        } else if p["reporting"] == nil {
            reader.report(p.path("reporting"), p.node, "required mapping is missing")
        }
        var rules = StatusRules()
        if let s = reader.fields(p["statusRules"], at: p.path("statusRules"), allowed: ["lagTolerance"]) {
            if let tolerance = reader.number(s, "lagTolerance") {
                if (0...1).contains(tolerance) {
                    rules.lagTolerance = tolerance
                } else {
                    reader.report(s.path("lagTolerance"), s["lagTolerance"], "must be between 0 and 1")
                }
            }
        }
        let document = parseDocument(p["document"], at: p.path("document"), required: true)
        var targets: [AirQualityTarget] = []
        var targetCodes = Set<String>()
        for (path, node) in reader.sequence(p, "targets") {
            guard
                let t = reader.fields(
                    node, at: path, allowed: ["code", "name", "metric", "unit", "direction", "value"])
            else { continue }
            let code = reader.slug(t, "code")
            if let code, !targetCodes.insert(code).inserted {
                reader.report(t.path("code"), t["code"], "duplicate target code \"\(code)\"")
            }
            let name = reader.string(t, "name")
            let metric = reader.choice(t, "metric", AirQualityTarget.Metric.self)
            let unit = reader.string(t, "unit")
            let direction = reader.choice(t, "direction", Direction.self)
            let value = reader.number(t, "value")
            if let code, let name, let metric, let unit, let direction, let value {
                targets.append(
                    AirQualityTarget(
                        code: code, name: name, metric: metric, unit: unit, direction: direction, value: value))
            }
        }
        guard let code, let title, let start, let end, let zone, let reporting, let document else { return nil }
        return Header(
            code: code, title: title, start: start, end: end, timeZone: zone, reporting: reporting, rules: rules,
            document: document, targets: targets)
    }

    private func parseTime(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h),
            (0...59).contains(m)
        else { return nil }
        return (h, m)
    }

    private func parseDocument(_ node: Node?, at path: String, required: Bool) -> OfficialDocument? {
        guard let d = reader.fields(node, at: path, allowed: Self.documentKeys) else {
            if node == nil && required { reader.report(path, nil, "required mapping is missing") }
            return nil
        }
        let number = reader.string(d, "number")
        let issuer = reader.string(d, "issuer")
        let disclosure = reader.choice(d, "disclosure", OfficialDocument.Disclosure.self)
        let date = reader.date(d, "date", required: false)
        guard let number, let issuer, let disclosure else { return nil }
        return OfficialDocument(
            number: number, issuer: issuer, title: reader.string(d, "title", required: false), date: date,
            disclosure: disclosure, recipients: reader.string(d, "recipients", required: false))
    }

    // MARK: - units

    private func parseUnits(_ top: YAMLReader.Fields) -> [(OrgUnit, String, Node)] {
        var units: [(OrgUnit, String, Node)] = []
        var seen = Set<String>()
        for (path, node) in reader.sequence(top, "units", required: true) {
            guard
                let u = reader.fields(node, at: path, allowed: ["code", "name", "kind", "parent", "aliases"])
            else { continue }
            let code = reader.slug(u, "code")
            let name = reader.string(u, "name")
            let kind = reader.choice(u, "kind", OrgUnit.Kind.self)
            let parent = reader.string(u, "parent", required: false)
            let aliases = reader.strings(u, "aliases").map(\.2)
            for (label, value) in [("code", code), ("name", name)] {
                if let value, !seen.insert(value).inserted {
                    reader.report(u.path(label), u[label], "\"\(value)\" is used by another unit")
                }
            }
            for alias in aliases where !seen.insert(alias).inserted {
                reader.report(u.path("aliases"), u["aliases"], "\"\(alias)\" is used by another unit")
            }
            if let code, let name, let kind {
                units.append(
                    (
                        OrgUnit(code: code, name: name, kind: kind, parent: parent, aliases: aliases), u.path("parent"),
                        node
                    ))
            }
        }
        return units
    }

    private func resolveParents(_ units: [(OrgUnit, String, Node)], resolver: UnitResolver) -> [OrgUnit] {
        units.map { unit, path, node in
            guard let parent = unit.parent else { return unit }
            var resolved = unit
            resolved.parent = resolver.single(parent, at: path, node: node)
            if resolved.parent == unit.code {
                reader.report(path, node, "a unit cannot be its own parent")
            }
            return resolved
        }
    }

    private func parseGroups(_ top: YAMLReader.Fields, resolver: UnitResolver) -> [UnitGroup] {
        var groups: [UnitGroup] = []
        for (path, node) in reader.sequence(top, "groups") {
            guard let g = reader.fields(node, at: path, allowed: ["code", "name", "members"]) else { continue }
            let code = reader.slug(g, "code")
            let name = reader.string(g, "name")
            let members = resolver.codes(reader.strings(g, "members", required: true), groupsAllowed: false)
            if let code, let name {
                if resolver.isTaken(code) || resolver.isTaken(name)
                    || groups.contains(where: { $0.code == code || $0.name == name })
                {
                    reader.report(g.path("code"), g["code"], "group \"\(code)\" / \"\(name)\" repeats a unit or group")
                }
                groups.append(UnitGroup(code: code, name: name, members: members))
            }
        }
        return groups
    }

    private func parseSections(_ top: YAMLReader.Fields) -> [PlanSection] {
        var sections: [PlanSection] = []
        for (path, node) in reader.sequence(top, "sections") {
            guard let s = reader.fields(node, at: path, allowed: ["number", "title", "part"]) else { continue }
            let number = reader.int(s, "number", in: 1...99)
            if let number, sections.contains(where: { $0.number == number }) {
                reader.report(s.path("number"), s["number"], "section \(number) is given twice")
            }
            if let number, let title = reader.string(s, "title"), let part = reader.string(s, "part") {
                sections.append(PlanSection(number: number, title: title, part: part))
            }
        }
        return sections
    }

    // MARK: - tasks

    private func parseTask(
        _ node: Node, at path: String, origin fixed: PlanTask.Origin?, resolver: UnitResolver, sections: Set<Int>
    ) -> PlanTask? {
        guard let t = reader.fields(node, at: path, allowed: Self.taskKeys) else { return nil }
        let code = reader.slug(t, "code")
        var origin = fixed
        if let fixed {
            if let given = reader.choice(t, "origin", PlanTask.Origin.self, required: false), given != fixed {
                reader.report(t.path("origin"), t["origin"], "a forwarded requirement has origin \"forwarding\"")
            }
        } else {
            origin = reader.choice(t, "origin", PlanTask.Origin.self)
            if origin == .forwarding {
                reader.report(t.path("origin"), t["origin"], "forwarded requirements belong under forwardings")
            }
        }
        let section = reader.int(t, "section", in: 1...99, required: false)
        if let section, !sections.contains(section) {
            reader.report(t.path("section"), t["section"], "no section numbered \(section)")
        }
        let category = reader.string(t, "category")
        let title = reader.string(t, "title", required: false)
        if let title, title.count > Self.maxTitleLength {
            reader.report(
                t.path("title"), t["title"],
                "a title has at most \(Self.maxTitleLength) characters (this one \(title.count)); the clause belongs in measures"
            )
        }
        let measures = reader.string(t, "measures")
        let deadline = reader.date(t, "deadline")
        let deadlineText = reader.string(t, "deadlineText")
        let leadReferences = reader.strings(t, "lead", required: true)
        let lead = resolver.codes(leadReferences)
        if t["lead"] != nil && leadReferences.isEmpty {
            reader.report(t.path("lead"), t["lead"], "a task needs at least one lead unit")
        }
        let cooperating = resolver.codes(reader.strings(t, "cooperating"))
        let responsible = resolver.codes(reader.strings(t, "responsible"))
        var indicators: [Indicator] = []
        var indicatorCodes = Set<String>()
        for (ipath, inode) in reader.sequence(t, "indicators") {
            guard let indicator = parseIndicator(inode, at: ipath) else { continue }
            if !indicatorCodes.insert(indicator.code).inserted {
                reader.report(ipath + ".code", inode, "duplicate indicator code \"\(indicator.code)\" in this task")
            }
            indicators.append(indicator)
        }
        guard let code, let origin, let category, let measures, let deadline, let deadlineText else { return nil }
        return PlanTask(
            code: code, origin: origin, section: section, category: category,
            keyWork: reader.string(t, "keyWork", required: false),
            mainTask: reader.string(t, "mainTask", required: false), measures: measures, deadline: deadline,
            deadlineText: deadlineText, lead: lead, cooperating: cooperating, responsible: responsible,
            subjects: reader.strings(t, "subjects").map(\.2), indicators: indicators,
            notes: reader.string(t, "notes", required: false), title: title)
    }

    private func parseIndicator(_ node: Node, at path: String) -> Indicator? {
        guard let i = reader.fields(node, at: path, allowed: Self.indicatorKeys) else { return nil }
        let code = reader.slug(i, "code")
        let name = reader.string(i, "name")
        let unit = reader.string(i, "unit")
        let direction = reader.choice(i, "direction", Direction.self)
        let target = reader.number(i, "target")
        if let target, target < 0 { reader.report(i.path("target"), i["target"], "a target cannot be negative") }
        let baseline = reader.number(i, "baseline", required: false) ?? 0
        let deadline = reader.date(i, "deadline", required: false)
        var source = Indicator.Source.report
        if let node = i["source"] {
            if case .scalar = node {
                if let text = reader.scalarText(node, at: i.path("source")), text != "report" {
                    reader.report(
                        i.path("source"), node,
                        "\"\(text)\" is not a source: use report, {ledger: …}, {measurement: …}, {airQuality: …}, {market: …} or {sources: …}"
                    )
                }
            } else if let s = reader.fields(
                node, at: i.path("source"),
                allowed: ["ledger", "aggregate", "measurement", "airQuality", "market", "sources"])
            {
                if let ledger = reader.string(s, "ledger", required: false) {
                    source = .ledger(name: ledger, aggregate: reader.string(s, "aggregate", required: false) ?? "count")
                } else if let code = reader.string(s, "measurement", required: false) {
                    source = .measurement(code: code)
                } else if let metric = reader.string(s, "airQuality", required: false) {
                    source = .airQuality(metric: metric)
                } else if let metric = reader.string(s, "market", required: false) {
                    source = .market(metric: metric)
                } else if let metric = reader.string(s, "sources", required: false) {
                    source = .sources(metric: metric)
                } else {
                    reader.report(
                        i.path("source"), node, "a source needs ledger, measurement, airQuality, market or sources")
                }
            }
        }
        var breakdown: [Indicator.Part] = []
        for (bpath, bnode) in reader.sequence(i, "breakdown") {
            guard let b = reader.fields(bnode, at: bpath, allowed: ["label", "target"]) else { continue }
            if let label = reader.string(b, "label"), let part = reader.number(b, "target") {
                breakdown.append(Indicator.Part(label: label, target: part))
            }
        }
        if let target, !breakdown.isEmpty {
            let sum = breakdown.reduce(0) { $0 + $1.target }
            if abs(sum - target) > 1e-9 * max(1, abs(target)) {
                reader.report(
                    i.path("breakdown"), i["breakdown"],
                    "the parts add up to \(NumberText.exact(sum)), not to the target \(NumberText.exact(target))")
            }
        }
        guard let code, let name, let unit, let direction, let target else { return nil }
        return Indicator(
            code: code, name: name, unit: unit, direction: direction, target: target, baseline: baseline,
            deadline: deadline, scope: reader.string(i, "scope", required: false), source: source,
            breakdown: breakdown)
    }

    private func checkTasks(_ tasks: [(PlanTask, String, Node)], header: Header?) {
        var codes = Set<String>()
        for (task, path, node) in tasks {
            if !codes.insert(task.code).inserted {
                reader.report(path + ".code", node, "duplicate task code \"\(task.code)\"")
            }
            guard let header else { continue }
            let earliest = header.start.adding(days: -366)
            let latest = header.end.adding(days: 366)
            var dates = [("deadline", task.deadline)]
            dates += task.indicators.enumerated().compactMap { index, indicator in
                indicator.deadline.map { ("indicators[\(index)].deadline", $0) }
            }
            for (label, date) in dates where date < earliest || date > latest {
                reader.report(
                    "\(path).\(label)", node,
                    "\(date) is more than a year outside the plan period \(header.start) … \(header.end)")
            }
        }
    }
}
