import WorkbenchProtocol

/// A document ready to be keyed: normalized, encoded once, hashed once, with every step's key.
struct KeyedDocument {
    let document: Document
    let json: [UInt8]
    let hash: String
    /// Per plan step; "" for corpus steps.
    let keys: [String]
}

/// Turns corpus documents into keyed documents, the same way for the main pass and the corpus pass.
struct DocumentKeys {
    let plan: RunPlan
    let workspaceDirectory: String

    /// `source_path` becomes relative to the workspace, so moving a workspace keeps its cache valid.
    func prepare(_ document: Document) -> Document {
        var document = document
        if let source = document.meta.sourcePath, source.hasPrefix(workspaceDirectory + "/") {
            document.meta.sourcePath = String(source.dropFirst(workspaceDirectory.count + 1))
        }
        return document
    }

    func keyed(_ raw: Document) -> KeyedDocument {
        let document = prepare(raw)
        let json = document.canonicalJSON
        let hash = String(Hashing.sha256Hex(json).prefix(32))
        var keys = [String](repeating: "", count: plan.steps.count)
        for step in plan.steps where step.scope == .document {
            keys[step.index] = step.taskKey(documentHash: hash, inputKeys: step.inputs.map { keys[$0.stepIndex] })
        }
        return KeyedDocument(document: document, json: json, hash: hash, keys: keys)
    }

    /// A corpus step's key: its identity and the digest of the documents it runs over.
    static func corpusKey(_ step: StepPlan, digest: CorpusDigest) -> String {
        var hasher = KeyHasher(domain: "workbench-corpus/1")
        hasher.add(step.identity)
        hasher.add(String(digest.count))
        hasher.add(digest.hex)
        return hasher.finalizeHex()
    }
}
