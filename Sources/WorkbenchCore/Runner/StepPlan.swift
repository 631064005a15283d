public import WorkbenchProtocol

/// A pipeline step resolved against its stage: what runs, what it receives, and its key identity.
public final class StepPlan: Sendable {
    public let step: PipelineStep
    public let descriptor: StageDescriptor
    public let hello: StageHello
    /// Position in topological order.
    public let index: Int
    public let inputs: [InputBinding]
    public let fingerprint: String
    public let configCanonical: [UInt8]
    public let configHash: String
    /// Hash of stage name, version, fingerprint and canonical config: the part of every key this step shares.
    public let identity: String
    public let protocolVersion: Int

    public var id: String { step.id }
    public var scope: StageScope { hello.scope }
    public var stageName: String { hello.name }

    init(step: PipelineStep, descriptor: StageDescriptor, hello: StageHello, index: Int, inputs: [InputBinding],
         fingerprint: String, protocolVersion: Int) {
        self.step = step
        self.descriptor = descriptor
        self.hello = hello
        self.index = index
        self.inputs = inputs
        self.fingerprint = fingerprint
        self.protocolVersion = protocolVersion
        configCanonical = step.config.serialized(sortedKeys: true)
        configHash = String(Hashing.sha256Hex(configCanonical).prefix(32))
        var hasher = KeyHasher(domain: "workbench-step/1")
        hasher.add(hello.name)
        hasher.add(hello.version)
        hasher.add(fingerprint)
        hasher.add(configCanonical)
        identity = hasher.finalizeHex()
    }

    /// The key of this step's task for one document, from the document hash and the upstream keys.
    public func taskKey(documentHash: String, inputKeys: [String]) -> String {
        var hasher = KeyHasher(domain: "workbench-task/1")
        hasher.add(identity)
        hasher.add(documentHash)
        for (binding, key) in zip(inputs, inputKeys) {
            hasher.add(binding.name)
            hasher.add(key)
        }
        return hasher.finalizeHex()
    }

    /// The key parts, for the `task` table.
    public func keyParts(documentHash: String, inputKeys: [String]) -> KeyParts {
        KeyParts(stage: hello.name, version: hello.version, fingerprint: fingerprint, configHash: configHash,
                 documentHash: documentHash,
                 inputs: zip(inputs, inputKeys).map { KeyParts.InputKey(name: $0.name, step: $0.stepId, key: $1) })
    }
}

/// One upstream step a step reads: the name the stage receives it under (`inputs.<name>` in the task).
public struct InputBinding: Hashable, Sendable {
    public var name: String
    public var stepId: String
    public var stepIndex: Int
    /// The only top-level members sent (the stage's hello `reads`); nil: the whole output.
    public var members: [String]? = nil
}

/// A validated pipeline, in topological order.
public struct RunPlan: Sendable {
    public let steps: [StepPlan]
    public let pipeline: Pipeline
    /// Warnings found while validating (they do not stop a run).
    public let warnings: [Diagnostic]

    public var documentSteps: [StepPlan] { steps.filter { $0.scope == .document } }
    public var corpusSteps: [StepPlan] { steps.filter { $0.scope == .corpus } }
    public func step(_ id: String) -> StepPlan? { steps.first { $0.id == id } }
}

/// An order-independent digest of a set of documents (a sum of their hashes, mod 2^256), so a
/// corpus step's key can be built while documents finish in any order.
public struct CorpusDigest: Hashable, Sendable {
    private var words: [UInt64] = [0, 0, 0, 0]
    public private(set) var count = 0

    public init() {}

    /// Adds one document: its id, its hash and the keys of the inputs the corpus step reads.
    public mutating func add(documentId: String, documentHash: String, inputKeys: [String]) {
        var bytes: [UInt8] = []
        for part in [documentId, documentHash] + inputKeys {
            bytes.append(contentsOf: part.utf8)
            bytes.append(0)
        }
        add(digest: Hashing.sha256(bytes))
    }

    mutating func add(digest: [UInt8]) {
        var carry: UInt64 = 0
        for i in 0..<4 {
            var word: UInt64 = 0
            for b in 0..<8 { word |= UInt64(digest[i * 8 + b]) << (8 * UInt64(b)) }
            let (s1, o1) = words[i].addingReportingOverflow(word)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            words[i] = s2
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        count += 1
    }

    public mutating func merge(_ other: CorpusDigest) {
        var bytes: [UInt8] = []
        for w in other.words { for b in 0..<8 { bytes.append(UInt8((w >> (8 * UInt64(b))) & 0xFF)) } }
        let savedCount = count
        add(digest: bytes)
        count = savedCount + other.count
    }

    public var hex: String { Hashing.hex(words.flatMap { w in (0..<8).map { UInt8((w >> (8 * UInt64($0))) & 0xFF) } }) }
}
