/// Writes one vendor object from canonical values and the ``VendorBag`` its reader kept, so that an
/// object read by ``MemberReader`` comes back exactly.
///
/// For each field the writer prefers the kept original while the canonical value is absent or still
/// decodes from it, and otherwise writes the canonical value in the vendor's documented form; so an
/// edited canonical value wins over a stale original. Kept fields the codec does not write (unknown
/// keys, fields with no canonical home) are added at the end; then the members are put in the kept
/// key order, or the documented one.
struct MemberWriter {
    let bag: VendorBag
    let documentedKeys: [String]
    fileprivate var members: [JSONObject.Member] = []
    private var handled: [String] = []

    init(bag: VendorBag, documentedKeys: [String]) {
        self.bag = bag
        self.documentedKeys = documentedKeys
        members.reserveCapacity(documentedKeys.count + bag.fields.count)
        handled.reserveCapacity(documentedKeys.count)
    }

    /// Writes `key` from a canonical `value` through `coding` (see the type's discussion).
    mutating func write<Value>(_ key: String, _ value: Value?, _ coding: FieldCoding<Value>) {
        handled.append(key)
        if let original = bag.fields[key], value == nil || coding.decode(original) == value {
            members.append(JSONObject.Member(key: key, value: original))
        } else if let value {
            members.append(JSONObject.Member(key: key, value: coding.encode(value)))
        }
    }

    /// Writes `key` with a value the codec built itself; when `value` is `nil`, the kept original, if any.
    mutating func write(_ key: String, raw value: JSONValue?) {
        handled.append(key)
        if let value {
            members.append(JSONObject.Member(key: key, value: value))
        } else if let original = bag.fields[key] {
            members.append(JSONObject.Member(key: key, value: original))
        }
    }

    /// Marks `key` as written by the codec elsewhere, so that a kept original is not added.
    mutating func skip(_ key: String) {
        handled.append(key)
    }

    /// The object: written members, then kept members not written, in the kept or documented order.
    /// (It takes the written members, so that adding the kept ones does not copy them.)
    mutating func finish() -> JSONObject {
        var all = members
        members = []
        for member in bag.fields where !handled.contains(where: { $0.isExactly(member.key) }) {
            all.append(member)
        }
        if let keyOrder = bag.keyOrder {
            return JSONObject(MemberWriter.sorted(all, by: keyOrder))
        }
        var cursor = KeyCursor(documentedKeys)
        let ranks = all.indices.map { position in cursor.position(of: all[position].key) ?? documentedKeys.count + position }
        if MemberReader.isAscending(ranks) { return JSONObject(all) }
        let object = JSONObject(all)
        if object.firstDuplicateKeyIndex == nil {
            // Every key has its own rank, so sorting by rank is sorting by the documented order.
            return JSONObject(zip(ranks, all).sorted { $0.0 < $1.0 }.map(\.1))
        }
        let order = MemberReader.documentedOrder(of: object.keys, documentedKeys: documentedKeys)
        return JSONObject(MemberWriter.sorted(all, by: order))
    }

    /// `members` by the first position of their key in `order`; members whose key `order` does not
    /// list come after the others, in their own order.
    static func sorted(_ members: [JSONObject.Member], by order: [String]) -> [JSONObject.Member] {
        let positions = FirstKeyPositions(order)
        let ranked = members.enumerated().map { position, member in
            (rank: positions[member.key] ?? (order.count + position), member: member)
        }
        return ranked.sorted { $0.rank < $1.rank }.map(\.member)
    }
}

extension MemberWriter {
    /// Writes `key` with a value derived from elsewhere in the run (an evaluation's `run_id` from the
    /// run's id): the kept original when there is one, since it was kept because it differed.
    mutating func write(_ key: String, derived value: JSONValue?) {
        skip(key)
        if let original = bag.fields[key] {
            members.append(JSONObject.Member(key: key, value: original))
        } else if let value {
            members.append(JSONObject.Member(key: key, value: value))
        }
    }
}
