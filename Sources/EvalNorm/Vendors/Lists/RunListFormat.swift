/// How a vendor's list document holds its runs: in a member of an envelope object, or as a bare array.
///
/// | vendor | kind | shape |
/// |---|---|---|
/// | Scorecard | `runs-page` | `{data: [run…], nextCursor, hasMore, total?}` (`GET /projects/{projectId}/runs`) |
/// | DataFramer | `runs-list` | `[run…]` (`GET /api/dataframer/runs/`) |
/// | Aegis | `runs-page` | `{items: [run…], meta: {current_page, page_size, total_items, …}}` |
/// | Lunary | `runs-page` | `{page, limit, data: [run…]}`, older servers add `total` |
///
/// Each element is one run document of the vendor, decoded by its ``VendorCodec`` on its own.
public struct RunListFormat: Sendable, Hashable {
    /// The list document's format: `aegis runs-page`, `dataframer runs-list`, ….
    public let format: DocumentFormat
    /// The envelope member that holds the runs, or `nil` when the document is a bare array.
    public let member: String?

    /// Scorecard's cursor page of runs.
    public static let scorecardRunsPage = RunListFormat(format: DocumentFormat(vendor: .scorecard, kind: .runsPage), member: "data")
    /// DataFramer's bare array of runs.
    public static let dataframerRunsList = RunListFormat(format: DocumentFormat(vendor: .dataframer, kind: .runsList), member: nil)
    /// Aegis `{items, meta}`.
    public static let aegisRunsPage = RunListFormat(format: DocumentFormat(vendor: .aegis, kind: .runsPage), member: "items")
    /// Lunary `{page, limit, data}`.
    public static let lunaryRunsPage = RunListFormat(format: DocumentFormat(vendor: .lunary, kind: .runsPage), member: "data")

    /// Every list format EvalNorm reads.
    public static let all: [RunListFormat] = [scorecardRunsPage, dataframerRunsList, aegisRunsPage, lunaryRunsPage]

    /// The list format of documents of `format`, or `nil` when they are not lists of runs.
    public static func of(_ format: DocumentFormat) -> RunListFormat? {
        all.first { $0.format == format }
    }

    /// The list format of `vendor`, if it has one.
    public static func of(vendor: Vendor) -> RunListFormat? {
        all.first { $0.format.vendor == vendor }
    }

    /// The runs of `value`, or `nil` when it does not have this format's shape.
    public func elements(of value: JSONValue) -> [JSONValue]? {
        guard let member else { return value.arrayValue }
        return value.objectValue?[member]?.arrayValue
    }

    /// The pointer of the run at `index`: `/items/3`, or `/3` for a bare array.
    public func pointer(ofElement index: Int) -> JSONPointer {
        (member.map { JSONPointer(tokens: [$0]) } ?? JSONPointer()).appending(index: index)
    }

    /// The position of the run that `pointer` points into, or `nil` when it points into the envelope.
    public func elementIndex(of pointer: JSONPointer) -> Int? {
        let tokens = pointer.tokens
        let offset = member == nil ? 0 : 1
        guard tokens.count > offset, member.map({ tokens[0] == $0 }) ?? true else { return nil }
        return JSONPointer.arrayIndex(tokens[offset])
    }
}

extension DocumentFormat {
    /// Whether documents of this format are lists of runs (``RunListFormat``).
    public var isRunList: Bool { RunListFormat.of(self) != nil }
}
