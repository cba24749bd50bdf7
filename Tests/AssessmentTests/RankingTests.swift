import Assessment
import Testing

@Suite struct RankingTests {
    /// Composite indexes 5.123, 5.118 (both 5.12 at two places: they share 2nd), 4.90 first, 6.0 fourth (the
    /// shared places are skipped), a county without data unranked and last.
    @Test func equalRoundedValuesShareARankAndTheNextSkips() {
        let ranking = Ranking(
            [("a", 5.123), ("b", 5.118), ("c", 4.90), ("d", 6.0), ("e", nil)], places: 2)
        #expect(ranking.entries.map(\.key) == ["c", "a", "b", "d", "e"])
        #expect(ranking.entries.map(\.rank) == [1, 2, 2, 4, nil])
        #expect(ranking.entry("a")?.sharedBy == 2)
        #expect(ranking.entries.map { Ranking.rankText($0) } == ["1", "并列2", "并列2", "4", "—"])
    }

    /// GB/T 8170 rounds half to even: 5.125 and 5.135 at two places are 5.12 and 5.14 (the binary 5.125 is exact;
    /// 5.135 lies just below and rounds down to 5.13 in binary arithmetic — so 5.12 and 5.13, different ranks).
    @Test func roundsHalfToEvenBeforeComparing() {
        let ranking = Ranking([("x", 5.125), ("y", 5.12)], places: 2)
        #expect(ranking.entry("x")?.rounded == 5.12)
        #expect(ranking.entry("x")?.rank == 1 && ranking.entry("y")?.rank == 1)
    }

    @Test func higherIsBetterForScores() {
        let ranking = Ranking([("a", 80), ("b", 92.5), ("c", 80)], places: 1, lowerIsBetter: false)
        #expect(ranking.entries.map(\.key) == ["b", "a", "c"])
        #expect(ranking.entries.map(\.rank) == [1, 2, 2])
    }
}

@Suite struct DocumentNumberTests {
    @Test func readsAndWritesTheGBT9704Form() throws {
        let number = try #require(DocumentNumber("晋市气防办〔2022〕3号"))
        #expect(number.issuerCode == "晋市气防办" && number.year == 2022 && number.serial == 3)
        #expect(number.description == "晋市气防办〔2022〕3号")
        // Brackets typed on a keyboard, 第 and a leading zero are normalised.
        #expect(DocumentNumber("晋市气防办[2022]第03号")?.description == "晋市气防办〔2022〕3号")
        #expect(DocumentNumber("晋市气防办（2022）12号")?.description == "晋市气防办〔2022〕12号")
    }

    @Test func refusesWithAReason() {
        #expect(DocumentNumber.problem("2022年3号")?.contains("机关代字〔年份〕序号号") == true)
        #expect(DocumentNumber.problem("〔2022〕3号")?.contains("机关代字") == true)
        #expect(DocumentNumber.problem("晋市气防办〔22〕3号")?.contains("四位") == true)
        #expect(DocumentNumber.problem("晋市气防办〔2022〕三号")?.contains("正整数") == true)
        #expect(DocumentNumber.problem("晋市气防办〔2022〕0号") != nil)
        #expect(DocumentNumber.problem("晋市气防办〔2022〕3号") == nil)
    }
}
