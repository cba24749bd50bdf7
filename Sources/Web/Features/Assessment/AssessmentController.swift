import Assessment
import Campaign
import Foundation
import LantianCore
import Plot
import Services
import Vapor

/// 考核: the office scores the counties and departments for a period with the shipped scheme and reads the
/// accountability list. The scores are the office's working material before it decides: only the office sees them.
struct AssessmentController {
    func boot(office: any RoutesBuilder) {
        office.get(SiteURL.Assessment.home, use: show)
    }

    func show(req: Request) async throws -> Response {
        let plan = try await req.currentPlan().plan
        guard let calendar = ReportingCalendar(plan: plan) else { throw Abort(.internalServerError) }
        let yesterday = min(calendar.civilDate(of: req.now).adding(days: -1), plan.end)
        var errors: [String] = []
        func day(_ name: String, default value: CivilDate) -> CivilDate {
            guard let text = req.query[String.self, at: name], !text.isEmpty else { return value }
            guard let day = CivilDate(text) else {
                errors.append("日期应为 YYYY-MM-DD：\(text)")
                return value
            }
            return day
        }
        var from = day("from", default: plan.start)
        var to = day("to", default: max(plan.start, yesterday))
        if from > to {
            errors.append("起始日期不能晚于截止日期")
            (from, to) = (plan.start, max(plan.start, yesterday))
        }
        let result = try await Assessments(campaigns: req.campaigns).assess(
            from: from, to: to, scheme: try Assessments.shippedScheme(), now: req.now)
        let page = AssessmentPage.render(
            AssessmentPage.Model(result: result, errors: errors), try await req.pageContext(.assessment))
        return Response.html(page.render(), status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
