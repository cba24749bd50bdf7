/// A unit (单位): a city department, a county government, a county bureau, an enterprise or the air office.
///
/// Units are the accounts' home: every user belongs to one, and every task names its 牵头 (lead), 配合
/// (cooperating) and 负责落实 (responsible) units. Units form a hierarchy through `parent` (a city department
/// above its county bureaus, a county government above its offices).
public struct OrgUnit: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var kind: Kind
    /// The parent unit's code.
    public var parent: String?
    /// Other spellings the plan uses (市交通局 for 市交通运输局).
    public var aliases: [String]

    public init(code: String, name: String, kind: Kind, parent: String? = nil, aliases: [String] = []) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parent = parent
        self.aliases = aliases
    }

    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// 市大气办: runs the campaign.
        case office
        /// 市直部门: a city department.
        case department
        /// 县（市、区）人民政府 or 开发区管委会.
        case county
        /// A county bureau under a city department (县市场监管局).
        case countyBureau
        /// An enterprise the plan makes responsible.
        case enterprise
        /// 领导组: the issuing leading group.
        case leadingGroup

        /// The kind as the UI shows it.
        public var chinese: String {
            switch self {
            case .office: "大气办"
            case .department: "市直部门"
            case .county: "县（市、区）"
            case .countyBureau: "县级部门"
            case .enterprise: "企业"
            case .leadingGroup: "领导组"
            }
        }
    }
}
