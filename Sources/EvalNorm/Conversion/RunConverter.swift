/// A fact of the source run that the target format cannot hold.
public struct Loss: Sendable, Hashable, CustomStringConvertible {
    /// Where the fact is, as a JSON Pointer into the source run's canonical form.
    public var pointer: JSONPointer
    /// Why it is lost.
    public var reason: String

    public init(pointer: JSONPointer, reason: String) {
        self.pointer = pointer
        self.reason = reason
    }

    /// `POINTER: reason`.
    public var description: String { "\(pointer): \(reason)" }
}

/// Runs written in another format, and what that format could not hold.
public struct RunConversion: Sendable, Hashable {
    /// The documents, in order (a Scorecard run and its records pages; one document otherwise).
    public var documents: [DetectedDocument]
    /// What the documents do not hold of the run, in canonical document order.
    public var losses: [Loss]
}

/// What ``RunConverter/roundTrip(_:)`` found.
public struct RoundTripReport: Sendable, Hashable {
    /// Per document, in order, the pointers where it came back different: empty when it came back
    /// equal. An extra list holding the root pointer means the trip produced more documents.
    public var differences: [[JSONPointer]]
    /// Whether the codec kept the documents verbatim (``EvalRun/hasVerbatimCopy``).
    public var keptVerbatim: Bool

    /// Whether every document came back equal.
    public var isLossless: Bool { differences.allSatisfy(\.isEmpty) }
}

/// Converts runs to a vendor's documents or to canonical JSON, reporting every loss.
///
/// A loss is found by reading the written documents back and comparing canonical forms: every member
/// of the run's canonical form that does not come back, or comes back different, is reported with its
/// pointer. So the report is complete by construction, not a list someone has to keep up to date.
public enum RunConverter {
    /// `run` as documents of `target` (`nil`: canonical JSON), with the losses.
    public static func convert(_ run: EvalRun, to target: Vendor?) throws(EvalNormError) -> RunConversion {
        guard let target else {
            return RunConversion(documents: [DetectedDocument(format: .canonicalRun, value: CanonicalCodec().encode(run))], losses: [])
        }
        guard let codec = VendorCodecs.codec(for: target) else {
            throw EvalNormError(.invalidValue, "no codec for vendor '\(target)'; known: \(Vendor.known.map(\.rawValue).joined(separator: ", "))")
        }
        let documents = try codec.encode(run)
        let back = try codec.decode(documents)
        let before = comparable(run, ignoring: target), after = comparable(back, ignoring: target)
        var losses: [Loss] = []
        var pointers: [JSONPointer] = []
        for pointer in JSONDifference.pointers(between: before, and: after, limit: .max) {
            // A whole `extensions` object gone: one loss per vendor in it.
            if pointer.tokens.last == "extensions", pointer.resolve(in: after) == nil, case .object(let vendors)? = pointer.resolve(in: before) {
                pointers.append(contentsOf: vendors.map { pointer.appending($0.key) })
            } else {
                pointers.append(pointer)
            }
        }
        for pointer in pointers {
            guard pointer.resolve(in: before) != nil else { continue }  // something the target added
            let reason: String
            if pointer.tokens.count >= 2, pointer.tokens[pointer.tokens.count - 2] == "extensions" {
                reason = "\(pointer.tokens.last ?? "vendor")-specific fields have no place in \(target)"
            } else if pointer.resolve(in: after) == nil {
                reason = "\(target) has no field for it"
            } else {
                reason = "\(target) cannot hold it as it is"
            }
            losses.append(Loss(pointer: pointer, reason: reason))
        }
        return RunConversion(documents: documents.map { DetectedDocument(format: DocumentFormat(vendor: $0.vendor, kind: $0.kind), value: $0.value) },
                             losses: losses)
    }

    /// Takes `documents` to canonical JSON and back, and says where they came back different.
    /// Documents are not validated first: the round trip holds for invalid ones too.
    ///
    /// A list of runs makes the trip run by run, and is put back together by ``RunListAssembler``.
    public static func roundTrip(_ documents: [DetectedDocument]) throws(EvalNormError) -> RoundTripReport {
        let runs = try RunReader(validatesInput: false).decodeRuns(documents)
        if runs.isEmpty, let list = documents.first {
            throw EvalNormError(.invalidValue, "the \(list.format) holds no runs, and canonical JSON holds nothing but runs: its envelope cannot make the trip")
        }
        let canonical = CanonicalCodec()
        var again: [JSONValue] = []
        var assembler = documents.first?.format.vendor.map(RunListAssembler.init(vendor:))
        for run in runs {
            let reread = try canonical.decode(canonical.encode(run, style: .compact))
            if let vendor = documents.first?.format.vendor, let codec = VendorCodecs.codec(for: vendor) {
                let written = try codec.encode(reread).map { DetectedDocument(format: DocumentFormat(vendor: $0.vendor, kind: $0.kind), value: $0.value) }
                again += (assembler?.add(reread, documents: written) ?? written).map(\.value)
            } else {
                again.append(canonical.encode(reread))
            }
        }
        again += (assembler?.finish() ?? []).map(\.value)
        let differences = documents.indices.map { index in
            guard again.indices.contains(index) else { return [JSONPointer()] }
            return JSONDifference.pointers(between: documents[index].value, and: again[index])
        } + (again.count > documents.count ? [[JSONPointer()]] : [])
        return RoundTripReport(differences: differences, keptVerbatim: runs.contains(where: \.hasVerbatimCopy))
    }

    /// The run's canonical form without what conversion to `target` legitimately changes: `source`,
    /// and the target's own `extensions` at every level.
    private static func comparable(_ run: EvalRun, ignoring target: Vendor) -> JSONValue {
        var copy = run
        copy.source = RunSource(vendor: target, documents: [])
        copy.extensions[target.rawValue] = nil
        for recordIndex in copy.records.indices {
            copy.records[recordIndex].extensions[target.rawValue] = nil
            for scoreIndex in copy.records[recordIndex].scores.indices {
                copy.records[recordIndex].scores[scoreIndex].extensions[target.rawValue] = nil
            }
        }
        var value = CanonicalCodec().encode(copy)
        if case .object(var object) = value {
            object["source"] = nil
            value = .object(object)
        }
        return value
    }
}
