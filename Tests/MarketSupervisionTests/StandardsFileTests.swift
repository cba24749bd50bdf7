import LantianCore
import MarketSupervision
import Seed
import Testing

/// The bundled standards file and the lab-results file, as docs/MARKET.md describes them.
@Suite struct StandardsFileTests {
    static let library = try! StandardsFile.read(try! SeedStandards.market)

    /// The products and items the command-line contract names are all there; only the values the reference marks
    /// firm are marked verified.
    @Test func theBundledFileHasTheContractsProductsAndItems() throws {
        let expected: [String: [String]] = [
            "diesel": ["sulfur", "flash_point", "cetane_number", "density_20c", "pah", "fame", "water"],
            "diesel-20": ["sulfur", "flash_point", "cetane_number", "density_20c", "pah", "fame", "water"],
            "diesel-35": ["sulfur", "flash_point", "cetane_number", "density_20c", "pah", "fame", "water"],
            "diesel-50": ["sulfur", "flash_point", "cetane_number", "density_20c", "pah", "fame", "water"],
            "gasoline-via": ["sulfur", "benzene", "aromatics", "olefins", "oxygen", "methanol"],
            "gasoline-vib": ["sulfur", "benzene", "aromatics", "olefins", "oxygen", "methanol"],
            "def": [
                "urea_content", "density_20c", "refractive_index", "biuret", "aldehydes", "insolubles", "alkalinity",
            ],
        ]
        for (product, items) in expected {
            let standard = try #require(Self.library.standard(for: product), "\(product)")
            #expect(Set(standard.items.map(\.code)) == Set(items), "\(product)")
        }
        #expect(Self.library.standard(for: "diesel")?.standard == "GB 19147-2016")
        #expect(Self.library.standard(for: "def")?.item("density_20c")?.limit.text == "1087.0～1093.0")
        let flash = try #require(Self.library.standard(for: "diesel")?.item("flash_point"))
        #expect(flash.verified && flash.limit == .atLeast(MeasuredValue("60")!))
        #expect(Self.library.standard(for: "diesel")?.item("sulfur")?.verified == false)
        // GB 38507-2020's ink limits are firm in the reference: all verified.
        let inks = Self.library.editions.filter { $0.standard == "GB 38507-2020" }
        #expect(inks.count == 19 && inks.allSatisfy { $0.items.allSatisfy(\.verified) })
        #expect(inks.allSatisfy { $0.effective == CivilDate(year: 2021, month: 4, day: 1) })
    }

    /// A sample is judged by the edition in force on its sampling day.
    @Test func theEditionInForceOnTheSamplingDayJudges() throws {
        let text = """
            format: lantian-standards/1
            editions:
              - {product: diesel, name: 柴油, standard: GB 19147-2013, title: 车用柴油（Ⅳ）, effective: 2015-01-01, method: rounded,
                 items: [{code: sulfur, name: 硫含量, unit: mg/kg, max: "50"}]}
              - {product: diesel, name: 柴油, standard: GB 19147-2016, title: 车用柴油, effective: 2017-01-01, method: rounded,
                 items: [{code: sulfur, name: 硫含量, unit: mg/kg, max: "10"}]}
            """
        let library = try StandardsFile.read(text)
        #expect(library.standard(for: "diesel", on: CivilDate("2016-12-31"))?.standard == "GB 19147-2013")
        #expect(library.standard(for: "diesel", on: CivilDate("2017-01-01"))?.standard == "GB 19147-2016")
        #expect(library.standard(for: "diesel", on: CivilDate("2014-06-01")) == nil)
        #expect(library.standard(for: "diesel")?.standard == "GB 19147-2016")
        #expect(library.standard(for: "diesel", cited: "gb19147-2013")?.effective == CivilDate("2015-01-01"))
    }

    /// A bad file is rejected whole, each problem with its line.
    @Test func aBadStandardsFileIsRejectedWithEveryProblem() {
        let text = """
            format: lantian-standards/1
            editions:
              - product: diesel
                name: 柴油
                standard: GB 19147-2016
                title: 车用柴油
                effective: 2017-01-01
                method: rounded
                items:
                  - {code: sulfur, name: 硫含量, unit: mg/kg, max: "10"}
                  - {code: density_20c, name: 密度, unit: kg/m³, min: "845", max: "810"}
                  - {code: sulfur, name: 硫, unit: mg/kg, max: "12"}
                  - {code: water, name: 水, unit: mg/kg, max: 1e2}
                  - {code: fame, name: 脂肪酸甲酯, unit: "%"}
            """
        do {
            _ = try StandardsFile.read(text)
            Issue.record("accepted a bad file")
        } catch {
            let lines = error.issues.map(\.description).joined(separator: "\n")
            #expect(lines.contains("(line 11): min 845 is above max 810"), "\(lines)")
            #expect(lines.contains("(line 12): item \"sulfur\" given twice"), "\(lines)")
            #expect(lines.contains("(line 13): \"1e2\" is not a number as written"), "\(lines)")
            #expect(lines.contains("(line 14): an item needs min, max or both"), "\(lines)")
            #expect(error.issues.count == 4)
        }
    }

    /// Lab results: rows grouped by batch; an unknown product or item, or a value that is not a number, stops the
    /// reading at its line and field.
    @Test func labResultsAreGroupedByBatchAndRefusedByLine() throws {
        let good = """
            batch,product,item,value,sampled_on
            JC-2021-001,diesel,sulfur,8.2,2021-11-10
            JC-2021-001,diesel,flash_point,59.5,2021-11-10
            JC-2021-002,def,urea_content,31.7,2021-11-12

            JC-2021-002,def,insolubles,25,2021-11-12
            """
        let batches = try LabBatch.read(good, library: Self.library).get()
        #expect(batches.map(\.batch) == ["JC-2021-001", "JC-2021-002"])
        let rows = batches.map { VerdictTable.row($0, Verdict($0.values, against: $0.standard)) }
        #expect(rows[0] == ["JC-2021-001", "diesel", "合格", ""])
        #expect(rows[1] == ["JC-2021-002", "def", "不合格", "urea_content:31.7<31.8;insolubles:25>20"])

        func issue(_ text: String) -> String {
            if case .failure(let issue) = LabBatch.read(text, library: Self.library) { return issue.description }
            return "accepted"
        }
        #expect(
            issue("batch,product,item,value\nA,kerosene,sulfur,1\n").hasPrefix(
                "line 2, product: unknown product \"kerosene\""))
        #expect(
            issue("batch,product,item,value\nA,diesel,sulfur,1\nA,diesel,colour,1\n").hasPrefix(
                "line 3, item: GB 19147-2016 has no item \"colour\""))
        #expect(
            issue("batch,product,item,value\nA,diesel,sulfur,N/A\n").hasPrefix(
                "line 2, value: \"N/A\" is not a measured value"))
        #expect(
            issue("batch,product,item,value\nA,diesel,sulfur,1\nA,diesel,sulfur,2\n").hasPrefix(
                "line 3, item: sulfur of batch A given twice"))
        #expect(
            issue("batch,product,item,value\nA,diesel,sulfur,1\nA,def,biuret,0.1\n").hasPrefix(
                "line 3, product: batch A is diesel"))
        #expect(issue("batch,product,value\n").hasPrefix("line 1, item: header lacks the column item"))
        #expect(
            issue("batch,product,item,value,sampled_on\nA,diesel,sulfur,1,2016-06-01\n").hasPrefix(
                "line 2, sampled_on: no edition"))
    }
}
