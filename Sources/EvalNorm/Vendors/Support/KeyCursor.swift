/// Finds keys in a codec's documented key list, starting each search where the previous key was found.
///
/// Vendor objects mostly hold their keys in the documented order, and codecs read and write them in
/// that order, so each lookup usually costs one comparison instead of a scan from the start (which
/// made ordering an object of n keys cost about n²/2 comparisons). A key that is not in the list
/// costs one comparison per listed key, as a scan does.
///
/// The list must not repeat a key: the search wraps around, so with a repeated key it could find a
/// later copy first. Documented key lists never do (debug builds check).
struct KeyCursor {
    let keys: [String]
    private var next = 0

    init(_ keys: [String]) {
        assert(JSONObject(keys.map { JSONObject.Member(key: $0, value: .null) }).firstDuplicateKeyIndex == nil,
               "a documented key list repeats a key")
        self.keys = keys
    }

    /// The position of `key` in the list (byte-exact), or `nil`.
    mutating func position(of key: String) -> Int? {
        let count = keys.count
        var position = next
        for _ in 0..<count {
            if position >= count { position = 0 }
            if keys[position].isExactly(key) {
                next = position + 1
                return position
            }
            position += 1
        }
        return nil
    }
}

/// The first position of each key in a key list, for ordering members by a kept key order (which comes
/// from a document and may be long, or repeat a key). Short lists are scanned by fingerprint (one
/// integer comparison per listed key, bytes compared only on a match); long ones are indexed in a
/// dictionary, so that ordering n members by n keys never takes n² string comparisons.
struct FirstKeyPositions {
    private let keys: [String]
    private let fingerprints: [UInt64]
    private let positions: [ExactString: Int]?

    init(_ keys: [String]) {
        self.keys = keys
        if keys.count > 64 {
            var positions: [ExactString: Int] = [:]
            positions.reserveCapacity(keys.count)
            for (position, key) in keys.enumerated() where positions[ExactString(value: key)] == nil {
                positions[ExactString(value: key)] = position
            }
            self.positions = positions
            fingerprints = []
        } else {
            positions = nil
            fingerprints = keys.map(\.exactFingerprint)
        }
    }

    /// The position of the first occurrence of `key` (byte-exact), or `nil`.
    subscript(key: String) -> Int? {
        if let positions { return positions[ExactString(value: key)] }
        let fingerprint = key.exactFingerprint
        return fingerprints.indices.first { fingerprints[$0] == fingerprint && keys[$0].isExactly(key) }
    }
}
