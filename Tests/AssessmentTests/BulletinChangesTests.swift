import Assessment
import LantianCore
import Testing

@Suite struct BulletinChangesTests {
    static func bulletin(pm25: String, rows: [BulletinTable.Row]) -> Bulletin {
        Bulletin(
            month: ReportMonth(year: 2022, month: 1)!, asOf: CivilDate("2022-01-31")!, issuer: "办公室",
            sections: [
                BulletinSection(
                    key: "air", heading: "空气质量情况",
                    blocks: [
                        .figures([BulletinFigure(key: "month-pm25", label: "1月PM2.5", text: pm25)]),
                        .table(
                            BulletinTable(key: "stations", caption: "排名", columns: ["点位", "综合指数", "排名"], rows: rows)),
                    ])
            ])
    }

    /// A corrected station day changes the month's PM2.5 and one station's index: both reported, with the
    /// printed and the current text; a station that appeared since, and one gone, too. Unchanged cells are not.
    @Test func namesEveryFigureAndCellThatDiffers() {
        let frozen = Self.bulletin(
            pm25: "61.3 µg/m³",
            rows: [
                .init(key: "2160A", cells: ["自来水公司", "5.80", "1"]), .init(key: "2161A", cells: ["白云商贸", "6.10", "2"]),
            ])
        let current = Self.bulletin(
            pm25: "61.9 µg/m³",
            rows: [
                .init(key: "2160A", cells: ["自来水公司", "5.92", "1"]), .init(key: "2163A", cells: ["技术学院", "6.30", "2"]),
            ])
        let changes = frozen.changes(comparedWith: current)
        #expect(changes.count == 4)
        #expect(changes[0] == BulletinChange(place: "空气质量情况 · 1月PM2.5", printed: "61.3 µg/m³", now: "61.9 µg/m³"))
        #expect(changes[1] == BulletinChange(place: "空气质量情况 · 排名 · 自来水公司 · 综合指数", printed: "5.80", now: "5.92"))
        #expect(changes[2].place == "空气质量情况 · 排名 · 白云商贸" && changes[2].now == "")
        #expect(changes[3].place == "空气质量情况 · 排名 · 技术学院" && changes[3].printed == "")
        #expect(frozen.changes(comparedWith: frozen).isEmpty)
    }
}
