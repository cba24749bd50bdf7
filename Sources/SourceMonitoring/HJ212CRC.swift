/// The CRC of an HJ 212 packet's data segment (HJ 212-2017 appendix; supervision.md §2): register 0xFFFF; for
/// each byte `crc = (crc >> 8) ^ byte`, then eight times: if the low bit is set `crc = (crc >> 1) ^ 0xA001`,
/// else `crc >>= 1`. Written as four upper-case hex digits. (Not Modbus CRC's byte order.)
public enum HJ212CRC {
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt16 where Bytes.Element == UInt8 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc = (crc >> 8) ^ UInt16(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xA001 : crc >> 1
            }
        }
        return crc
    }

    /// `1C80`.
    public static func text(_ crc: UInt16) -> String {
        let digits = String(crc, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
