/// Puts runs that were decoded from one list document back into it, as the runs are written one
/// after another.
///
/// A run decoded from a vendor's list (``RunListCodec``) remembers its list. Converted back to that
/// vendor, consecutive runs of the same list are gathered and written as the list document again:
/// the same envelope, the runs in their order. A list of which only some runs are given is written
/// with those runs; a run from anywhere else is written as its own documents, in its place.
///
/// ```swift
/// var assembler = RunListAssembler(vendor: .aegis)
/// for run in runs {
///     write(assembler.add(run, documents: try RunConverter.convert(run, to: .aegis).documents))
/// }
/// write(assembler.finish())
/// ```
public struct RunListAssembler: Sendable {
    /// The vendor whose documents are written.
    public let vendor: Vendor
    private let list: RunListFormat?
    private var pending: (membership: RunListMembership, runs: [JSONValue])?

    public init(vendor: Vendor) {
        self.vendor = vendor
        self.list = RunListFormat.of(vendor: vendor)
    }

    /// The documents ready to be written once `run`, written as `documents` in the vendor's format,
    /// is added: none while its list is still being gathered; a finished list, then the run's own
    /// documents, when the run belongs to no list.
    public mutating func add(_ run: EvalRun, documents: [DetectedDocument]) -> [DetectedDocument] {
        guard let list, let membership = RunListMembership(of: run, list: list),
              documents.count == 1, let element = documents.first, element.format == DocumentFormat(vendor: vendor, kind: .run)
        else {
            return finish() + documents
        }
        var ready: [DetectedDocument] = []
        if let pending, pending.membership.isFollowed(by: membership) {
            self.pending?.membership = membership
            self.pending?.runs.append(element.value)
        } else {
            ready = finish()
            pending = (membership, [element.value])
        }
        if membership.position == membership.count - 1 { ready += finish() }
        return ready
    }

    /// The list being gathered, written with the runs it has; nothing when there is none.
    public mutating func finish() -> [DetectedDocument] {
        guard let list, let pending else { return [] }
        self.pending = nil
        return [DetectedDocument(format: list.format, value: RunListCodec.document(list, envelope: pending.membership.envelope, runs: pending.runs))]
    }
}
