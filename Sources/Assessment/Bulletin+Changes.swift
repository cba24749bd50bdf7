extension Bulletin {
    /// What differs between this (frozen) bulletin's figures and tables and `current`'s, computed again from
    /// today's data: every figure by key, every table row by key and column. The office's paragraphs and the
    /// document number are not data and are not compared.
    public func changes(comparedWith current: Bulletin) -> [BulletinChange] {
        var changes: [BulletinChange] = []
        for section in sections {
            guard let now = current.section(section.key) else { continue }
            for figure in section.figures {
                let text = now.figure(figure.key)?.text ?? ""
                if text != figure.text {
                    changes.append(
                        BulletinChange(place: "\(section.heading) · \(figure.label)", printed: figure.text, now: text))
                }
            }
            for case .table(let table) in section.blocks {
                guard let currentTable = now.table(table.key) else { continue }
                changes += table.changes(comparedWith: currentTable, in: section.heading)
            }
        }
        return changes
    }
}

extension BulletinTable {
    fileprivate func changes(comparedWith current: BulletinTable, in heading: String) -> [BulletinChange] {
        var changes: [BulletinChange] = []
        let place = "\(heading) · \(caption)"
        for row in rows {
            guard let now = current.row(row.key) else {
                changes.append(
                    BulletinChange(
                        place: "\(place) · \(row.cells.first ?? row.key)", printed: row.cells.joined(separator: "，"),
                        now: ""))
                continue
            }
            for (index, cell) in row.cells.enumerated() where index > 0 {
                let text = index < now.cells.count ? now.cells[index] : ""
                guard text != cell else { continue }
                let column = index < columns.count ? columns[index] : "第\(index + 1)列"
                changes.append(
                    BulletinChange(
                        place: "\(place) · \(row.cells.first ?? row.key) · \(column)", printed: cell, now: text))
            }
        }
        let printedKeys = Set(rows.map(\.key))
        for row in current.rows where !printedKeys.contains(row.key) {
            changes.append(
                BulletinChange(
                    place: "\(place) · \(row.cells.first ?? row.key)", printed: "",
                    now: row.cells.joined(separator: "，")))
        }
        return changes
    }
}
