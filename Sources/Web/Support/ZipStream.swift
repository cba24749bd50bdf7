import Foundation
import ZIPFoundation

/// A ZIP archive written front to back, so that it can be sent while it is made: each entry is stored as it is
/// (evidence is PDF and photographs, already compressed), its CRC-32 and sizes follow its data in a data
/// descriptor (APPNOTE 6.3.x §4.3.9, general-purpose bit 3), names are UTF-8 (bit 11), and the central directory
/// closes the archive. Without ZIP64 an archive stays under 4 GiB (``limit``); the caller checks the sizes it
/// knows before it starts.
struct ZipStream {
    /// The largest archive written: 4 GiB less the room the headers take.
    static let limit: UInt64 = 0xFFFF_0000

    private var offset: UInt64 = 0
    private var directory: [UInt8] = []
    private var entries = 0
    private var current: (name: [UInt8], start: UInt64, crc: CRC32, size: UInt64)?
    private let time: UInt16
    private let date: UInt16

    /// `modified` is written as every entry's time (MS-DOS form, in `zone`).
    init(modified: Date, zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: modified)
        time = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
        date = UInt16(max(0, (c.year ?? 1980) - 1980) << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
    }

    /// The local header of a new entry named `path`.
    mutating func begin(_ path: String) -> [UInt8] {
        precondition(current == nil, "an entry is open")
        let name = Array(path.utf8)
        var header: [UInt8] = []
        header.le32(0x0403_4b50)
        header.le16(20)
        header.le16(0x0808)
        header.le16(0)
        header.le16(time)
        header.le16(date)
        header.le32(0)
        header.le32(0)
        header.le32(0)
        header.le16(UInt16(name.count))
        header.le16(0)
        header += name
        current = (name, offset, 0, 0)
        offset += UInt64(header.count)
        return header
    }

    /// Counts `bytes` of the open entry's data (the caller sends them as they are).
    mutating func data(_ bytes: Data) {
        guard var entry = current else { preconditionFailure("no entry is open") }
        entry.crc = bytes.crc32(checksum: entry.crc)
        entry.size += UInt64(bytes.count)
        current = entry
        offset += UInt64(bytes.count)
    }

    /// The open entry's data descriptor; the entry goes into the central directory.
    mutating func end() -> [UInt8] {
        guard let entry = current else { preconditionFailure("no entry is open") }
        var descriptor: [UInt8] = []
        descriptor.le32(0x0807_4b50)
        descriptor.le32(entry.crc)
        descriptor.le32(UInt32(truncatingIfNeeded: entry.size))
        descriptor.le32(UInt32(truncatingIfNeeded: entry.size))
        var record: [UInt8] = []
        record.le32(0x0201_4b50)
        record.le16(0x031E)
        record.le16(20)
        record.le16(0x0808)
        record.le16(0)
        record.le16(time)
        record.le16(date)
        record.le32(entry.crc)
        record.le32(UInt32(truncatingIfNeeded: entry.size))
        record.le32(UInt32(truncatingIfNeeded: entry.size))
        record.le16(UInt16(entry.name.count))
        record.le16(0)
        record.le16(0)
        record.le16(0)
        record.le16(0)
        record.le32(0o100644 << 16)
        record.le32(UInt32(truncatingIfNeeded: entry.start))
        record += entry.name
        directory += record
        entries += 1
        current = nil
        offset += UInt64(descriptor.count)
        return descriptor
    }

    /// The central directory and its end record.
    mutating func finish() -> [UInt8] {
        precondition(current == nil, "an entry is open")
        var tail = directory
        tail.le32(0x0605_4b50)
        tail.le16(0)
        tail.le16(0)
        tail.le16(UInt16(entries))
        tail.le16(UInt16(entries))
        tail.le32(UInt32(directory.count))
        tail.le32(UInt32(truncatingIfNeeded: offset))
        tail.le16(0)
        offset += UInt64(tail.count)
        return tail
    }
}

extension [UInt8] {
    fileprivate mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
