/// Where a run sat in the list document it was decoded from, kept so that the list can be re-created.
///
/// Stored in the run's `extensions.<vendor>.list`:
///
/// ```json
/// {"kind": "runs-page", "position": 1, "count": 3, "envelope": {"items": [], "meta": {"current_page": 2, …}}}
/// ```
///
/// - `kind`: the list document's kind (`runs-page`, `runs-list`).
/// - `position`, `count`: the run's position in the list and the list's length.
/// - `envelope`: the list document with its runs taken out (the member that held them is `[]`, in its
///   place among the others); absent for a bare array.
struct RunListMembership: Sendable, Equatable {
    static let key = "list"

    var kind: DocumentKind
    var position: Int
    var count: Int
    var envelope: JSONValue?

    init(kind: DocumentKind, position: Int, count: Int, envelope: JSONValue?) {
        self.kind = kind
        self.position = position
        self.count = count
        self.envelope = envelope
    }

    /// The membership `run` carries in a list of `list`'s format, if any; `nil` when absent, of another
    /// kind, or not well formed — an envelope that does not hold the runs member exactly once, or an
    /// envelope for a bare array (the run is then written as a document of its own).
    init?(of run: EvalRun, list: RunListFormat) {
        guard let vendor = list.format.vendor,
              case .object(let stored)? = run.extensions[vendor.rawValue]?[RunListMembership.key],
              let kind = stored["kind"]?.stringValue, kind == list.format.kind.rawValue,
              let position = stored["position"]?.numberValue?.int64Value,
              let count = stored["count"]?.numberValue?.int64Value,
              position >= 0, position < count, count <= Int64(Int32.max)
        else { return nil }
        let envelope = stored["envelope"]
        if let member = list.member {
            guard case .object(let object)? = envelope, object.members.filter({ $0.key.isExactly(member) }).count == 1 else { return nil }
        } else if envelope != nil {
            return nil
        }
        self.init(kind: list.format.kind, position: Int(position), count: Int(count), envelope: envelope)
    }

    /// Records the membership in `run`'s `extensions.<vendor>`.
    func store(in run: inout EvalRun, vendor: Vendor) throws(EvalNormError) {
        var bag = try VendorBag(in: run.extensions, vendor: vendor, at: JSONPointer(tokens: ["extensions"]))
        var stored = JSONObject()
        stored.append(key: "kind", value: .string(kind.rawValue))
        stored.append(key: "position", value: .number(JSONNumber(position)))
        stored.append(key: "count", value: .number(JSONNumber(count)))
        if let envelope { stored.append(key: "envelope", value: envelope) }
        bag.extra[RunListMembership.key] = .object(stored)
        bag.store(in: &run.extensions, vendor: vendor)
    }

    /// Whether `next` is the run after this one in the same list.
    func isFollowed(by next: RunListMembership) -> Bool {
        next.kind == kind && next.count == count && next.position > position && next.envelope == envelope
    }
}

extension RunListFormat {
    /// The position `run` had in a list of this format, if it was decoded from one.
    public func position(of run: EvalRun) -> Int? {
        RunListMembership(of: run, list: self)?.position
    }
}
