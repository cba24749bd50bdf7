import LantianCore
import SourceMonitoring
import Testing

/// HJ 212 packets: the standard's example (length 0101, CRC 1C80; supervision.md §2), tolerated deviations, and
/// refusals.
@Suite struct HJ212Tests {
    static let segment =
        "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&"

    @Test func theStandardsExampleHasLength0101AndCRC1C80() {
        #expect(Self.segment.utf8.count == 101)
        #expect(HJ212CRC.text(HJ212CRC.checksum(Self.segment.utf8)) == "1C80")
        let parsed = HJ212Packet.parse("##0101" + Self.segment + "1C80\r\n")
        #expect(parsed.problem == nil && parsed.warnings.isEmpty)
        #expect(parsed.packet?.mn == "010000A8900016F000169DC0")
        #expect(parsed.packet?.cn == "1062" && parsed.packet?.parameters["RtdInterval"] == "30")
        // Flag 5 = 2017 edition (4) with a reply wanted (1).
        #expect(parsed.packet?.edition == "2017")
    }

    @Test func aWrongCRCIsRefusedAWrongLengthOnlyReported() {
        let wrongCRC = HJ212Packet.parse("##0101" + Self.segment + "1C81")
        #expect(wrongCRC.packet == nil && wrongCRC.problem == "CRC 校验不符：报文为 1C81，按数据段计算为 1C80")
        let wrongLength = HJ212Packet.parse("##0099" + Self.segment + "1C80")
        #expect(wrongLength.packet != nil)
        #expect(wrongLength.warnings == ["长度字段 0099 与数据段实际长度 101 不符（按实际长度读取）"])
        #expect(HJ212Packet.parse("0101" + Self.segment + "1C80").problem == "报文应以 ## 开头")
    }

    static func packet(_ segment: String) -> String {
        let length = String(segment.utf8.count)
        return "##" + String(repeating: "0", count: 4 - length.count) + length + segment
            + HJ212CRC.text(HJ212CRC.checksum(segment.utf8)) + "\r\n"
    }

    @Test func hourlyDataWithMillisecondsAndLegacyCodesIsRead() {
        let segment =
            "QN=20220124090000123;ST=31;CN=2061;PW=123456;MN=JC0001;Flag=9;CP=&&DataTime=20220124080000000;"
            + "a21026-Avg=35.2,a21026-ZsAvg=44.0,a21026-Flag=N;a19001-Avg=10.5,a19001-Flag=N&&"
        let read = MonitoringFile.read(Self.packet(segment))
        #expect(read.problems.isEmpty)
        #expect(read.warnings.map(\.reason) == ["DataTime 20220124080000000 带毫秒（按秒读取）"])
        let record = read.records.first
        #expect(record?.kind == .hour && record?.time.text == "2022-01-24T08:00")
        #expect(record?.readings["a21026"]?.corrected == 44.0)
        #expect(record?.readings["a19001"]?.value == 10.5)
        // The 2005 edition's 03 is NOx.
        let legacy = MonitoringFile.read(
            Self.packet("ST=31;CN=2061;MN=JC0002;Flag=1;CP=&&DataTime=20220124080000;03-Avg=88,03-Flag=N&&"))
        #expect(legacy.records.first?.readings["a21002"]?.value == 88)
    }

    @Test func aFileOfCRLFPacketsIsReadLineByLine() {
        let lines = (0..<3).map { hour in
            Self.packet(
                "ST=31;CN=2061;MN=JC0003;Flag=4;CP=&&DataTime=202201240\(hour)0000;a21026-Avg=1\(hour),a21026-Flag=N&&")
        }
        let read = MonitoringFile.read(lines.joined())
        #expect(read.problems.isEmpty && read.warnings.isEmpty)
        #expect(read.records.map(\.line) == [1, 2, 3])
        #expect(read.records.map { $0.readings["a21026"]?.value } == [10, 11, 12])
    }

    @Test func theOxygenCorrectionOfTheReference() {
        // 30 mg/m³ at 9 % O2 → 37.5 mg/m³ at 6 % (supervision.md §2).
        #expect(AnomalyScan.corrected(30, o2: 9, reference: 6) == 37.5)
        #expect(AnomalyScan.corrected(30, o2: 21, reference: 6) == nil)
    }
}
