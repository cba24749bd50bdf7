import LantianCore

/// Spot checks and cases of the month: the market bureaus' product checks by product, the cases they opened,
/// and the source-monitoring checks that confirmed data fraud.
public struct SupervisionFacts: Sendable {
    public struct Product: Sendable {
        public var code: String
        public var name: String
        public var sampled: Int
        /// With a verdict, and of them failed.
        public var judged: Int
        public var failed: Int

        public init(code: String, name: String, sampled: Int, judged: Int, failed: Int) {
            self.code = code
            self.name = name
            self.sampled = sampled
            self.judged = judged
            self.failed = failed
        }
    }

    public struct Case: Sendable {
        public var id: String
        public var title: String
        public var county: String
        public var stage: String
        public var openedOn: CivilDate

        public init(id: String, title: String, county: String, stage: String, openedOn: CivilDate) {
            self.id = id
            self.title = title
            self.county = county
            self.stage = stage
            self.openedOn = openedOn
        }
    }

    public var products: [Product]
    /// Cases opened in the month.
    public var cases: [Case]
    /// Cases of any month still open at the bulletin's day.
    public var openCases: Int
    /// Online-monitoring checks in the month, and those that confirmed fraud (企业名称 or 排口).
    public var sourceChecks: Int
    public var fraud: [String]

    public init(products: [Product], cases: [Case], openCases: Int, sourceChecks: Int, fraud: [String]) {
        self.products = products
        self.cases = cases
        self.openCases = openCases
        self.sourceChecks = sourceChecks
        self.fraud = fraud
    }
}

extension BulletinSection {
    /// 监督检查和案件查处: spot checks by product with their failures, cases opened, and confirmed data fraud.
    public static func supervision(_ facts: SupervisionFacts) -> BulletinSection {
        let sampled = facts.products.reduce(0) { $0 + $1.sampled }
        let failed = facts.products.reduce(0) { $0 + $1.failed }
        var text =
            sampled == 0
            ? "本月未开展产品质量抽检。"
            : "本月抽检\(sampled)批次（"
                + facts.products.map { "\($0.name)\($0.sampled)批次" }.joined(separator: "、")
                + "），已出结果\(facts.products.reduce(0) { $0 + $1.judged })批次，不合格\(failed)批次。"
        text += "新立案\(facts.cases.count)件，未结案件\(facts.openCases)件。"
        text +=
            "开展在线监测现场核查\(facts.sourceChecks)次"
            + (facts.fraud.isEmpty
                ? "，未发现数据造假。" : "，确认数据造假\(facts.fraud.count)起（\(facts.fraud.joined(separator: "、"))）。")
        let products = BulletinTable(
            key: "products", caption: "本月产品质量抽检", columns: ["产品", "抽检批次", "已出结果", "不合格"],
            rows: facts.products.map {
                BulletinTable.Row(key: $0.code, cells: [$0.name, "\($0.sampled)", "\($0.judged)", "\($0.failed)"])
            }, empty: "本月无抽检")
        let cases = BulletinTable(
            key: "cases", caption: "本月新立案件", columns: ["案件", "县（市、区）", "立案日期", "进度"],
            rows: facts.cases.map {
                BulletinTable.Row(key: $0.id, cells: [$0.title, $0.county, $0.openedOn.description, $0.stage])
            }, empty: "本月无新立案件")
        return BulletinSection(
            key: "supervision", heading: "监督检查和案件查处",
            blocks: [
                .paragraph(text),
                .figures([
                    BulletinFigure(key: "checks-sampled", label: "抽检批次", text: "\(sampled)批次"),
                    BulletinFigure(key: "checks-failed", label: "不合格批次", text: "\(failed)批次"),
                    BulletinFigure(key: "cases-opened", label: "新立案件", text: "\(facts.cases.count)件"),
                    BulletinFigure(key: "cases-open", label: "未结案件", text: "\(facts.openCases)件"),
                    BulletinFigure(key: "source-fraud", label: "确认数据造假", text: "\(facts.fraud.count)起"),
                ]),
                .table(products), .table(cases),
            ])
    }
}
