extension BulletinSection {
    /// Every text the section prints: its paragraphs, its figures and its tables' captions and cells — what a
    /// search for a unit's name or a task's code reads.
    public var texts: [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let text): [text]
            case .figures(let figures): figures.map(\.text)
            case .table(let table): [table.caption] + table.rows.flatMap(\.cells)
            }
        }
    }
}
