/// One part of a bulletin (一、空气质量情况 …): a heading and its blocks, in order. `key` names the part for
/// comparisons and for the capability that wrote it (`air`, `tasks`, `reports` …).
public struct BulletinSection: Codable, Sendable, Equatable {
    public var key: String
    public var heading: String
    public var blocks: [BulletinBlock]

    public init(key: String, heading: String, blocks: [BulletinBlock]) {
        self.key = key
        self.heading = heading
        self.blocks = blocks
    }

    /// Every figure of the section, by key.
    public var figures: [BulletinFigure] {
        blocks.flatMap { block -> [BulletinFigure] in
            if case .figures(let figures) = block { return figures }
            return []
        }
    }

    /// The figure with `key`, if the section has one.
    public func figure(_ key: String) -> BulletinFigure? { figures.first { $0.key == key } }

    /// The table with `key`, if the section has one.
    public func table(_ key: String) -> BulletinTable? {
        for case .table(let table) in blocks where table.key == key { return table }
        return nil
    }
}
