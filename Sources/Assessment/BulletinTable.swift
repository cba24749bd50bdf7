/// A table of a bulletin: a caption, column headings and rows of printed cells. Each row has a key (a unit or
/// station code, a task code) so a frozen table can be compared row by row with the current one.
public struct BulletinTable: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public var key: String
        public var cells: [String]

        public init(key: String, cells: [String]) {
            self.key = key
            self.cells = cells
        }
    }

    public var key: String
    public var caption: String
    public var columns: [String]
    public var rows: [Row]
    /// What the table shows when it has no rows (本月无预警).
    public var empty: String

    public init(key: String, caption: String, columns: [String], rows: [Row], empty: String = "无") {
        self.key = key
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.empty = empty
    }

    /// The row with `key`, if any.
    public func row(_ key: String) -> Row? { rows.first { $0.key == key } }
}
