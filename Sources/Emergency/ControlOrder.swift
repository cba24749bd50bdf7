import LantianCore

/// A control order (应急管控告知书) to one enterprise during a warning: what it must stop or limit, from when, on
/// what legal basis, under which warning — the printable text the office sends and the enterprise acknowledges.
public struct ControlOrder: Hashable, Sendable {
    /// The law a city's emergency measures rest on: 《中华人民共和国大气污染防治法》第九十六条 (local governments start
    /// the emergency plan by warning level and may order enterprises to stop or limit production).
    public static let legalBasis = "《中华人民共和国大气污染防治法》第九十六条"

    public var enterprise: Enterprise
    public var level: WarningLevel
    /// The measure's text, as the list gives it.
    public var measure: String
    /// The units the measure stops, by name, in registry order.
    public var stoppedUnits: [String]
    /// The share of each pollutant cut, t/yr (what the list counts on).
    public var cut: Emissions
    /// The Beijing hour the order takes effect, `1月24日20时`.
    public var from: String
    /// The warning's document number.
    public var warningDocument: String
    /// The rule edition's document (晋政办发〔2020〕50号).
    public var plan: String

    public init(
        enterprise: Enterprise, level: WarningLevel, measure: String, stoppedUnits: [String], cut: Emissions,
        from: String, warningDocument: String, plan: String
    ) {
        self.enterprise = enterprise
        self.level = level
        self.measure = measure
        self.stoppedUnits = stoppedUnits
        self.cut = cut
        self.from = from
        self.warningDocument = warningDocument
        self.plan = plan
    }

    /// The order for `entry` of a list at its level.
    public init(_ entry: ReductionList.Entry, level: WarningLevel, from: String, warningDocument: String, plan: String)
    {
        self.init(
            enterprise: entry.enterprise, level: level, measure: entry.measure?.text ?? "按企业应急减排措施执行",
            stoppedUnits: entry.applied?.stopped.map(\.name) ?? [], cut: entry.cut, from: from,
            warningDocument: warningDocument, plan: plan)
    }

    /// The order's paragraphs, in the order they are printed.
    public var paragraphs: [String] {
        var text = [
            "\(enterprise.name)：",
            "根据\(warningDocument)，本市自\(from)起启动重污染天气\(level.chinese)预警（\(level.grade)应急响应）。依据"
                + "\(Self.legalBasis)和\(plan)，请你单位自\(from)起落实以下应急减排措施，直至预警解除：",
            "一、\(measure)。",
        ]
        if !stoppedUnits.isEmpty {
            text.append("二、停产的生产线和设备：\(stoppedUnits.joined(separator: "、"))。不得以降低负荷代替停产。")
        }
        let tonnes = EmissionPollutant.allCases.filter { cut[$0] > 0 }
        if !tonnes.isEmpty {
            text.append(
                "\(stoppedUnits.isEmpty ? "二" : "三")、上述措施按年排放量计的减排量："
                    + tonnes.map { "\($0.label) \(NumberText.display(cut[$0])) 吨/年" }.joined(separator: "，") + "。")
        }
        text.append(
            "预警期间，生态环境部门将通过现场检查、在线监测和用电监控核查措施落实情况；未落实的，依法查处。请于收到本告知书后"
                + "确认签收。")
        return text
    }
}
