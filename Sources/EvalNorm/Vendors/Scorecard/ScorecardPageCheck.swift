/// Checks the documents of one Scorecard run (a run and its records pages) against each other.
///
/// ``ScorecardCodec`` merges a run and its pages without asking whether they belong together. Pages
/// from another run, a page given twice, a page that says it is the last while others follow, or page
/// totals that disagree would all merge into a run that never existed; this check finds them first.
///
/// ```swift
/// let reader = RunReader()
/// for group in reader.groupIntoRuns(documents) {
///     let run = group.map { documents[$0] }
///     for contradiction in ScorecardPageCheck.contradictions(in: run) {
///         let file = files[group[contradiction.second]], other = files[group[contradiction.first]]
///         print("\(file): \(contradiction.pointer): \(contradiction.message) (contradicts \(other))")
///     }
/// }
/// ```
///
/// What it checks, in the order given (a run first if there is one, then the pages in page order):
///
/// - **Run ids** (``ScorecardPageContradiction/Kind/runID``): every record's `runId` is the run
///   document's `id` or, without a run document, the first `runId` of the pages.
/// - **Record ids** (``ScorecardPageContradiction/Kind/duplicateRecord``): no record `id` appears
///   twice, in one page or in two.
/// - **Paging** (``ScorecardPageContradiction/Kind/hasMore``, ``ScorecardPageContradiction/Kind/nextCursor``):
///   every page but the last has `hasMore: true` and a `nextCursor`; a last page with `hasMore:
///   false` has a `null` `nextCursor`. A last page with `hasMore: true` is no contradiction: the dump
///   may simply stop there.
/// - **Totals** (``ScorecardPageContradiction/Kind/total``): the pages that state a `total` state the
///   same one; the pages never hold more records than it, and exactly as many when the last page has
///   `hasMore: false`.
///
/// The run document's `numRecords` is not compared with anything: records may still be executing
/// when the run is fetched. Values of types the vendor schema does not allow (a `runId` that is a
/// number, a `hasMore` that is a string, a `data` that is not an array) are left to schema validation
/// and skipped here; so are documents of other vendors or kinds.
public enum ScorecardPageCheck {
    /// The contradictions between the Scorecard `documents` of one run, given as ``RunReader/groupIntoRuns(_:)``
    /// groups them: the run document first if there is one, then the records pages in page order.
    ///
    /// Contradictions come in the order of the documents their pointers point into, and within one
    /// document in the order of their pointers (for each record its `id`, then its `runId`; then
    /// `/hasMore`, `/nextCursor`, `/total`); a count of records that disagrees with the stated total
    /// comes last. Empty when the documents agree.
    public static func contradictions(in documents: [DetectedDocument]) -> [ScorecardPageContradiction] {
        var check = Check(documents: documents)
        check.run()
        return check.found
    }
}

/// Two documents of one Scorecard run that disagree, or one document that disagrees with itself.
///
/// ``pointer`` points into the document at ``second``; ``first`` is the document it contradicts. Both
/// are positions in the list given to ``ScorecardPageCheck/contradictions(in:)``; they are equal when
/// one document contradicts itself. ``first`` usually comes before ``second``; it comes after for a
/// page that says it is the last (`hasMore: false`) while more pages follow, where ``first`` is the
/// next page.
///
/// ``message`` is written to follow a file name and the pointer, and to be followed by the other
/// file's name: `page-2.json: /data/0: record 'r-1' appears twice (first at /data/0 of the other
/// file) (contradicts page-1.json)`. It quotes input verbatim; ``description`` escapes control
/// characters, as ``EvalNormError/description`` does.
public struct ScorecardPageContradiction: Sendable, Equatable, CustomStringConvertible {
    /// What kind of contradiction this is. Open: new kinds may be added without breaking callers.
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A record's `runId` is not the run's id (`/data/i/runId`).
        public static let runID = Kind(rawValue: "runId")
        /// A record `id` that appeared before (`/data/i`, the second occurrence).
        public static let duplicateRecord = Kind(rawValue: "duplicateRecord")
        /// A page with `hasMore: false` that is not the last (`/hasMore`).
        public static let hasMore = Kind(rawValue: "hasMore")
        /// A page that is not the last with a `null` `nextCursor`, or a last page with `hasMore:
        /// false` and a cursor (`/nextCursor`).
        public static let nextCursor = Kind(rawValue: "nextCursor")
        /// Page totals that disagree, or a total that the number of records contradicts (`/total`).
        public static let total = Kind(rawValue: "total")
    }

    /// What kind of contradiction this is.
    public var kind: Kind
    /// The position of the document that ``second`` contradicts.
    public var first: Int
    /// The position of the document that ``pointer`` points into.
    public var second: Int
    /// Where in the document at ``second`` the contradiction is.
    public var pointer: JSONPointer
    /// A human-readable explanation, sentence case, without a trailing period.
    public var message: String

    public init(kind: Kind, first: Int, second: Int, pointer: JSONPointer, message: String) {
        self.kind = kind
        self.first = first
        self.second = second
        self.pointer = pointer
        self.message = message
    }

    /// `document S: POINTER: message (contradicts document F)`, with one-based document numbers; the
    /// pointer part is left out for the root, and the last part when the document contradicts itself.
    /// Control characters are written as `\u001B`.
    public var description: String {
        let at = pointer.isRoot ? "" : "\(pointer): "
        let other = first == second ? "" : " (contradicts document \(first + 1))"
        return EvalNormError.escapingControlCharacters("document \(second + 1): \(at)\(message)\(other)")
    }
}

extension ScorecardPageCheck {
    /// One pass over the documents, collecting contradictions.
    fileprivate struct Check {
        /// Where a value was seen: the document's position and the pointer in it.
        struct Place {
            var position: Int
            var pointer: JSONPointer
        }

        /// The run id records must carry, and where it comes from.
        struct RunIDSource {
            var id: String
            var place: Place
            var isRunDocument: Bool
        }

        let documents: [DetectedDocument]
        /// The positions of the records pages, in the order given.
        let pages: [Int]
        var found: [ScorecardPageContradiction] = []

        var runID: RunIDSource?
        /// Each record id's first place and how many times it has appeared.
        var records: [ExactString: (first: Place, count: Int)] = [:]
        /// The first and the last page stating a total, with the total.
        var firstTotal: (position: Int, total: JSONNumber)?
        var lastTotal: (position: Int, total: JSONNumber)?
        /// How many records each page holds, `nil` for a page whose `data` is not an array.
        var recordCounts: [Int?] = []

        init(documents: [DetectedDocument]) {
            self.documents = documents
            self.pages = documents.indices.filter { position in
                documents[position].format.vendor == .scorecard && documents[position].format.kind == .recordsPage
            }
        }

        mutating func run() {
            // The run document's id, wherever the run document stands.
            for (position, document) in documents.enumerated()
            where document.format.vendor == .scorecard && document.format.kind == .run {
                if let id = document.value["id"].flatMap(Check.idText) {
                    runID = RunIDSource(id: id, place: Place(position: position, pointer: ["id"]), isRunDocument: true)
                    break
                }
            }
            for (pageNumber, position) in pages.enumerated() {
                checkRecords(of: position)
                checkPaging(of: position, pageNumber: pageNumber)
                checkTotal(of: position)
            }
            checkRecordCount()
        }

        /// A run id as ``ScorecardCodec`` reads it: a string, or a number by its lexeme.
        static func idText(_ value: JSONValue) -> String? {
            switch value {
            case .string(let text): text
            case .number(let number): number.lexeme
            default: nil
            }
        }

        mutating func checkRecords(of position: Int) {
            guard let data = documents[position].value["data"]?.arrayValue else {
                recordCounts.append(nil)
                return
            }
            recordCounts.append(data.count)
            for (index, record) in data.enumerated() {
                let recordPointer = JSONPointer(tokens: ["data"]).appending(index: index)
                let recordID = record["id"]?.stringValue
                if let recordID {
                    let key = ExactString(value: recordID)
                    if let seen = records[key] {
                        let count = seen.count + 1
                        records[key] = (seen.first, count)
                        let times = count == 2 ? "twice" : "\(count) times"
                        report(.duplicateRecord, against: seen.first.position, in: position, at: recordPointer,
                               "record \(Check.quoted(recordID)) appears \(times) (first at \(describe(seen.first, from: position)))")
                    } else {
                        records[key] = (Place(position: position, pointer: recordPointer), 1)
                    }
                }
                guard let recordRunID = record["runId"]?.stringValue else { continue }
                let runIDPointer = recordPointer.appending("runId")
                guard let expected = runID else {
                    runID = RunIDSource(id: recordRunID, place: Place(position: position, pointer: runIDPointer), isRunDocument: false)
                    continue
                }
                guard !recordRunID.isExactly(expected.id) else { continue }
                let subject = recordID.map { "record \(Check.quoted($0))" } ?? "the record"
                let source = expected.isRunDocument
                    ? "the run's id is \(Check.quoted(expected.id))"
                    : "\(describe(expected.place, from: position)) is \(Check.quoted(expected.id))"
                report(.runID, against: expected.place.position, in: position, at: runIDPointer,
                       "\(subject) has runId \(Check.quoted(recordRunID)), but \(source)")
            }
        }

        mutating func checkPaging(of position: Int, pageNumber: Int) {
            let page = documents[position].value
            let hasMore = page["hasMore"]?.boolValue
            let cursor = page["nextCursor"]
            let following = pages.count - 1 - pageNumber
            if following > 0, pages.indices.contains(pageNumber + 1) {
                let next = pages[pageNumber + 1]
                let pagesFollow = following == 1 ? "1 more page follows" : "\(following) more pages follow"
                if hasMore == false {
                    report(.hasMore, against: next, in: position, at: ["hasMore"], "hasMore is false, but \(pagesFollow)")
                } else if cursor == .null {
                    report(.nextCursor, against: next, in: position, at: ["nextCursor"], "nextCursor is null, but \(pagesFollow)")
                }
            } else if hasMore == false, let text = cursor?.stringValue {
                report(.nextCursor, against: position, in: position, at: ["nextCursor"],
                       "nextCursor is \(Check.quoted(text)), but hasMore is false")
            }
        }

        mutating func checkTotal(of position: Int) {
            guard let total = Check.count(documents[position].value["total"]) else { return }
            if let firstTotal {
                if ExactDecimal(total) != ExactDecimal(firstTotal.total) {
                    report(.total, against: firstTotal.position, in: position, at: ["total"],
                           "total is \(total), but the other file's total is \(firstTotal.total)")
                }
            } else {
                firstTotal = (position, total)
            }
            lastTotal = (position, total)
        }

        /// The records the pages hold against the last stated total: never more, and as many when
        /// the last page says `hasMore: false`.
        mutating func checkRecordCount() {
            guard let lastTotal, let lastPage = pages.last else { return }
            let counts = recordCounts.compactMap { $0 }
            guard counts.count == pages.count else { return }  // some page's records cannot be counted
            let stated = ExactDecimal(lastTotal.total)
            let held = counts.reduce(0, +)
            let holds = pages.count == 1 ? "the page holds" : "the \(pages.count) pages hold"
            let records = held == 1 ? "1 record" : "\(held) records"
            var running = 0
            for (position, count) in zip(pages, counts) {
                running += count
                if ExactDecimal(JSONNumber(running)).compare(to: stated) > 0 {
                    report(.total, against: position, in: lastTotal.position, at: ["total"],
                           "total is \(lastTotal.total), but \(holds) \(records)")
                    return
                }
            }
            if documents[lastPage].value["hasMore"]?.boolValue == false,
               ExactDecimal(JSONNumber(held)).compare(to: stated) != 0 {
                let last = pages.count == 1 ? "it says" : "the last says"
                report(.total, against: lastPage, in: lastTotal.position, at: ["total"],
                       "total is \(lastTotal.total), but \(holds) \(records) and \(last) hasMore: false")
            }
        }

        /// A count as the schema allows it: a number that is a whole number and not negative.
        static func count(_ value: JSONValue?) -> JSONNumber? {
            guard let number = value?.numberValue, number.isIntegral, !ExactDecimal(number).isNegative else { return nil }
            return number
        }

        mutating func report(_ kind: ScorecardPageContradiction.Kind, against first: Int, in second: Int, at pointer: JSONPointer,
                             _ message: String) {
            found.append(ScorecardPageContradiction(kind: kind, first: first, second: second, pointer: pointer, message: message))
        }

        /// `/data/2 of the other file`, or `/data/2` when `place` is in the document at `position`.
        func describe(_ place: Place, from position: Int) -> String {
            place.position == position ? "\(place.pointer)" : "\(place.pointer) of the other file"
        }

        /// `'text'`, cut to 40 characters with `…` when longer.
        static func quoted(_ text: String) -> String {
            guard text.unicodeScalars.count > 40 else { return "'\(text)'" }
            return "'" + String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…'"
        }
    }
}
