import Campaign
import LantianCore
import Testing

@Suite struct ReportWorkflowTests {
    let task = PlanTask(
        code: "t", origin: .table, category: "c", measures: "m", deadline: CivilDate(year: 2021, month: 12, day: 31)!,
        deadlineText: "d", lead: ["energy"], cooperating: ["police"], responsible: ["zezhou"])

    @Test func theHappyPath() {
        var state = ReportState.draft
        for (action, role) in [
            (ReportAction.save, Role.unitReporter), (.requestApproval, .unitReporter), (.approve, .unitLeader),
            (.returnToUnit, .officeAdmin), (.save, .unitReporter), (.approve, .unitLeader), (.accept, .officeAdmin),
        ] {
            let next = action.next(from: state, by: role)
            #expect(next != nil, "\(action) by \(role) from \(state)")
            state = next ?? state
        }
        #expect(state == .accepted)
    }

    @Test func stepsOutOfTurnAreRefused() {
        #expect(ReportAction.accept.next(from: .draft, by: .officeAdmin) == nil)
        #expect(ReportAction.save.next(from: .submitted, by: .unitReporter) == nil)
        #expect(ReportAction.approve.next(from: .draft, by: .unitReporter) == nil)
        #expect(ReportAction.reject.next(from: .draft, by: .unitLeader) == nil)
        #expect(ReportAction.save.next(from: .draft, by: .viewer) == nil)
    }

    @Test func policyChecksUnitAndRole() {
        func denial(_ action: ReportAction, _ role: Role, _ unit: String, report: String = "zezhou") -> String? {
            ReportPolicy.denial(
                action: action, role: role, actorUnit: unit, reportUnit: report, task: task, state: .draft)
        }
        #expect(denial(.save, .unitReporter, "zezhou") == nil)
        #expect(denial(.save, .unitReporter, "gaoping") != nil)
        #expect(denial(.save, .unitReporter, "gaoping", report: "gaoping") != nil)  // not on the task
        #expect(denial(.save, .unitReporter, "police", report: "police") == nil)  // cooperating units may report
        #expect(denial(.save, .viewer, "zezhou") != nil)
        #expect(denial(.save, .officeAdmin, "office") != nil)
        #expect(task.reportingUnits == ["energy", "zezhou"])
    }
}
