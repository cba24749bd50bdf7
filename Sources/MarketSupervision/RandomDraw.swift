import Crypto
import Foundation

/// 双随机: objects drawn at random from the object database, inspectors drawn for each — verifiably. The draw
/// commits to its inputs (``inputsHash``, published before the seed is known), takes its seed from a value fixed in
/// advance and published later (a lottery draw, an index figure), and anyone who re-runs it from the published
/// inputs and seed gets the same result (after RFC 3797: the method is public, the randomness is not chosen by
/// the one who draws).
///
/// Every random number is SHA-256(inputs hash ‖ seed ‖ counter), unbiased by rejection; lists are taken in the
/// order of their ids, so the order of a file's rows cannot matter.
public struct RandomDraw: Sendable {
    public struct Object: Hashable, Sendable {
        public var id: String
        public var name: String
        public var county: String
        public var riskClass: String?

        public init(id: String, name: String, county: String, riskClass: String? = nil) {
            self.id = id
            self.name = name
            self.county = county
            self.riskClass = riskClass
        }
    }

    public struct Inspector: Hashable, Sendable {
        public var id: String
        public var name: String
        public var unit: String
        /// Object ids this inspector may not inspect (declared conflicts of interest: recusal).
        public var conflicts: Set<String>

        public init(id: String, name: String, unit: String, conflicts: Set<String> = []) {
            self.id = id
            self.name = name
            self.unit = unit
            self.conflicts = conflicts
        }
    }

    /// How many objects to draw.
    public enum Size: Hashable, Sendable {
        case count(Int)
        /// A share of the objects (0 < r ≤ 1), rounded up.
        case ratio(Double)
    }

    /// Why a draw cannot be made.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The drawn objects, by id, each with its inspectors (by id, in the order drawn).
    public var assignments: [(object: String, inspectors: [String])]
    /// SHA-256 of the inputs as the draw reads them (hex): what is published before the seed.
    public var inputsHash: String

    /// The SHA-256 (hex) of the objects and inspectors as the draw reads them: sorted by id, one line each, fields
    /// separated by tabs, conflicts sorted and separated by `;`.
    public static func hash(objects: [Object], inspectors: [Inspector]) -> String {
        var text = "objects\n"
        for o in objects.sorted(by: { $0.id < $1.id }) {
            text += [o.id, o.name, o.county, o.riskClass ?? ""].joined(separator: "\t") + "\n"
        }
        text += "inspectors\n"
        for i in inspectors.sorted(by: { $0.id < $1.id }) {
            text += [i.id, i.name, i.unit, i.conflicts.sorted().joined(separator: ";")].joined(separator: "\t") + "\n"
        }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// How the objects are split before drawing: not at all, by county, or by risk class (objects without a class
    /// form one stratum of their own).
    public enum Strata: String, Hashable, Sendable, CaseIterable {
        case none = ""
        case county
        case riskClass = "class"

        func key(_ object: Object) -> String? {
            switch self {
            case .none: nil
            case .county: object.county
            case .riskClass: object.riskClass ?? ""
            }
        }
    }

    /// Draws `size` objects — within each stratum separately (strata in order of their key) — and `perObject`
    /// inspectors for each: never one with a conflict, from different units where the eligible inspectors allow.
    public init(
        objects: [Object], inspectors: [Inspector], size: Size, perObject: Int, strata: Strata, seed: String
    ) throws(Refusal) {
        let ids = objects.map(\.id)
        if Set(ids).count != ids.count { throw Refusal(description: "object ids must be unique") }
        if Set(inspectors.map(\.id)).count != inspectors.count {
            throw Refusal(description: "inspector ids must be unique")
        }
        if perObject < 1 { throw Refusal(description: "--per-object must be at least 1") }
        let inputsHash = Self.hash(objects: objects, inspectors: inspectors)
        var random = Stream(key: inputsHash + "\u{0}" + seed)
        let sorted = objects.sorted { $0.id < $1.id }
        let strata: [[Object]] =
            strata == .none
            ? [sorted]
            : Dictionary(grouping: sorted, by: { strata.key($0) ?? "" }).sorted { $0.key < $1.key }.map(\.value)
        let counts = try Self.counts(size, strata: strata.map(\.count), total: sorted.count)
        var chosen: [Object] = []
        for (stratum, count) in zip(strata, counts) {
            var pool = stratum
            for _ in 0..<count { chosen.append(pool.remove(at: random.below(pool.count))) }
        }
        let staff = inspectors.sorted { $0.id < $1.id }
        var assignments: [(object: String, inspectors: [String])] = []
        for object in chosen.sorted(by: { $0.id < $1.id }) {
            var eligible = staff.filter { !$0.conflicts.contains(object.id) }
            guard eligible.count >= perObject else {
                throw Refusal(
                    description:
                        "object \(object.id) (\(object.name)): \(eligible.count) inspector(s) without a conflict, \(perObject) needed"
                )
            }
            var picked: [Inspector] = []
            for _ in 0..<perObject {
                let units = Set(picked.map(\.unit))
                let fresh = eligible.filter { !units.contains($0.unit) }
                let from = fresh.isEmpty ? eligible : fresh
                let inspector = from[random.below(from.count)]
                picked.append(inspector)
                eligible.removeAll { $0.id == inspector.id }
            }
            assignments.append((object.id, picked.map(\.id)))
        }
        self.assignments = assignments
        self.inputsHash = inputsHash
    }

    /// How many to draw from each stratum: a count is shared out by size (largest remainder, ties to the earlier
    /// stratum), a ratio taken of each stratum and rounded up.
    static func counts(_ size: Size, strata: [Int], total: Int) throws(Refusal) -> [Int] {
        switch size {
        case .count(let n):
            guard n >= 1, n <= total else {
                throw Refusal(description: "--count must be from 1 to the number of objects (\(total))")
            }
            guard strata.count > 1 else { return [n] }
            var shares = strata.map { n * $0 / total }
            let remainders = strata.enumerated().map { ($0.offset, n * $0.element % total) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            for (index, _) in remainders.prefix(n - shares.reduce(0, +)) { shares[index] += 1 }
            return shares
        case .ratio(let r):
            guard r > 0, r <= 1 else { throw Refusal(description: "--ratio must be above 0 and at most 1") }
            return strata.map { Int((Double($0) * r - 1e-9).rounded(.up)) }
        }
    }

    /// The draw's random numbers: SHA-256 of the key and a counter, eight bytes at a time.
    struct Stream {
        let key: String
        var counter = 0

        init(key: String) { self.key = key }

        mutating func next() -> UInt64 {
            let digest = SHA256.hash(data: Data((key + "\u{0}" + String(counter)).utf8))
            counter += 1
            return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
        }

        /// A number in 0..<n, every one equally likely (values in the last incomplete run of n are drawn again).
        mutating func below(_ n: Int) -> Int {
            let bound = UInt64(n)
            let limit = UInt64.max - UInt64.max % bound
            while true {
                let value = next()
                if value < limit { return Int(value % bound) }
            }
        }
    }
}
