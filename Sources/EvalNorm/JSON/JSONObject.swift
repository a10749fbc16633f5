/// The members of a JSON object, in the order they were written, duplicate keys included.
///
/// RFC 8259 lets an object repeat a key; EvalNorm keeps every member so that nothing is lost, and
/// lookups by key return the first. Vendor codecs reject duplicates with ``firstDuplicateKeyIndex``.
/// Lookups by key are linear, which is the fastest choice for the small objects JSON mostly holds.
/// Keys match when their UTF-8 bytes do (`"é"` and `"e\u{301}"` are different keys).
public struct JSONObject: Sendable, Hashable, RandomAccessCollection, MutableCollection {
    /// One `"key": value` pair.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }

        public static func == (lhs: Member, rhs: Member) -> Bool {
            lhs.key.isExactly(rhs.key) && lhs.value == rhs.value
        }

        public func hash(into hasher: inout Hasher) {
            key.hashExactly(into: &hasher)
            hasher.combine(value)
        }
    }

    /// The members in order.
    public var members: [Member]

    /// Creates an object with the given members, kept in order.
    public init(_ members: [Member] = []) {
        self.members = members
    }

    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }
    public subscript(position: Int) -> Member {
        get { members[position] }
        set { members[position] = newValue }
    }

    /// The keys in order, duplicates included.
    public var keys: [String] { members.map(\.key) }

    /// The position of the first member named `key`.
    public func index(forKey key: String) -> Int? {
        members.firstIndex { $0.key.isExactly(key) }
    }

    /// Whether a member named `key` exists (its value may be `null`).
    public func contains(key: String) -> Bool {
        index(forKey: key) != nil
    }

    /// The value of the first member named `key`.
    ///
    /// Setting a value replaces the first member named `key` in place, or appends a member when there
    /// is none; setting `nil` removes every member named `key`. To store JSON `null`, set `.null`.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let index = index(forKey: key) else { return nil }
            return members[index].value
        }
        set {
            if let newValue {
                if let index = index(forKey: key) {
                    members[index].value = newValue
                } else {
                    members.append(Member(key: key, value: newValue))
                }
            } else {
                members.removeAll { $0.key.isExactly(key) }
            }
        }
    }

    /// Appends a member, even when one with the same key exists.
    public mutating func append(key: String, value: JSONValue) {
        members.append(Member(key: key, value: value))
    }

    /// The position of the first member whose key already appeared earlier in the object, if any.
    public var firstDuplicateKeyIndex: Int? {
        let count = members.count
        if count < 2 { return nil }
        if count <= 32 {
            // Compare each key with the earlier ones: by fingerprint first (a word, equal for equal
            // keys), byte by byte only when fingerprints match. No hashing, no allocation.
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { fingerprints -> Int? in
                for later in 0..<count {
                    let key = members[later].key
                    let fingerprint = key.exactFingerprint
                    for earlier in 0..<later where fingerprints[earlier] == fingerprint && members[earlier].key.isExactly(key) {
                        return later
                    }
                    fingerprints.initializeElement(at: later, to: fingerprint)
                }
                return nil
            }
        }
        var seen = Set<ExactString>(minimumCapacity: count)
        for (index, member) in members.enumerated() where !seen.insert(ExactString(value: member.key)).inserted {
            return index
        }
        return nil
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Members keep the order they are written in.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Member(key: $0.0, value: $0.1) })
    }
}
