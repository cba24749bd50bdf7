import Foundation
import LantianCore

/// A small SVG writer: the charts are drawn on the server, so they print, need no script and read the same in
/// every browser.
struct SVG {
    let width: Double
    let height: Double
    let title: String
    private var body = ""

    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    static func escape(_ text: String) -> String { AttributeText.escape(text) }

    static func n(_ value: Double) -> String { NumberText.coordinate(value) }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, tooltip: String? = nil
    ) {
        body +=
            "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, width)))\" "
            + "height=\"\(Self.n(max(0, height)))\" fill=\"\(fill)\""
            + (stroke.map { " stroke=\"\($0)\" stroke-width=\"0.5\"" } ?? "")
        if let tooltip { body += "><title>\(Self.escape(tooltip))</title></rect>" } else { body += "/>" }
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false
    ) {
        body +=
            "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" "
            + "stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"" + (dashed ? " stroke-dasharray=\"6 4\"" : "")
            + "/>"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5) {
        guard points.count > 1 else { return }
        body +=
            "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" points=\""
            + points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ") + "\"/>"
    }

    mutating func text(
        _ text: String, x: Double, y: Double, anchor: String = "start", size: Double = 11, fill: String = "#222",
        bold: Bool = false
    ) {
        body +=
            "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Self.n(size))\" "
            + "fill=\"\(fill)\"" + (bold ? " font-weight=\"bold\"" : "") + ">\(Self.escape(text))</text>"
    }

    var markup: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Self.n(width)) "
            + "\(Self.n(height))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" "
            + "font-family=\"'Noto Sans CJK SC','Microsoft YaHei',sans-serif\"><title>\(Self.escape(title))</title>"
            + body + "</svg>"
    }
}
