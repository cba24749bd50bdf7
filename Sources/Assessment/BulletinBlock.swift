/// What a section is made of: sentences, named figures (which later corrections are compared by), and tables.
public enum BulletinBlock: Codable, Sendable, Equatable {
    case paragraph(String)
    case figures([BulletinFigure])
    case table(BulletinTable)
}
