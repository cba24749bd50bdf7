/// A numbered section of the plan text, （一）…（十五）.
public struct PlanSection: Hashable, Sendable, Codable {
    public var number: Int
    public var title: String
    /// The chapter it stands in (二、主要任务).
    public var part: String

    public init(number: Int, title: String, part: String) {
        self.number = number
        self.title = title
        self.part = part
    }

    /// （十一）
    public var numeral: String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let text: String
        switch number {
        case 1...9: text = digits[number]
        case 10: text = "十"
        case 11...19: text = "十" + digits[number - 10]
        default: text = String(number)
        }
        return "（\(text)）"
    }
}
