/// What a vendor object's canonical form cannot hold, kept so that the object can be re-created exactly.
///
/// Stored under `extensions.<vendor>` of the run, record or score the object became:
///
/// ```json
/// {"fields": {"user": "a@b.example", "org_id": null}, "keyOrder": ["id", "org_id", "user"]}
/// ```
///
/// - `fields`: the vendor object's members that have no canonical home (unknown keys, fields such as
///   Aegis `run_type`), that were `null` (canonical keys are never `null`), or whose canonical form
///   does not re-create them exactly; in the object's own order.
/// - `keyOrder`: the object's keys in order, present only when it differs from the documented order
///   (documented keys first, in the vendor's order, then the others as they came).
/// - Further members are codec-specific (Aegis `evaluationOrder`, Scorecard `pages`) and documented
///   where they are written.
struct VendorBag: Sendable {
    var fields = JSONObject()
    var keyOrder: [String]?
    /// Codec-specific members, written after `fields` and `keyOrder`.
    var extra = JSONObject()

    init() {}

    /// Reads a bag back from `extensions[vendor]` (absent: an empty bag). The pointer, for errors, is
    /// built only when there is one: codecs read a bag per record and score.
    init(_ value: JSONValue?, at pointer: @autoclosure () -> JSONPointer) throws(EvalNormError) {
        guard let value else { return }
        guard case .object(let object) = value else { throw ObjectReader.mismatch("object", value, at: pointer()) }
        for member in object {
            switch member.key {
            case "fields":
                guard case .object(let fields) = member.value else {
                    throw ObjectReader.mismatch("object", member.value, at: pointer().appending("fields"))
                }
                self.fields = fields
            case "keyOrder":
                guard let keys = FieldCoding<[String]>.strings.decode(member.value) else {
                    throw ObjectReader.mismatch("array of strings", member.value, at: pointer().appending("keyOrder"))
                }
                keyOrder = keys
            default:
                extra.append(key: member.key, value: member.value)
            }
        }
    }

    /// Reads the bag of `vendor` from an `extensions` object.
    init(in extensions: JSONObject, vendor: Vendor, at pointer: @autoclosure () -> JSONPointer) throws(EvalNormError) {
        try self.init(extensions[vendor.rawValue], at: pointer().appending(vendor.rawValue))
    }

    var isEmpty: Bool { fields.isEmpty && keyOrder == nil && extra.isEmpty }

    /// The bag as stored: `nil` when there is nothing to keep.
    var value: JSONValue? {
        if isEmpty { return nil }
        var object = JSONObject()
        if !fields.isEmpty { object.append(key: "fields", value: .object(fields)) }
        if let keyOrder { object.append(key: "keyOrder", value: .array(keyOrder.map(JSONValue.string))) }
        object.members.append(contentsOf: extra.members)
        return .object(object)
    }

    /// Stores the bag in `extensions` under `vendor`, or removes it when empty.
    func store(in extensions: inout JSONObject, vendor: Vendor) {
        extensions[vendor.rawValue] = value
    }
}
