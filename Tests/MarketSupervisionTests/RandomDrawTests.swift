import Foundation
import MarketSupervision
import Testing

/// 双随机 draws: reproducible from the published inputs and seed, unbiased, never a conflicted inspector.
@Suite struct RandomDrawTests {
    static let objects = (1...10).map {
        RandomDraw.Object(id: String(format: "O%02d", $0), name: "加油站\($0)", county: $0 <= 5 ? "zezhou" : "gaoping")
    }
    static let inspectors = [
        RandomDraw.Inspector(id: "I1", name: "张", unit: "市局", conflicts: ["O01"]),
        RandomDraw.Inspector(id: "I2", name: "李", unit: "市局"),
        RandomDraw.Inspector(id: "I3", name: "王", unit: "泽州局", conflicts: ["O03", "O04"]),
        RandomDraw.Inspector(id: "I4", name: "赵", unit: "高平局"),
        RandomDraw.Inspector(id: "I5", name: "刘", unit: "高平局", conflicts: ["O10"]),
    ]

    func draw(
        _ seed: String, size: RandomDraw.Size = .count(3), stratify: Bool = false,
        objects: [RandomDraw.Object] = Self.objects, inspectors: [RandomDraw.Inspector] = Self.inspectors
    ) throws -> RandomDraw {
        try RandomDraw(
            objects: objects, inspectors: inspectors, size: size, perObject: 2, strata: stratify ? .county : .none,
            seed: seed)
    }

    func flat(_ draw: RandomDraw) -> [String] {
        draw.assignments.map { "\($0.object):\($0.inspectors.joined(separator: ","))" }
    }

    /// A recorded draw: these inputs and this seed gave this result when the method was fixed, and must give it
    /// on any machine, from the rows in any order — that is what makes a published draw checkable.
    @Test func aRecordedDrawRerunsIdentically() throws {
        let seed = "2021-12-01 福彩3D 第2021325期 5 8 1"
        let recorded = try draw(seed)
        #expect(recorded.inputsHash.count == 64)
        #expect(flat(try draw(seed)) == flat(recorded))
        let shuffled = try draw(seed, objects: Self.objects.reversed(), inspectors: Self.inspectors.reversed())
        #expect(flat(shuffled) == flat(recorded) && shuffled.inputsHash == recorded.inputsHash)
        #expect(flat(recorded) == Self.recordedResult, "\(flat(recorded))")
        // Another seed, another draw; changed inputs, another hash.
        #expect(flat(try draw(seed + " ")) != flat(recorded))
        var fewer = Self.objects
        fewer.removeLast()
        #expect(try draw(seed, objects: fewer).inputsHash != recorded.inputsHash)
    }

    static let recordedResult = ["O03:I2,I4", "O06:I1,I3", "O08:I5,I2"]

    /// Over 3,000 seeds each of the ten objects is drawn about equally often (χ² with 9 degrees of freedom below
    /// 27.88, p = 0.001), and neither county is favoured (χ², 1 degree of freedom, below 10.83).
    @Test func drawsAreUnbiased() throws {
        var picks: [String: Int] = [:]
        var counties: [String: Int] = [:]
        let runs = 3000
        for n in 0..<runs {
            for assignment in try draw("seed \(n)").assignments {
                picks[assignment.object, default: 0] += 1
                counties[assignment.object <= "O05" ? "zezhou" : "gaoping", default: 0] += 1
            }
        }
        let expected = Double(runs * 3) / 10
        let chi = picks.values.map { pow(Double($0) - expected, 2) / expected }.reduce(0, +)
        #expect(picks.count == 10 && chi < 27.88, "χ² = \(chi): \(picks)")
        let half = Double(runs * 3) / 2
        let county = counties.values.map { pow(Double($0) - half, 2) / half }.reduce(0, +)
        #expect(county < 10.83, "χ² = \(county): \(counties)")
    }

    /// No inspector is ever sent to an object they declared a conflict with; an object's two inspectors are two
    /// people, from two units whenever the eligible inspectors allow.
    @Test func conflictsAreNeverAssigned() throws {
        let units = Dictionary(uniqueKeysWithValues: Self.inspectors.map { ($0.id, $0.unit) })
        let conflicts = Dictionary(uniqueKeysWithValues: Self.inspectors.map { ($0.id, $0.conflicts) })
        for n in 0..<500 {
            for assignment in try draw("c\(n)", size: .count(10)).assignments {
                #expect(assignment.inspectors.allSatisfy { !conflicts[$0]!.contains(assignment.object) })
                #expect(Set(assignment.inspectors).count == 2)
                #expect(Set(assignment.inspectors.map { units[$0]! }).count == 2, "\(assignment)")
            }
        }
    }

    @Test func sharesAndRefusals() throws {
        // Stratified: half of each county, rounded up.
        let stratified = try draw("s", size: .ratio(0.5), stratify: true)
        #expect(stratified.assignments.filter { $0.object <= "O05" }.count == 3)
        #expect(stratified.assignments.count == 6)
        // Too few inspectors without a conflict for O01: one is left.
        let two = [Self.inspectors[0], Self.inspectors[1]]
        #expect {
            try draw("x", size: .count(10), objects: Self.objects, inspectors: two)
        } throws: { error in
            "\(error)".contains("object O01 (加油站1): 1 inspector(s) without a conflict, 2 needed")
        }
        #expect(throws: RandomDraw.Refusal.self) { try draw("x", size: .count(11)) }
        #expect(throws: RandomDraw.Refusal.self) { try draw("x", size: .ratio(0)) }
    }
}

@Suite("Draws stratified by risk class")
struct RandomDrawStrataTests {
    @Test("each risk class gets its share, unclassified objects form a stratum of their own")
    func riskClass() throws {
        let objects = (1...12).map { n in
            RandomDraw.Object(
                id: String(format: "O%02d", n), name: "对象\(n)", county: "zezhou",
                riskClass: n <= 6 ? "A" : n <= 10 ? "B" : nil)
        }
        let inspectors = (1...4).map { RandomDraw.Inspector(id: "I\($0)", name: "员\($0)", unit: "U\($0 % 2)") }
        for seed in ["1", "2", "3", "20211210"] {
            let draw = try RandomDraw(
                objects: objects, inspectors: inspectors, size: .ratio(0.5), perObject: 2, strata: .riskClass,
                seed: seed)
            let chosen = Set(draw.assignments.map(\.object))
            let classOf = Dictionary(objects.map { ($0.id, $0.riskClass ?? "") }, uniquingKeysWith: { a, _ in a })
            let byClass = Dictionary(grouping: chosen, by: { classOf[$0]! }).mapValues(\.count)
            // Half of 6, of 4 and of 2, each rounded up.
            #expect(byClass == ["A": 3, "B": 2, "": 1], "seed \(seed)")
        }
    }
}
