import Foundation
import LantianCore
import Testing

/// Ledger values stored as flat JSON: what is written reads back, equal objects are equal text, and what
/// Foundation writes (as earlier versions stored it) reads the same.
@Suite struct FlatJSONTests {
    static let awkward: [String: String] = [
        "household": "张\"三\"", "note": "a\\b/c\nd\re\tf\u{01}g", "village": "東四義村 😀", "empty": "",
        "county": "zezhou",
    ]

    @Test func whatIsWrittenReadsBack() throws {
        let text = FlatJSON.encode(Self.awkward)
        #expect(FlatJSON.decode(text) == Self.awkward)
        // Valid JSON, the same object for Foundation.
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(parsed == Self.awkward)
        #expect(text.hasPrefix(#"{"county":"zezhou","empty":"","household":"张\"三\"","note":"a\\b/c\nd\re\tf\u0001g""#))
    }

    @Test func equalObjectsAreEqualText() {
        var other: [String: String] = [:]
        for key in Self.awkward.keys.reversed() { other[key] = Self.awkward[key] }
        #expect(FlatJSON.encode(other) == FlatJSON.encode(Self.awkward))
        #expect(FlatJSON.encode([:]) == "{}")
    }

    @Test func foundationsTextReadsTheSame() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(Self.awkward), as: UTF8.self)
        #expect(FlatJSON.decode(text) == Self.awkward)
        #expect(FlatJSON.decode(#" { "a" : "\u00e9\ud83d\ude00" } "#) == ["a": "é😀"])
    }

    @Test func whatIsNotAFlatObjectIsNil() {
        for text in ["", "[]", #"{"a":1}"#, #"{"a":"b""#, #"{"a":"b"} x"#, #"{"a":"\x"}"#, #"{"a":"\ud83d"}"#] {
            #expect(FlatJSON.decode(text) == nil, "\(text)")
        }
    }
}
