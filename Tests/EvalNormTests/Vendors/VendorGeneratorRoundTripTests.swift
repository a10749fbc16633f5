import EvalNorm
import Testing

/// Hundreds of random valid vendor payloads from ``RandomVendorPayloads``: each is detected as the
/// vendor and kind it is, decoded by the codec's field mapping (never its verbatim safety net), and
/// encoded back to exactly the same documents, directly and through a canonical JSON file.
///
/// A failure names the generator seed and prints the documents as compact JSON, with the JSON Pointers
/// where the codec's output differs.
struct VendorGeneratorRoundTripTests {
    /// Seeds per document kind.
    static let seeds = Array(1...150)

    @Test(arguments: seeds)
    func scorecardRun(seed: Int) {
        roundTrip(.scorecardRun, seed: seed)
    }

    @Test(arguments: seeds)
    func scorecardRecordsPage(seed: Int) {
        roundTrip(.scorecardRecordsPage, seed: seed)
    }

    /// A run and 1–4 of its records pages, decoded together, split back into the same list of documents.
    @Test(arguments: seeds)
    func scorecardRunWithPages(seed: Int) {
        roundTrip(.scorecardRunWithPages, seed: seed)
    }

    @Test(arguments: seeds)
    func dataFramerRun(seed: Int) {
        roundTrip(.dataFramerRun, seed: seed)
    }

    @Test(arguments: seeds)
    func aegisRun(seed: Int) {
        roundTrip(.aegisRun, seed: seed)
    }

    @Test(arguments: seeds)
    func lunaryRun(seed: Int) {
        roundTrip(.lunaryRun, seed: seed)
    }

    @Test(arguments: RandomVendorPayloads.Kind.allCases)
    func sameSeedGivesSameDocuments(kind: RandomVendorPayloads.Kind) {
        var first = RandomVendorPayloads(seed: 42), second = RandomVendorPayloads(seed: 42), other = RandomVendorPayloads(seed: 43)
        let documents = first.documents(kind)
        #expect(second.documents(kind) == documents)
        #expect(other.documents(kind) != documents)
    }

    /// Checks one generated payload.
    private func roundTrip(_ kind: RandomVendorPayloads.Kind, seed: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        // Each kind its own stream, so that seed n of one kind does not begin like seed n of another.
        let generatorSeed = UInt64(seed) << 8 | UInt64(RandomVendorPayloads.Kind.allCases.firstIndex(of: kind) ?? 0)
        var payloads = RandomVendorPayloads(seed: generatorSeed)
        let documents = payloads.documents(kind)
        let shown = "\(kind), RandomVendorPayloads(seed: \(generatorSeed)):\n"
            + documents.map { JSONWriter(style: .compact).string(from: $0.value) }.joined(separator: "\n")
        do {
            try roundTrip(documents, of: kind, shown: shown, sourceLocation: sourceLocation)
        } catch {
            Issue.record(error, "\(shown)", sourceLocation: sourceLocation)
        }
    }

    private func roundTrip(_ documents: [VendorDocument], of kind: RandomVendorPayloads.Kind, shown: String,
                           sourceLocation: Testing.SourceLocation) throws {
        try #require(kind == .scorecardRunWithPages ? (2...5).contains(documents.count) : documents.count == 1, "\(shown)",
                     sourceLocation: sourceLocation)

        // The generator's own promises: JSON text gives the value back, no object repeats a key, a few KB.
        for (offset, document) in documents.enumerated() {
            let bytes = JSONWriter(style: .compact).write(document.value)
            let reparsed = try JSONParser().parse(bytes)
            #expect(reparsed == document.value, "document \(offset) does not survive JSON text\n\(shown)", sourceLocation: sourceLocation)
            let duplicate = Self.firstDuplicateKey(in: document.value)
            #expect(duplicate == nil, "document \(offset) repeats a key\n\(shown)", sourceLocation: sourceLocation)
            #expect(bytes.count < 12_288, "document \(offset) is \(bytes.count) bytes", sourceLocation: sourceLocation)
            let format = try DocumentDetector.detect(document.value)
            #expect(format == DocumentFormat(vendor: document.vendor, kind: document.kind),
                    "document \(offset) detected as \(format)\n\(shown)", sourceLocation: sourceLocation)
        }

        let codec = try #require(VendorCodecs.codec(for: kind.vendor), sourceLocation: sourceLocation)
        let run = documents.count == 1 ? try codec.decode(documents[0].value, kind: documents[0].kind) : try codec.decode(documents)
        if run.hasVerbatimCopy {
            // Report what the field mapping itself writes, without the copy it fell back to.
            var mapped = run
            if var bag = mapped.extensions[kind.vendor.rawValue]?.objectValue {
                bag["verbatim"] = nil
                mapped.extensions[kind.vendor.rawValue] = bag.isEmpty ? nil : .object(bag)
            }
            let mappingDifferences = (try? codec.encode(mapped)).map { Self.differences(documents, $0) } ?? "it throws"
            Issue.record("fell back to a verbatim copy; the field mapping alone gives: \(mappingDifferences)\n\(shown)",
                         sourceLocation: sourceLocation)
        }

        let direct = try codec.encode(run)
        let directIsSame = direct.map(\.value) == documents.map(\.value)
        #expect(directIsSame, "encoded directly: \(Self.differences(documents, direct))\n\(shown)", sourceLocation: sourceLocation)
        #expect(direct.map(Self.format) == documents.map(Self.format), sourceLocation: sourceLocation)

        let canonical = CanonicalCodec()
        let reread = try canonical.decode(canonical.encode(run, style: .compact))
        let rereadIsSame = reread == run
        #expect(rereadIsSame, "the canonical file does not read back as the same run\n\(shown)", sourceLocation: sourceLocation)
        let throughFile = try codec.encode(reread)
        let throughFileIsSame = throughFile.map(\.value) == documents.map(\.value)
        #expect(throughFileIsSame, "through canonical JSON: \(Self.differences(documents, throughFile))\n\(shown)",
                sourceLocation: sourceLocation)
        #expect(throughFile.map(Self.format) == documents.map(Self.format), sourceLocation: sourceLocation)
    }

    private static func format(of document: VendorDocument) -> DocumentFormat {
        DocumentFormat(vendor: document.vendor, kind: document.kind)
    }

    /// Where `actual` differs from `expected`, document by document, as JSON Pointers.
    private static func differences(_ expected: [VendorDocument], _ actual: [VendorDocument]) -> String {
        var parts: [String] = []
        if expected.count != actual.count { parts.append("\(actual.count) documents instead of \(expected.count)") }
        for (offset, document) in expected.enumerated() where offset < actual.count && actual[offset].value != document.value {
            let pointers = JSONDifference.pointers(between: document.value, and: actual[offset].value)
            parts.append("document \(offset) differs at \(pointers.map { "'\($0)'" }.joined(separator: ", "))")
        }
        return parts.joined(separator: "; ")
    }

    /// The pointer of the first object member whose key repeats an earlier one in the same object.
    private static func firstDuplicateKey(in value: JSONValue, at pointer: JSONPointer = JSONPointer()) -> JSONPointer? {
        switch value {
        case .object(let object):
            if let index = object.firstDuplicateKeyIndex { return pointer.appending(object[index].key) }
            for member in object {
                if let found = firstDuplicateKey(in: member.value, at: pointer.appending(member.key)) { return found }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = firstDuplicateKey(in: element, at: pointer.appending(index: index)) { return found }
            }
        default:
            break
        }
        return nil
    }
}
