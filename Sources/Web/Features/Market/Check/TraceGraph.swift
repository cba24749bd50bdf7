import Foundation
import MarketSupervision
import Plot

/// The trace of a failed batch as a server-rendered SVG: suppliers to the left, the sampled station at the right,
/// solid arrows for the deliveries that fed it, dashed ones to the other receivers of the same suppliers.
enum TraceGraph {
    static let columnWidth = 210
    static let rowHeight = 58
    static let boxWidth = 170
    static let boxHeight = 40

    struct Placed {
        var code: String
        var column: Int
        var row: Int
        var kind: Kind
    }

    enum Kind { case station, upstream, coSupplied }

    /// Where each node goes: its column is its upstream depth (a co-supplied receiver stands beside the node its
    /// supplier fed), rows in the trace's order within a column; and the edges as (from, to, dashed).
    static func layout(station: String, trace: SupplyTrace) -> (nodes: [Placed], edges: [(String, String, Bool)]) {
        var depth: [String: Int] = [station: 0]
        var placed: [Placed] = []
        var edges: [(String, String, Bool)] = []
        var rows: [Int: Int] = [:]
        func place(_ code: String, _ column: Int, _ kind: Kind) {
            placed.append(Placed(code: code, column: column, row: rows[column, default: 0], kind: kind))
            rows[column, default: 0] += 1
        }
        place(station, 0, .station)
        for node in trace.nodes {
            let upstreamPart = node.path.components(separatedBy: "->").first ?? node.path
            let chain = upstreamPart.components(separatedBy: "<-")
            switch node.relation {
            case .upstream:
                let column = chain.count - 1
                depth[node.node] = column
                place(node.node, column, .upstream)
                if chain.count >= 2 { edges.append((node.node, chain[chain.count - 2], false)) }
            case .coSupplied:
                let supplier = chain.last ?? station
                let column = max(0, (depth[supplier] ?? chain.count - 1) - 1)
                place(node.node, column, .coSupplied)
                edges.append((supplier, node.node, true))
            }
        }
        return (placed, edges)
    }

    static func svg(station: String, trace: SupplyTrace, names: [String: String]) -> BodyNode {
        let (nodes, edges) = layout(station: station, trace: trace)
        let columns = (nodes.map(\.column).max() ?? 0) + 1
        let rows = (nodes.map(\.row).max() ?? 0) + 1
        let width = columns * columnWidth + 20
        let height = rows * rowHeight + 20
        func x(_ column: Int) -> Int { 10 + (columns - 1 - column) * columnWidth }
        func y(_ row: Int) -> Int { 10 + row * rowHeight }
        let at = Dictionary(nodes.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var parts: [Node<HTML.BodyContext>] = [
            .attr("xmlns", "http://www.w3.org/2000/svg"), .attr("width", "\(width)"), .attr("height", "\(height)"),
            .attr("viewBox", "0 0 \(width) \(height)"), .attr("role", "img"), .attr("class", "trace-graph"),
            .attr("aria-label", "追根溯源图：\(station) 的上游供货与同批供货"),
            .element(
                named: "defs",
                nodes: [
                    .element(
                        named: "marker",
                        nodes: [
                            .attr("id", "arrow"), .attr("viewBox", "0 0 10 10"), .attr("refX", "10"),
                            .attr("refY", "5"),
                            .attr("markerWidth", "7"), .attr("markerHeight", "7"), .attr("orient", "auto"),
                            .element(named: "path", nodes: [.attr("d", "M0,0 L10,5 L0,10 z"), .attr("fill", "#555")]),
                        ])
                ]),
        ]
        for (from, to, dashed) in edges {
            guard let a = at[from], let b = at[to] else { continue }
            let fromRight = x(a.column) < x(b.column)
            let x1 = fromRight ? x(a.column) + boxWidth : x(a.column)
            let x2 = fromRight ? x(b.column) : x(b.column) + boxWidth
            parts.append(
                .element(
                    named: "line",
                    nodes: [
                        .attr("x1", "\(x1)"), .attr("y1", "\(y(a.row) + boxHeight / 2)"), .attr("x2", "\(x2)"),
                        .attr("y2", "\(y(b.row) + boxHeight / 2)"), .attr("stroke", dashed ? "#c77700" : "#3a74c4"),
                        .attr("stroke-width", "1.6"), .attr("stroke-dasharray", dashed ? "5,4" : "none"),
                        .attr("marker-end", "url(#arrow)"),
                    ]))
        }
        for node in nodes {
            let (stroke, fill) =
                switch node.kind {
                case .station: ("#a1221a", "#fdeceb")
                case .upstream: ("#3a74c4", "#e8effa")
                case .coSupplied: ("#c77700", "#fff1e0")
                }
            let name = names[node.code] ?? "名录外"
            parts.append(
                .element(
                    named: "g",
                    nodes: [
                        .attr("class", "trace-node"),
                        .element(
                            named: "rect",
                            nodes: [
                                .attr("x", "\(x(node.column))"), .attr("y", "\(y(node.row))"),
                                .attr("width", "\(boxWidth)"), .attr("height", "\(boxHeight)"), .attr("rx", "4"),
                                .attr("fill", fill), .attr("stroke", stroke),
                                .attr("stroke-dasharray", node.kind == .coSupplied ? "4,3" : "none"),
                            ]),
                        .element(
                            named: "text",
                            nodes: [
                                .attr("x", "\(x(node.column) + 8)"), .attr("y", "\(y(node.row) + 16)"),
                                .attr("font-size", "12"), .attr("font-weight", "600"), .text(node.code),
                            ]),
                        .element(
                            named: "text",
                            nodes: [
                                .attr("x", "\(x(node.column) + 8)"), .attr("y", "\(y(node.row) + 32)"),
                                .attr("font-size", "11"), .text(String(name.prefix(13))),
                            ]),
                    ]))
        }
        return .element(named: "svg", nodes: parts)
    }
}
