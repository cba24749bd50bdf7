import Foundation
import LantianCore

/// One delivery between two nodes of the supply chain (加油站 ← 油库/批发企业 ← 炼厂): who sent what to whom, when.
public struct Delivery: Hashable, Sendable {
    public var from: String
    public var to: String
    public var date: CivilDate
    public var product: String
    /// As written (litres, tonnes: the file's unit).
    public var volume: MeasuredValue?
    /// The delivery note's number (出库单、随车单号), when the file has one.
    public var document: String
    /// The line of the file it came from.
    public var line: Int

    public init(
        from: String, to: String, date: CivilDate, product: String, volume: MeasuredValue?, document: String = "",
        line: Int
    ) {
        self.document = document
        self.from = from
        self.to = to
        self.date = date
        self.product = product
        self.volume = volume
        self.line = line
    }

    /// Reads a deliveries file (CSV with a header: `from,to,date,product,volume`) through
    /// ``Registry/deliveries(_:)``: the first problem stops the reading at its line and field.
    public static func read(_ text: String) -> Result<[Delivery], ImportIssue> {
        let read = Registry.deliveries(SheetRow.csv(text))
        if let problem = read.problems.first { return .failure(problem) }
        return .success(read.records)
    }
}

/// 追根溯源 for a failed batch: where a station's product came from (upstream, through depots and wholesalers to
/// the source), and which other nodes each of those suppliers delivered the same product to around the same time
/// (co-supplied: the list to sample next).
///
/// Upstream, a supplier counts only with deliveries dated on or after `since` and no later than the delivery it
/// fed (goods are received before they are sent on). Co-supplied: a supplier's deliveries of the product within
/// `windowDays` either side of its delivery toward the station. A cycle in the data (A → B → A) is reported,
/// never followed round.
public struct SupplyTrace: Sendable {
    public struct Node: Hashable, Sendable {
        public var node: String
        public var relation: Relation
        /// From the station: `S<-D<-R` upstream, `S<-D<-R->S2` co-supplied.
        public var path: String
        public var depth: Int
    }

    public enum Relation: String, Sendable {
        case upstream
        case coSupplied = "co-supplied"
    }

    /// Upstream nodes nearest first, then co-supplied nodes.
    public var nodes: [Node]
    /// Cycles found on the way, as `A -> B -> A (lines 3, 7)`.
    public var cycles: [String]

    public init(
        from station: String, product: String, since: CivilDate, windowDays: Int, deliveries: [Delivery]
    ) {
        let relevant = deliveries.filter { $0.product == product && $0.date >= since }
        let into = Dictionary(grouping: relevant, by: \.to)
        let outOf = Dictionary(grouping: relevant, by: \.from)
        // Breadth first: each node reached once, by its nearest path; its latest qualifying delivery bounds what
        // can have supplied it.
        struct Reached {
            var node: String
            var path: [String]
            /// The date of its delivery toward the station: it bounds what can have supplied it.
            var shipped: CivilDate?
        }
        var upstream: [Reached] = []
        var seen: Set<String> = [station]
        var cycles: [String] = []
        var frontier = [Reached(node: station, path: [station], shipped: nil)]
        while !frontier.isEmpty {
            var next: [Reached] = []
            for current in frontier {
                let feeding = (into[current.node] ?? []).filter { delivery in
                    current.shipped.map { delivery.date <= $0 } ?? true
                }
                var bySupplier: [String: [Delivery]] = [:]
                for delivery in feeding { bySupplier[delivery.from, default: []].append(delivery) }
                for supplier in bySupplier.keys.sorted() {
                    let latest = bySupplier[supplier]!.max { $0.date < $1.date }!
                    if current.path.contains(supplier) {
                        let loop = current.path[current.path.firstIndex(of: supplier)!...] + [supplier]
                        cycles.append(loop.reversed().joined(separator: " -> ") + " (line \(latest.line))")
                        continue
                    }
                    guard seen.insert(supplier).inserted else { continue }
                    let reached = Reached(node: supplier, path: current.path + [supplier], shipped: latest.date)
                    upstream.append(reached)
                    next.append(reached)
                }
            }
            frontier = next
        }
        var nodes = upstream.map {
            Node(node: $0.node, relation: .upstream, path: $0.path.joined(separator: "<-"), depth: $0.path.count - 1)
        }
        var listed = seen
        for supplier in upstream {
            guard let shipped = supplier.shipped else { continue }
            let window = (outOf[supplier.node] ?? []).filter {
                abs($0.date.dayNumber - shipped.dayNumber) <= windowDays
            }
            for receiver in Set(window.map(\.to)).sorted() where listed.insert(receiver).inserted {
                nodes.append(
                    Node(
                        node: receiver, relation: .coSupplied,
                        path: supplier.path.joined(separator: "<-") + "->" + receiver, depth: supplier.path.count))
            }
        }
        self.nodes = nodes
        self.cycles = cycles
    }
}
