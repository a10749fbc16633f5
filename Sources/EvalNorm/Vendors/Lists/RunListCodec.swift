/// The runs of a list document, and the elements that could not be decoded.
public struct DecodedRunList: Sendable, Equatable {
    /// The runs decoded, in list order.
    public var runs: [EvalRun]
    /// One error per element that could not be decoded, its pointer locating the problem in the list
    /// document (`/items/3/id: …`).
    public var failures: [EvalNormError]

    public init(runs: [EvalRun] = [], failures: [EvalNormError] = []) {
        self.runs = runs
        self.failures = failures
    }
}

/// Decodes vendor list documents (``RunListFormat``) into runs, and writes runs back into them.
///
/// Each element is decoded by the vendor's codec as a `run` document; the run then carries where it sat
/// (`extensions.<vendor>.list`: the list's kind, its position, the list's length, and the envelope
/// without the runs), so that ``RunListAssembler`` can re-create the list document exactly, envelope
/// members and their order included.
public enum RunListCodec {
    /// Decodes the runs of `value`, a document of `list`'s format.
    ///
    /// An element that cannot be decoded is a failure of its own, and the other elements still decode;
    /// elements whose positions are in `skipping` are left out (a caller that validated them already).
    ///
    /// - Throws: an ``EvalNormError`` when the document is not of the list's shape, or when the
    ///   envelope repeats a key.
    public static func decode(_ value: JSONValue, as list: RunListFormat, skipping: Set<Int> = []) throws(EvalNormError) -> DecodedRunList {
        guard let vendor = list.format.vendor, let codec = VendorCodecs.codec(for: vendor) else {
            throw EvalNormError(.invalidValue, "no codec for \(list.format)")
        }
        guard let elements = list.elements(of: value) else {
            let expected = list.member.map { "an object whose '\($0)' is an array of runs" } ?? "an array of runs"
            let found = list.member.flatMap { value[$0] } ?? value
            throw EvalNormError(.typeMismatch, "a \(list.format) is \(expected); found \(found.typeName)",
                                pointer: list.member.map { value.objectValue != nil ? JSONPointer(tokens: [$0]) : JSONPointer() } ?? JSONPointer())
        }
        let envelope = envelope(of: value, list: list)
        if let envelope { try DuplicateKeyCheck.check(envelope) }

        var decoded = DecodedRunList()
        for (position, element) in elements.enumerated() where !skipping.contains(position) {
            do {
                var run = try codec.decode(element, kind: .run)
                let membership = RunListMembership(kind: list.format.kind, position: position, count: elements.count, envelope: envelope)
                try membership.store(in: &run, vendor: vendor)
                decoded.runs.append(run)
            } catch {
                decoded.failures.append(error.located(under: list.pointer(ofElement: position)))
            }
        }
        return decoded
    }

    /// The list document without its runs: the member that held them is `[]`; `nil` for a bare array.
    static func envelope(of value: JSONValue, list: RunListFormat) -> JSONValue? {
        guard let member = list.member, case .object(var object) = value else { return nil }
        for index in object.members.indices where object.members[index].key.isExactly(member) {
            object.members[index].value = .array([])
        }
        return .object(object)
    }

    /// The list document holding `runs`, given as the run documents they were written as.
    static func document(_ list: RunListFormat, envelope: JSONValue?, runs: [JSONValue]) -> JSONValue {
        guard let member = list.member, case .object(var object)? = envelope else { return .array(runs) }
        for index in object.members.indices where object.members[index].key.isExactly(member) {
            object.members[index].value = .array(runs)
        }
        return .object(object)
    }
}

extension EvalNormError {
    /// The error with `prefix` put before its pointer: an error about an element, located in the
    /// document that holds it.
    func located(under prefix: JSONPointer) -> EvalNormError {
        var error = self
        error.pointer = JSONPointer(tokens: prefix.tokens + pointer.tokens)
        return error
    }
}
