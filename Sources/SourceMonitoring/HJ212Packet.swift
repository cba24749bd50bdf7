import LantianCore

/// One HJ 212 packet (HJ 212-2017 and -2025, supervision.md §2): `##` + the data segment's length in four decimal
/// digits + the data segment + its CRC in four hex digits + CRLF. The segment is `QN=…;ST=…;CN=…;PW=…;MN=…;
/// Flag=…;CP=&&…&&`, the command parameters inside `CP` groups separated by `;`, pairs by `,`.
///
/// Real loggers deviate from the standard (a wrong length field, milliseconds in `DataTime`): the parser reports
/// what it tolerated and refuses only what it cannot trust (a wrong CRC, no segment).
public struct HJ212Packet: Hashable, Sendable {
    public var qn: String
    public var st: String
    /// The command: 2011 real-time, 2051 minute, 2061 hour, 2031 day data.
    public var cn: String
    public var pw: String
    /// The monitoring device (数采仪) id.
    public var mn: String
    public var flag: Int?
    /// The command parameters (`DataTime`, `a21026-Avg`, `a21026-Flag` …).
    public var parameters: [String: String]

    /// 2005, 2017 or 2025 from `Flag` (edition × 4 + D × 2 + A; 0 = 2005, 4 = 2017, 8 = 2025); nil without a flag.
    public var edition: String? {
        guard let flag else { return nil }
        switch flag >> 2 {
        case 0: return "2005"
        case 1: return "2017"
        case 2: return "2025"
        default: return nil
        }
    }

    /// What parsing gave: the packet, or why it was refused; and what was tolerated.
    public struct Parsed: Sendable {
        public var packet: HJ212Packet?
        public var problem: String?
        public var warnings: [String]
    }

    public static func parse(_ line: String) -> Parsed {
        var text = Substring(line)
        while let last = text.last, last.isNewline || last == " " { text.removeLast() }
        var warnings: [String] = []
        guard text.hasPrefix("##") else { return Parsed(problem: "报文应以 ## 开头", warnings: []) }
        let bytes = Array(text.utf8)
        guard bytes.count >= 2 + 4 + 4 else { return Parsed(problem: "报文太短", warnings: []) }
        let lengthText = String(decoding: bytes[2..<6], as: UTF8.self)
        let crcText = String(decoding: bytes[(bytes.count - 4)...], as: UTF8.self)
        let segment = bytes[6..<(bytes.count - 4)]
        guard let declared = Int(lengthText) else {
            return Parsed(problem: "长度字段“\(lengthText)”不是四位数字", warnings: [])
        }
        if declared != segment.count {
            warnings.append("长度字段 \(lengthText) 与数据段实际长度 \(segment.count) 不符（按实际长度读取）")
        }
        guard let crc = UInt16(crcText, radix: 16) else {
            return Parsed(problem: "CRC 字段“\(crcText)”不是四位十六进制数", warnings: warnings)
        }
        let computed = HJ212CRC.checksum(segment)
        guard crc == computed else {
            return Parsed(
                problem: "CRC 校验不符：报文为 \(crcText)，按数据段计算为 \(HJ212CRC.text(computed))", warnings: warnings)
        }
        let body = String(decoding: segment, as: UTF8.self)
        guard let cpRange = body.range(of: "CP=&&") else {
            return Parsed(problem: "数据段缺少 CP=&&…&&", warnings: warnings)
        }
        var header: [String: String] = [:]
        for pair in body[..<cpRange.lowerBound].split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { header[parts[0]] = parts[1] }
        }
        var cp = body[cpRange.upperBound...]
        if cp.hasSuffix("&&") { cp.removeLast(2) } else { warnings.append("CP 段缺少结尾的 &&") }
        var parameters: [String: String] = [:]
        for group in cp.split(separator: ";") {
            for pair in group.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { parameters[parts[0]] = parts[1] }
            }
        }
        if let time = parameters["DataTime"], time.count == 17 {
            warnings.append("DataTime \(time) 带毫秒（按秒读取）")
        }
        guard let mn = header["MN"], !mn.isEmpty else { return Parsed(problem: "缺少 MN（设备唯一标识）", warnings: warnings) }
        let packet = HJ212Packet(
            qn: header["QN"] ?? "", st: header["ST"] ?? "", cn: header["CN"] ?? "", pw: header["PW"] ?? "", mn: mn,
            flag: header["Flag"].flatMap { Int($0) }, parameters: parameters)
        return Parsed(packet: packet, problem: nil, warnings: warnings)
    }
}

extension HJ212Packet.Parsed {
    init(problem: String, warnings: [String]) {
        self.init(packet: nil, problem: problem, warnings: warnings)
    }
}
