import Campaign

/// A unit's reports for one month by where they stand: the line 本单位任务 and 月度报送 both show. Counted over
/// the reports asked of the unit (``ReportDemand``).
struct ReportCounts: Equatable {
    var total = 0
    var notStarted = 0
    var drafts = 0
    var pending = 0
    var submitted = 0
    /// Sent back and waiting to be revised: returned by the office, or by the unit's leader.
    var returned = 0

    /// Counts one report: its state (nil before it was first saved), and whether it was sent back.
    mutating func add(_ state: ReportState?, sentBack: Bool) {
        total += 1
        if sentBack {
            returned += 1
            return
        }
        switch state {
        case nil: notStarted += 1
        case .draft, .returned: drafts += 1
        case .pendingApproval: pending += 1
        case .submitted, .accepted: submitted += 1
        }
    }

    /// `十月报告：应报 52 项，未填写 …`
    func sentence(_ monthName: String) -> String {
        "\(monthName)报告：应报 \(total) 项，未填写 \(notStarted)，草稿 \(drafts)，待审核 \(pending)，已报送 \(submitted)，已退回 \(returned)。"
    }
}
